/**
 * react-pdf font stores: every family of the manifest registered with fresh
 * fontkit objects built from the cached font files (see `registerFonts`).
 */
import { Font as rendererFontStore } from "@react-pdf/renderer";
import { documentFont, type ShapingMemo } from "./font-files.ts";
import type { FontFace, FontFamily, FontManifest, FontStyle } from "./font-manifest.ts";

/** A react-pdf font store, as `@react-pdf/renderer` exports it (`Font`). */
export type FontStore = typeof rendererFontStore;

type FontSourceLike = { src: string; fontWeight: number; fontStyle: string; data: unknown; loadResultPromise: Promise<void> | null };

/** The part of react-pdf's `FontStore` (`Font` of `@react-pdf/renderer`) used here. */
export type FontStoreLike = {
  register(data: { family: string; fonts: { src: string; fontWeight?: number; fontStyle?: FontStyle }[] }): void;
  getRegisteredFonts(): Record<string, { sources: FontSourceLike[] }>;
};

/**
 * Registers every family of the manifest on a react-pdf font store under its
 * id, with fonts already loaded: no file is read and no table decoded again,
 * so a fresh store per document costs well under a millisecond. Calling it
 * twice on one store adds nothing. Does not touch the store's global
 * hyphenation callback (layouts pass `hyphenationCallback` per `Text`).
 * `memo`: where the fonts remember shaped runs (default: one for the process).
 */
export function registerFonts(fontStore: FontStoreLike, manifest: FontManifest, memo?: ShapingMemo): void {
  for (const family of manifest.families) {
    const existing = fontStore.getRegisteredFonts()[family.id]?.sources ?? [];
    const missing = family.faces.filter(
      (face) => !existing.some((s) => s.src === face.path && s.fontWeight === face.weight && s.fontStyle === face.style),
    );
    if (missing.length === 0) continue;
    fontStore.register({ family: family.id, fonts: missing.map((face) => ({ src: face.path, fontWeight: face.weight, fontStyle: face.style })) });
    const sources = fontStore.getRegisteredFonts()[family.id]?.sources ?? [];
    for (const face of missing) {
      const source = sources.find((s) => s.src === face.path && s.fontWeight === face.weight && s.fontStyle === face.style && s.data === null);
      if (!source) continue;
      source.data = documentFont(face, memo);
      source.loadResultPromise = Promise.resolve();
    }
  }
}

/**
 * A fresh react-pdf font store with the manifest's families registered.
 * Cheap (fonts are already parsed): make one per document, so that fontkit's
 * glyph cache never carries over from one document to the next. Pass a
 * `memo` to share shaped runs only among the documents that get it.
 */
export function createFontStore(manifest: FontManifest, memo?: ShapingMemo): FontStore {
  const Store = rendererFontStore.constructor as new () => FontStore;
  const store = new Store();
  registerFonts(store, manifest, memo);
  return store;
}

/** "Noto Serif Bold Italic". */
export function faceName(family: FontFamily, face: FontFace): string {
  const weights: Record<number, string> = { 100: "Thin", 200: "ExtraLight", 300: "Light", 400: "Regular", 500: "Medium", 600: "SemiBold", 700: "Bold", 800: "ExtraBold", 900: "Black" };
  const weight = weights[face.weight] ?? String(face.weight);
  if (face.style === "italic") return `${family.name} ${weight === "Regular" ? "Italic" : `${weight} Italic`}`;
  return `${family.name} ${weight}`;
}
