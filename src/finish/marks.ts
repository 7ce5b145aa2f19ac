/**
 * Printer's marks: crop marks at the four trim corners, in the registration
 * colour, as page artifacts.
 */
import { withArtifact, type Doc } from "../render/marked.ts";
import type { PageGeometry } from "../render/render.ts";
import { MARK_LENGTH, MARK_OFFSET } from "./geometry.ts";

/** The registration colour: a Separation named `All` prints on every plate. */
export const REGISTRATION = "All";
/** Hairline width for crop marks, pt. */
export const MARK_WIDTH = 0.25;

/** Registers the registration colour with pdfkit; once per document, before the first page. */
export function addRegistrationColour(doc: Doc): void {
  // Separation /All, alternate DeviceCMYK, tint 1 → 100/100/100/100.
  doc.addSpotColor(REGISTRATION, 100, 100, 100, 100);
}

/** A crop-mark segment in pdfkit's page space (y down). */
export type Segment = readonly [x0: number, y0: number, x1: number, y1: number];

/**
 * Eight segments: at each trim corner one horizontal and one vertical mark on
 * the trim lines, pointing outwards, from MARK_OFFSET to MARK_OFFSET + MARK_LENGTH
 * beyond the corner, so that no mark reaches into the bleed.
 */
export function cropMarks(g: PageGeometry): Segment[] {
  const [left, top] = g.trimOrigin;
  const [width, height] = g.trim;
  const near = Math.max(MARK_OFFSET, g.bleed);
  const far = near + MARK_LENGTH;
  const out: Segment[] = [];
  for (const [x, dx] of [[left, -1], [left + width, 1]] as const) {
    for (const [y, dy] of [[top, -1], [top + height, 1]] as const) {
      out.push([x + dx * near, y, x + dx * far, y]);
      out.push([x, y + dy * near, x, y + dy * far]);
    }
  }
  return out;
}

export function drawCropMarks(doc: Doc, g: PageGeometry): void {
  withArtifact(doc, "Page", () => {
    doc.save();
    try {
      doc.lineWidth(MARK_WIDTH).strokeColor(REGISTRATION);
      for (const [x0, y0, x1, y1] of cropMarks(g)) doc.moveTo(x0, y0).lineTo(x1, y1);
      doc.stroke();
    } finally {
      doc.restore();
    }
  });
}
