/** Output finishes: what a profile adds to the tagged PDF (print masters: PDF/X-4). */
export { printFinish } from "./print.ts";
export { prepareForPrint } from "./prepare-print.ts";
export { toCmykJpeg } from "./cmyk-images.ts";
