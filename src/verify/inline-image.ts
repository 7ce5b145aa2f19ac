/** Finding the end of inline image data (BI … ID data EI) in a content stream. */
import type { PdfDict, PdfValue } from "./lexer.ts";

const isWhite = (c: number | undefined): boolean => c === 0x00 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
const isDelim = (c: number): boolean => "()<>[]{}/%".includes(String.fromCharCode(c));

function components(cs: PdfValue | undefined): number | undefined {
  const first = Array.isArray(cs) ? cs[0] : cs;
  const n = typeof first === "object" && first !== null && !Array.isArray(first) && first.kind === "name" ? first.name : undefined;
  switch (n) {
    case "G":
    case "DeviceGray":
    case "I":
    case "Indexed":
      return 1;
    case "RGB":
    case "DeviceRGB":
      return 3;
    case "CMYK":
    case "DeviceCMYK":
      return 4;
    default:
      return undefined; // a named resource: size unknown here
  }
}

/** Whether the bytes after a candidate `EI` look like content-stream text rather than binary data. */
function looksLikeContent(d: Uint8Array, from: number): boolean {
  const end = Math.min(d.length, from + 32);
  for (let i = from; i < end; i++) {
    const c = d[i]!;
    if ((c < 0x20 && !isWhite(c)) || c > 0x7e) return false;
  }
  return true;
}

/**
 * Given the position just after the `ID` keyword, returns the position just
 * after the matching `EI`. Unfiltered data of known size is skipped by
 * length; otherwise the first `EI` delimited by white space and followed by
 * plausible content-stream text ends the image.
 */
export function inlineImageEnd(d: Uint8Array, afterId: number, dict: PdfDict): number {
  const start = isWhite(d[afterId]) ? afterId + 1 : afterId; // one white-space byte follows ID
  const get = (a: string, b: string): PdfValue | undefined => dict.entries.get(a) ?? dict.entries.get(b);
  const filter = get("F", "Filter");
  const hasFilter = filter !== undefined && !(Array.isArray(filter) && filter.length === 0);
  if (!hasFilter) {
    const w = get("W", "Width");
    const h = get("H", "Height");
    const mask = get("IM", "ImageMask") === true;
    const bpc = mask ? 1 : get("BPC", "BitsPerComponent");
    const comps = mask ? 1 : components(get("CS", "ColorSpace"));
    if (typeof w === "number" && typeof h === "number" && typeof bpc === "number" && comps !== undefined) {
      let p = start + Math.ceil((w * comps * bpc) / 8) * h;
      while (p < d.length && isWhite(d[p])) p++;
      if (d[p] === 0x45 && d[p + 1] === 0x49 && (p + 2 >= d.length || isWhite(d[p + 2]) || isDelim(d[p + 2]!))) return p + 2;
    }
  }
  for (let p = start; p + 1 < d.length; p++) {
    if (d[p] !== 0x45 || d[p + 1] !== 0x49) continue;
    if (p > start && !isWhite(d[p - 1])) continue;
    const after = p + 2;
    if (after < d.length && !isWhite(d[after]) && !isDelim(d[after]!)) continue;
    if (looksLikeContent(d, after)) return after;
  }
  return d.length;
}
