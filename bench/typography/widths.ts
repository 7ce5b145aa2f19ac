/**
 * Glyph widths as the PDF declares them (ISO 32000-1 9.7.4.3 and 9.2.4):
 * a CIDFont's /W and /DW, a simple font's /FirstChar, /Widths and the
 * descriptor's /MissingWidth. These widths, not the font program's, are what
 * a viewer advances the pen by, so they are what the typography report
 * measures with. Values are in glyph space (1/1000 of the font size).
 *
 * Constraint: Type 3 fonts (/FontMatrix) and vertical writing are not used by
 * Pressroom and are not handled; their widths read as 1/1000 units.
 */
import { lookupCid, parseCMap, type Code } from "../../src/verify/cmap.ts";
import type { FontInfo } from "../../src/verify/font.ts";
import { intOf, isArray, isDict, items, numOf, present, streamBytes, type Obj } from "../../src/verify/pdf.ts";

export type WidthOf = (code: Code) => number;

const cache = new WeakMap<FontInfo, WidthOf>();

/** The declared width of each character code of `font`, cached per font model. */
export function widthsOf(font: FontInfo): WidthOf {
  let w = cache.get(font);
  if (!w) cache.set(font, (w = font.subtype === "Type0" ? cidWidths(font) : simpleWidths(font.dict)));
  return w;
}

function cidWidths(font: FontInfo): WidthOf {
  const desc = font.descendant;
  const dw = numOf(desc?.get("DW")) ?? 1000;
  const byCid = new Map<number, number>();
  const w = items(desc?.get("W"));
  // /W is a list of `c [w1 w2 …]` and `cfirst clast w` entries.
  for (let i = 0; i < w.length; ) {
    const first = intOf(w[i]);
    const next = w[i + 1];
    if (first === undefined) break;
    if (isArray(next)) {
      items(next).forEach((v, k) => byCid.set(first + k, numOf(v) ?? dw));
      i += 2;
    } else {
      const last = intOf(next);
      const width = numOf(w[i + 2]);
      if (last === undefined || width === undefined) break;
      for (let c = first; c <= last && c - first < 65536; c++) byCid.set(c, width);
      i += 3;
    }
  }
  const cidOf = cidMapping(font);
  return (code) => byCid.get(cidOf(code)) ?? dw;
}

/** Character code → CID: Identity-H/V, an embedded CMap, else the code itself. */
function cidMapping(font: FontInfo): (code: Code) => number {
  const enc = font.dict.get("Encoding");
  if (present(enc) && enc.isStream()) {
    const data = streamBytes(enc);
    const cm = data ? parseCMap(data) : undefined;
    if (cm && (cm.cidChars.size || cm.cidRanges.length)) return (c) => lookupCid(cm, c.len, c.code) ?? 0;
  }
  return (c) => c.code;
}

function simpleWidths(dict: Obj): WidthOf {
  const first = intOf(dict.get("FirstChar")) ?? 0;
  const widths = items(dict.get("Widths")).map((v) => numOf(v));
  const fd = dict.get("FontDescriptor");
  const missing = (isDict(fd) ? numOf(fd.get("MissingWidth")) : undefined) ?? 0;
  return (c) => widths[c.code - first] ?? missing;
}
