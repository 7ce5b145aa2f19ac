/**
 * The font manifest (`fonts/manifest.json`): which TTF/OTF files make up each
 * font family, the scripts they are meant for and the family stacks layouts
 * use. Font files are read and parsed once per process; every react-pdf font
 * store gets fresh fontkit objects built from those bytes (see `registerFonts`).
 */
export { fontFor, newShapingMemo, type FontkitFont, type ShapingMemo } from "./font-files.ts";
export { loadFontManifest, type FontFace, type FontFamily, type FontManifest, type FontRole, type FontStyle } from "./font-manifest.ts";
export { createFontStore, faceName, registerFonts, type FontStore, type FontStoreLike } from "./font-store.ts";
