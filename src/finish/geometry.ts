/**
 * Print-master page geometry: the trim (the layout's page) centred on a
 * larger sheet with 3 mm of bleed and room for crop marks around it. The
 * model keeps trim and bleed apart; page boxes are derived here, when writing.
 */
import { mm } from "../compose/define-layout.ts";
import type { PageGeometry } from "../render/render.ts";

/** Bleed on every side of the trim. */
export const BLEED = mm(3);
/** Crop marks start this far from the trim edge: at the bleed edge, never inside the bleed. */
export const MARK_OFFSET = BLEED;
export const MARK_LENGTH = mm(6);
/** Sheet beyond the trim on each side: bleed, the marks, and 3 mm clear of them. */
export const SLUG = mm(12);

export function printGeometry(trim: readonly [number, number]): PageGeometry {
  const [width, height] = trim;
  return { media: [width + 2 * SLUG, height + 2 * SLUG], trimOrigin: [SLUG, SLUG], trim, bleed: BLEED };
}

/** A PDF rectangle [llx lly urx ury], y up. */
export type PdfRect = [number, number, number, number];

/**
 * TrimBox and BleedBox in PDF coordinates. pdfkit flips the page's user space
 * (y down, origin top left) in the content stream only; page dictionary boxes
 * are in default user space, y up from the bottom of the MediaBox.
 */
export function pageBoxes(g: PageGeometry): { trimBox: PdfRect; bleedBox: PdfRect } {
  const [, sheetHeight] = g.media;
  const [left, top] = g.trimOrigin;
  const [width, height] = g.trim;
  const trimBox: PdfRect = [left, sheetHeight - (top + height), left + width, sheetHeight - top];
  const b = g.bleed;
  return { trimBox, bleedBox: [trimBox[0] - b, trimBox[1] - b, trimBox[2] + b, trimBox[3] + b] };
}

/** Sets /TrimBox and /BleedBox on the current page (pdfkit writes the MediaBox). */
export function setPageBoxes(doc: { page: { dictionary: { data: Record<string, unknown> } } }, g: PageGeometry): void {
  const { trimBox, bleedBox } = pageBoxes(g);
  doc.page.dictionary.data.TrimBox = trimBox;
  doc.page.dictionary.data.BleedBox = bleedBox;
}
