/**
 * The pages `pressroom watch` serves: a preview page per release and the
 * contact sheet, both with the live-reload snippet (src/sheet/). Previews
 * are rewritten only for releases with a rebuilt or failed output; the
 * page images of unchanged PDFs are cached by the sheet.
 */
import type { BuildResult } from "../build/build.ts";
import { entriesFromBuild, writeContactSheet, writeReleasePreview } from "../sheet/index.ts";

export async function writePreviews(where: { contentDir: string; outDir: string; layouts: readonly string[] }, result: BuildResult, events: string, changedOnly: boolean): Promise<void> {
  const entries = entriesFromBuild(result, where);
  const changed = new Set([...result.timings.units.map((u) => u.file.split("/")[0]!), ...entries.filter((e) => !e.ok).map((e) => e.slug)]);
  const slugs = [...new Set(entries.map((e) => e.slug))].filter((slug) => !changedOnly || changed.has(slug));
  // Previews first: the contact sheet links to the ones that exist.
  for (const slug of slugs) await writeReleasePreview(where.outDir, slug, entries, { liveReload: events });
  await writeContactSheet(where.outDir, entries, { liveReload: events });
}
