/**
 * The pages `pressroom watch` serves: the contact sheet and a preview page
 * per release, with the live-reload snippet (src/sheet/).
 */
import type { BuildResult } from "../build/build.ts";

export async function writePreviews(_outDir: string, _result: BuildResult, _events: string): Promise<void> {
  // Filled in when the contact sheet lands.
}
