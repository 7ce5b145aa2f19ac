/**
 * Output profiles: what the render stage does beyond the layout, and which
 * checks the verify stage runs. Registry entries, not if-chains.
 */
import type { OutputProfile } from "../compose/define-layout.ts";
import type { CheckProfile } from "../verify/check.ts";
import type { PaintOptions } from "./paint.ts";

export type ProfileSpec = { paint: PaintOptions; checks: CheckProfile[] };

export const profiles: Record<OutputProfile, ProfileSpec> = {
  accessible: { paint: { colour: (css) => css, annotations: true }, checks: ["ua"] },
  // Print masters (PDF/X-4) come with the print editions.
  print: { paint: { colour: (css) => css, annotations: false }, checks: ["ua", "print"] },
};
