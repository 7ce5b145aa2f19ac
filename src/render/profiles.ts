/**
 * Output profiles: what the render stage does beyond the layout, and which
 * checks the verify stage runs. Registry entries, not if-chains.
 */
import type { Layout, OutputProfile } from "../compose/define-layout.ts";
import type { ReleaseBrand } from "../model/brand.ts";
import type { CheckProfile } from "../verify/check.ts";
import { printFinish } from "../finish/print.ts";
import { cmykTable } from "./colour.ts";
import type { PaintOptions } from "./paint.ts";
import type { Finish } from "./render.ts";

export type ProfileSpec = {
  /** `brand`: the release's brand colours, which replace the layout's tokens of the same name. */
  paint(layout: Layout, brand?: ReleaseBrand): PaintOptions;
  checks: CheckProfile[];
  finish?: Finish;
};

export const profiles: Record<OutputProfile, ProfileSpec> = {
  // Tagged PDF/UA-1 for screens, e-mail and office printers.
  accessible: {
    paint: () => ({ colour: (css) => css, annotations: true }),
    checks: ["ua"],
  },
  // Print master: PDF/UA-1 and PDF/X-4 in one file; CMYK only, no annotations.
  print: {
    paint: (layout, brand) => ({ colour: cmykTable({ ...layout.colours, ...brand?.colours }), annotations: false }),
    checks: ["ua", "print"],
    finish: printFinish,
  },
};
