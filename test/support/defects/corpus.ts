/**
 * The defect corpus: every variant, generated in memory from Pressroom's own
 * output. Handout variants are checked as the build checks a handout
 * (profile `ua`), print variants as it checks a print master (`ua` and
 * `print`, PDF/X required).
 */
import type { CheckOptions } from "../../../src/verify/check.ts";
import { baseBytes } from "./bases.ts";
import { openPdf, savePdf } from "./pdf.ts";
import type { Variant } from "./variant.ts";
import { annotationVariants } from "./variants/annotations.ts";
import { contentVariants } from "./variants/content.ts";
import { documentVariants } from "./variants/document.ts";
import { fontVariants } from "./variants/fonts.ts";
import { printVariants } from "./variants/print.ts";
import { structureVariants } from "./variants/structure.ts";

export type { Variant } from "./variant.ts";

export const VARIANTS: readonly Variant[] = [
  ...documentVariants,
  ...contentVariants,
  ...structureVariants,
  ...annotationVariants,
  ...fontVariants,
  ...printVariants,
];

export function variantNamed(name: string): Variant {
  const v = VARIANTS.find((x) => x.name === name);
  if (!v) throw new Error(`no defect variant "${name}"`);
  return v;
}

/** The options the build would check this file with. */
export function checkOptionsFor(v: Variant, file = `${v.name}.pdf`): CheckOptions {
  return v.base === "print" ? { file, profiles: ["ua", "print"], requirePdfx: true } : { file, profiles: ["ua"] };
}

/** Applies `edits` to a base, in order, and saves. */
export async function applyEdits(v: Pick<Variant, "base">, ...edits: Pick<Variant, "edit" | "finish">[]): Promise<Uint8Array> {
  const doc = openPdf(await baseBytes(v.base));
  try {
    for (const e of edits) e.edit?.(doc);
    let bytes = savePdf(doc);
    for (const e of edits) if (e.finish) bytes = e.finish(bytes);
    return bytes;
  } finally {
    doc.destroy();
  }
}

export const generate = (v: Variant): Promise<Uint8Array> => applyEdits(v, v);

/** Generates the variants (all, or those `keep` selects) by name. */
export async function generateCorpus(keep: (v: Variant) => boolean = () => true): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const v of VARIANTS.filter(keep)) out.set(v.name, await generate(v));
  return out;
}
