/**
 * The print-master finish: PDF/X-4 on top of the tagged PDF/UA-1 file. The
 * render stage calls it for the document and for every page.
 */
import type { Finish } from "../render/render.ts";
import { printGeometry, setPageBoxes } from "./geometry.ts";
import { addRegistrationColour, drawCropMarks } from "./marks.ts";
import { addOutputIntent } from "./output-intent.ts";
import { identifyPdfx } from "./pdfx-metadata.ts";

export const printFinish: Finish = {
  // trim + 3 mm bleed + room for crop marks
  geometry: printGeometry,
  document(doc, meta) {
    addOutputIntent(doc);
    identifyPdfx(doc, meta);
    addRegistrationColour(doc);
  },
  page(doc, geometry) {
    setPageBoxes(doc, geometry);
    drawCropMarks(doc, geometry);
  },
};
