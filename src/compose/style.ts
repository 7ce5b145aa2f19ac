import type { Style as PdfStyle } from "@react-pdf/types";

/** A react-pdf style, or a list of them (later entries win). */
export type Style = PdfStyle;
export type StyleList = PdfStyle | PdfStyle[];
