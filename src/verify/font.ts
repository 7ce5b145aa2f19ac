/**
 * Font model for checking and text extraction: how a shown string splits
 * into character codes, what Unicode each code maps to, and whether a code
 * selects the .notdef glyph.
 */
import { lookupCid, lookupUnicode, parseCMap, splitCodes, type CMap, type Code, type CodespaceRange } from "./cmap.ts";
import { baseEncodingUnicode, glyphNameToUnicode } from "./encodings.ts";
import { intOf, isDict, items, nameOf, numOf, present, refOf, streamBytes, textOf, type Obj } from "./pdf.ts";

/** Character collections whose CIDs have published Unicode mappings. */
const KNOWN_ORDERINGS = new Set(["GB1", "CNS1", "Japan1", "Korea1"]);

export type FontInfo = {
  /** Object number of the font dictionary (negative for direct dictionaries). */
  id: number;
  dict: Obj;
  /** /BaseFont without subset prefix handling. */
  name: string;
  subtype: string;
  /** Type0: the descendant CIDFont. */
  descendant?: Obj;
  /** Type0: /Encoding name, or "(embedded)" for a CMap stream. */
  cmapName?: string;
  /** Parsed /ToUnicode, if the font has one that parses. */
  toUnicode?: CMap;
  /** Simple fonts: code → glyph name from /Differences. */
  differences?: Map<number, string>;
  /** Simple fonts: base encoding used for codes not in /Differences. */
  baseEncoding?: string;
  /** Without /ToUnicode: whether codes still map to Unicode by a standard route (encoding, Unicode or known CID collection). */
  standardMapping: boolean;
  split(bytes: Uint8Array): Code[];
  /** Unicode text of a code, undefined if the font gives no mapping. */
  unicode(c: Code): string | undefined;
  /** Whether the code maps to Unicode by some standard means (ToUnicode, encoding, or a known CID collection). */
  mapped(c: Code): boolean;
  /** Whether the code selects the .notdef glyph (only where that can be decided cheaply). */
  notdef(c: Code): boolean;
};

export function isSymbolic(fontDescriptor: Obj | undefined): boolean {
  const flags = intOf(present(fontDescriptor) ? fontDescriptor.get("Flags") : undefined) ?? 0;
  return (flags & 4) !== 0;
}

function parseToUnicode(dict: Obj): CMap | undefined {
  const tu = dict.get("ToUnicode");
  const data = streamBytes(tu);
  return data ? parseCMap(data) : undefined;
}

function readDifferences(enc: Obj): Map<number, string> {
  const out = new Map<number, string>();
  let code = -1;
  for (const it of items(enc.get("Differences"))) {
    const n = numOf(it);
    if (n !== undefined) code = Math.trunc(n);
    else {
      const g = nameOf(it);
      if (g !== undefined && code >= 0 && code < 256) out.set(code++, g);
    }
  }
  return out;
}

/** Number of glyphs in an embedded TrueType font program (maxp), if readable. */
function trueTypeGlyphCount(fontFile: Obj | undefined): number | undefined {
  const data = streamBytes(fontFile);
  if (!data || data.length < 12) return undefined;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const numTables = dv.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (rec + 16 > data.length) return undefined;
    const tag = String.fromCharCode(data[rec]!, data[rec + 1]!, data[rec + 2]!, data[rec + 3]!);
    if (tag === "maxp") {
      const off = dv.getUint32(rec + 8);
      return off + 6 <= data.length ? dv.getUint16(off + 4) : undefined;
    }
  }
  return undefined;
}

type FontBase = Omit<FontInfo, "split" | "unicode" | "mapped" | "notdef" | "standardMapping">;

function type0Font(dict: Obj, base: FontBase): FontInfo {
  const encObj = dict.get("Encoding");
  const desc = items(dict.get("DescendantFonts"))[0];
  const descendant = isDict(desc) ? desc : undefined;
  let codespace: CodespaceRange[] = [];
  let cidOf: (c: Code) => number | undefined = () => undefined;
  let unicodeCMap = false;
  let cmapName: string | undefined;
  if (present(encObj) && encObj.isStream()) {
    cmapName = "(embedded)";
    const data = streamBytes(encObj);
    const cm = data ? parseCMap(data) : undefined;
    if (cm) {
      codespace = cm.codespace;
      if (cm.cidChars.size || cm.cidRanges.length) cidOf = (c) => lookupCid(cm, c.len, c.code);
      else if (cm.useCMap === "Identity-H" || cm.useCMap === "Identity-V") cidOf = (c) => c.code;
    }
  } else {
    cmapName = nameOf(encObj);
    if (cmapName === "Identity-H" || cmapName === "Identity-V") {
      codespace = [{ len: 2, lo: 0, hi: 0xffff }];
      cidOf = (c) => c.code;
    } else if (cmapName && /^Uni.*-(UCS2|UTF16)(-HW)?-[HV]$/.test(cmapName)) {
      unicodeCMap = true;
    }
  }
  const toUnicode = base.toUnicode;
  if (codespace.length === 0 && toUnicode) codespace = toUnicode.codespace;
  const sysInfo = descendant?.get("CIDSystemInfo");
  const ordering = isDict(sysInfo) ? textOf(sysInfo.get("Ordering")) : undefined;
  const knownCollection = ordering !== undefined && KNOWN_ORDERINGS.has(ordering);

  const descSubtype = nameOf(descendant?.get("Subtype"));
  let gidOf: (cid: number) => number = (cid) => cid;
  let glyphCount: number | undefined | null = null; // null = not computed yet
  if (descendant && descSubtype === "CIDFontType2") {
    const map = descendant.get("CIDToGIDMap");
    if (present(map) && map.isStream()) {
      const data = streamBytes(map) ?? new Uint8Array();
      gidOf = (cid) => (2 * cid + 1 < data.length ? (data[2 * cid]! << 8) | data[2 * cid + 1]! : 0);
    }
  }
  const countGlyphs = (): number | undefined => {
    if (glyphCount === null) {
      const fd = descendant?.get("FontDescriptor");
      glyphCount = descSubtype === "CIDFontType2" && isDict(fd) ? trueTypeGlyphCount(fd.get("FontFile2")) : undefined;
    }
    return glyphCount;
  };

  const unicode = (c: Code): string | undefined => {
    if (toUnicode) {
      const u = lookupUnicode(toUnicode, c.len, c.code);
      if (u !== undefined) return u;
    }
    if (unicodeCMap) return c.len === 2 ? String.fromCharCode(c.code) : undefined;
    return undefined;
  };
  return {
    ...base,
    ...(descendant ? { descendant } : {}),
    ...(cmapName ? { cmapName } : {}),
    standardMapping: unicodeCMap || knownCollection,
    split: (bytes) => splitCodes(bytes, codespace, 2),
    unicode,
    mapped: (c) => unicode(c) !== undefined || (!toUnicode && knownCollection),
    notdef: (c) => {
      const cid = cidOf(c);
      if (cid === undefined) return false;
      if (cid === 0) return true;
      if (descSubtype !== "CIDFontType2") return false;
      const gid = gidOf(cid);
      if (gid === 0) return true;
      const n = countGlyphs();
      return n !== undefined && gid >= n;
    },
  };
}

function simpleFont(dict: Obj, base: FontBase): FontInfo {
  const encObj = dict.get("Encoding");
  const fd = dict.get("FontDescriptor");
  const symbolic = isDict(fd) && isSymbolic(fd);
  const embedded = isDict(fd) && ["FontFile", "FontFile2", "FontFile3"].some((k) => present(fd.get(k)));
  const std14Symbolic = /^(Symbol|ZapfDingbats)$/.test(base.name);
  let baseEncoding: string | undefined;
  let differences: Map<number, string> | undefined;
  if (present(encObj) && encObj.isName()) baseEncoding = encObj.asName();
  else if (isDict(encObj)) {
    baseEncoding = nameOf(encObj.get("BaseEncoding"));
    differences = readDifferences(encObj);
  }
  // Without a base encoding, non-symbolic TrueType and standard 14 fonts use
  // StandardEncoding; embedded Type1/CFF and symbolic fonts use the font
  // program's built-in encoding, which is not read here.
  const builtIn = symbolic || std14Symbolic || base.subtype === "Type3" || (embedded && base.subtype !== "TrueType");
  if (baseEncoding === undefined && !builtIn) baseEncoding = "StandardEncoding";
  const toUnicode = base.toUnicode;
  const unicode = (c: Code): string | undefined => {
    if (toUnicode) {
      const u = lookupUnicode(toUnicode, c.len, c.code);
      if (u !== undefined) return u;
    }
    const g = differences?.get(c.code);
    if (g !== undefined) return glyphNameToUnicode(g);
    return baseEncoding ? baseEncodingUnicode(baseEncoding, c.code) : undefined;
  };
  return {
    ...base,
    ...(differences ? { differences } : {}),
    ...(baseEncoding ? { baseEncoding } : {}),
    standardMapping: baseEncoding !== undefined || (differences !== undefined && differences.size > 0),
    split: (bytes) => splitCodes(bytes, [], 1),
    unicode,
    mapped: (c) => unicode(c) !== undefined,
    notdef: (c) => {
      const g = differences?.get(c.code);
      if (g !== undefined) return g === ".notdef";
      // an embedded non-symbolic font draws .notdef for codes its encoding leaves undefined
      return embedded && !symbolic && baseEncoding !== undefined && baseEncoding !== "MacExpertEncoding" && baseEncodingUnicode(baseEncoding, c.code) === undefined;
    },
  };
}

/** Builds font models once per font dictionary. */
export class FontCache {
  private byNum = new Map<number, FontInfo>();
  private nextDirect = -1;

  get(dict: Obj): FontInfo | undefined {
    if (!isDict(dict)) return undefined;
    const num = refOf(dict);
    if (num) {
      const hit = this.byNum.get(num);
      if (hit) return hit;
    }
    const info = this.build(dict, num || this.nextDirect--);
    if (num) this.byNum.set(num, info);
    return info;
  }

  private build(dict: Obj, id: number): FontInfo {
    const subtype = nameOf(dict.get("Subtype")) ?? "Type1";
    const name = nameOf(dict.get("BaseFont")) ?? (subtype === "Type3" ? "(Type3)" : "(unnamed)");
    let toUnicode: CMap | undefined;
    try {
      toUnicode = parseToUnicode(dict);
    } catch {
      toUnicode = undefined;
    }
    const base = { id, dict, name, subtype, ...(toUnicode ? { toUnicode } : {}) };
    return subtype === "Type0" ? type0Font(dict, base) : simpleFont(dict, base);
  }
}

