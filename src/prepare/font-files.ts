/**
 * Font files: read and parsed once per process (the cache below); every
 * react-pdf font store gets fresh fontkit objects built from those bytes (see
 * `documentFont` and `registerFonts` in font-store.ts).
 */
import { readFileSync, statSync } from "node:fs";
// @ts-ignore fontkit ships no type declarations; the few members used are typed below.
import * as fontkitModule from "fontkit";
import type { FontFace } from "./font-manifest.ts";

/** The members of a fontkit 2 font used here (react-pdf hands the same objects to textkit). */
export type FontkitFont = {
  postscriptName: string;
  numGlyphs: number;
  directory: { tables: Record<string, unknown> };
  hasGlyphForCodePoint(codePoint: number): boolean;
};
const fontkit = fontkitModule as unknown as { create(bytes: Uint8Array): FontkitFont | { fonts: unknown[] } };

type Cached = { size: number; mtimeMs: number; bytes: Buffer; master: FontkitFont };
/** Font files by absolute path: bytes and one parsed instance whose decoded tables are shared. */
export const fontFiles = new Map<string, Cached>();

/** Parses a font file, or says why it cannot be used for embedding. */
export function parseFont(bytes: Buffer, spec: string): { bytes: Buffer; font: FontkitFont } | { problem: string; hint: string } {
  const tag = bytes.subarray(0, 4).toString("latin1");
  if (tag === "wOF2") {
    return {
      problem: `${spec} is a WOFF2 file, which cannot be embedded (fontkit's subsetter crashes on it)`,
      hint: "use the font's TTF or OTF file (npm packages such as @expo-google-fonts/* ship them)",
    };
  }
  if (tag === "ttcf") return { problem: `${spec} is a font collection (TTC), which react-pdf cannot load`, hint: "use a single-font .ttf or .otf file" };
  if (!["\0\x01\0\0", "true", "OTTO", "wOFF"].includes(tag)) {
    return { problem: `${spec} is not a TrueType or OpenType font`, hint: "use a .ttf or .otf file" };
  }
  let font: FontkitFont;
  try {
    font = fontkit.create(bytes) as FontkitFont;
    if (!(font.numGlyphs > 0)) throw new Error("no glyphs");
  } catch (e) {
    return { problem: `${spec} cannot be read as a font: ${(e as Error).message}`, hint: "use a .ttf or .otf file" };
  }
  if ("fvar" in font.directory.tables) {
    return { problem: `${spec} is a variable font, which cannot be embedded (the subsetter crashes on it)`, hint: "use the family's static files, one per weight and style" };
  }
  if (!font.hasGlyphForCodePoint(0x20)) {
    return { problem: `${spec} maps no space character`, hint: "use a text font with a Unicode character map" };
  }
  return { bytes, font };
}

/** The parsed font for a manifest face (read synchronously if `loadFontManifest` did not). */
export function fontFor(face: FontFace): FontkitFont {
  let cached = fontFiles.get(face.path);
  if (!cached) {
    const info = statSync(face.path);
    const parsed = parseFont(readFileSync(face.path), face.file);
    if ("problem" in parsed) throw new Error(`${parsed.problem}; ${parsed.hint}`);
    cached = { size: info.size, mtimeMs: info.mtimeMs, bytes: parsed.bytes, master: parsed.font };
    fontFiles.set(face.path, cached);
  }
  return cached.master;
}

/**
 * A new fontkit object for one document: its own glyph cache (glyphs carry
 * the code points of their first use, see react-pdf-layout-tree.md §5), but
 * the decoded tables (cmap, GSUB, GPOS, hmtx…) of the shared instance, so
 * nothing is read or decoded twice. fontkit is pinned at 2.0.4; its lazily
 * filled `_tables` is the only private field used. `memo` remembers shaped
 * runs (see `withShapingMemo`); by default one memo for the whole process.
 */
export function documentFont(face: FontFace, memo: ShapingMemo = processMemo): FontkitFont {
  const master = fontFor(face);
  const cached = fontFiles.get(face.path)!;
  const font = fontkit.create(cached.bytes) as FontkitFont;
  const shared = (master as unknown as { _tables?: unknown })._tables;
  if (shared && typeof shared === "object" && "_tables" in font) {
    (font as unknown as { _tables: unknown })._tables = shared;
  }
  return withShapingMemo(font, face.path, memo);
}

type Layoutable = { layout(text: unknown, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): unknown };

/**
 * Shaped runs by font file, then by text, features, script, language and
 * direction. Whoever holds a memo decides how long the runs live: the build
 * keeps one per release (its editions share most runs, other releases
 * almost none), so a long build does not carry every release's runs, and
 * the first documents' font objects they point to, to its end.
 */
export type ShapingMemo = Map<string, Map<string, unknown>>;

export const newShapingMemo = (): ShapingMemo => new Map();

/** The memo of documents given none (tests, the bench's warm rounds): for the whole process. */
const processMemo: ShapingMemo = newShapingMemo();
/** Runs kept per font file before a memo starts afresh (a long archive build must not grow without end). */
const MAX_RUNS_PER_FONT = 50_000;

/**
 * Each document is laid out several times (the frame up to three times,
 * the column flow twice) and a release in every edition, and each time
 * textkit shapes every run again through `font.layout`: OpenType shaping
 * (GSUB/GPOS) was the largest cost of a build. The same run in the same
 * font file with the same features shapes the same, so runs are remembered
 * per font file. textkit 7.0.1 (pinned) copies the positions of a run and
 * never changes its glyph array, so a remembered run can be handed out
 * again. Its glyphs belong to the font object of the document that shaped
 * it first: the render stage takes glyph ids, advances and the source text
 * from them, never that font object (pdfkit embeds each glyph by id from
 * the document's own font). (Runs are not split into words to share more:
 * fontkit's fixed cost per call then outweighs the shaping saved.)
 */
function withShapingMemo(font: FontkitFont, file: string, memo: ShapingMemo): FontkitFont {
  const target = font as unknown as Layoutable;
  const shape = target.layout.bind(font);
  target.layout = (text, features, script, language, direction) => {
    if (typeof text !== "string") return shape(text, features, script, language, direction);
    let runs = memo.get(file);
    if (!runs || runs.size >= MAX_RUNS_PER_FONT) memo.set(file, (runs = new Map()));
    const key = `${text}\u0000${JSON.stringify(features ?? null)}\u0000${String(script)}\u0000${String(language)}\u0000${String(direction)}`;
    let run = runs.get(key);
    if (run === undefined) runs.set(key, (run = shape(text, features, script, language, direction)));
    return run;
  };
  return font;
}
