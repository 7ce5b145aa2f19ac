/**
 * Font checks on the fonts actually used to show text: embedding (31-009),
 * Unicode mapping (31-027, 10-001, 31-028, 31-029), CIDFont and CMap
 * requirements (31-004..006), TrueType encodings (31-019..024) and .notdef
 * glyphs (31-001).
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { lookupUnicode, type Code } from "./cmap.ts";
import { isSymbolic, type FontInfo } from "./font.ts";
import { isDict, nameOf, present } from "./pdf.ts";
import type { ContentVisitor, WalkState } from "./walker.ts";

const HINTS: Record<string, string> = {
  "31-009": "Embed the font program (FontFile2/FontFile3), subset if you like; for Type0 fonts embed the descendant CIDFont.",
  "31-027": "Add a /ToUnicode CMap to the font (or use a standard encoding for simple fonts).",
  "10-001": "Add every shown code to the font's /ToUnicode CMap (bfchar/bfrange).",
  "31-028": "Map the code to the real character in /ToUnicode, not U+0000.",
  "31-029": "Map the code to the real character in /ToUnicode, not U+FEFF/U+FFFE.",
  "31-005": "Add /CIDToGIDMap /Identity (or a CIDToGIDMap stream) to the CIDFontType2 font.",
  "31-004": "Set /CIDToGIDMap to /Identity or a stream.",
  "31-006": "Use a predefined CMap name (e.g. /Identity-H) or embed the CMap as a stream.",
  "31-019": "Give the non-symbolic TrueType font an /Encoding (/WinAnsiEncoding or /MacRomanEncoding).",
  "31-020": "Add /BaseEncoding /WinAnsiEncoding (or /MacRomanEncoding) to the font's /Encoding dictionary.",
  "31-021": "Use /WinAnsiEncoding or /MacRomanEncoding for non-symbolic TrueType fonts.",
  "31-024": "Remove /Encoding from the symbolic TrueType font.",
  "31-001": "Only show characters that the font contains; fall back to another font for missing glyphs.",
};

/** Predefined CMaps of ISO 32000-1, Table 118. */
const PREDEFINED_CMAPS = new Set(
  (
    "GB-EUC-H GB-EUC-V GBpc-EUC-H GBpc-EUC-V GBK-EUC-H GBK-EUC-V GBKp-EUC-H GBKp-EUC-V GBK2K-H GBK2K-V " +
    "UniGB-UCS2-H UniGB-UCS2-V UniGB-UTF16-H UniGB-UTF16-V B5pc-H B5pc-V HKscs-B5-H HKscs-B5-V ETen-B5-H ETen-B5-V " +
    "ETenms-B5-H ETenms-B5-V CNS-EUC-H CNS-EUC-V UniCNS-UCS2-H UniCNS-UCS2-V UniCNS-UTF16-H UniCNS-UTF16-V " +
    "83pv-RKSJ-H 90ms-RKSJ-H 90ms-RKSJ-V 90msp-RKSJ-H 90msp-RKSJ-V 90pv-RKSJ-H Add-RKSJ-H Add-RKSJ-V EUC-H EUC-V " +
    "Ext-RKSJ-H Ext-RKSJ-V H V UniJIS-UCS2-H UniJIS-UCS2-V UniJIS-UCS2-HW-H UniJIS-UCS2-HW-V UniJIS-UTF16-H " +
    "UniJIS-UTF16-V KSC-EUC-H KSC-EUC-V KSCms-UHC-H KSCms-UHC-V KSCms-UHC-HW-H KSCms-UHC-HW-V KSCpc-EUC-H " +
    "UniKS-UCS2-H UniKS-UCS2-V UniKS-UTF16-H UniKS-UTF16-V Identity-H Identity-V"
  ).split(" "),
);

type Usage = { font: FontInfo; codes: Map<number, Code>; visible: boolean; pages: Set<number> };

/** Collects the fonts and character codes shown on all pages. */
export class FontUsage implements ContentVisitor {
  readonly used = new Map<number, Usage>();
  private codeKey = (c: Code): number => c.code * 8 + c.len;

  showText(font: FontInfo | undefined, bytes: Uint8Array, s: WalkState): void {
    if (!font) return;
    let u = this.used.get(font.id);
    if (!u) this.used.set(font.id, (u = { font, codes: new Map(), visible: false, pages: new Set() }));
    if (s.renderMode !== 3 && s.renderMode !== 7) u.visible = true;
    u.pages.add(s.page.index + 1);
    for (const c of font.split(bytes)) u.codes.set(this.codeKey(c), c);
  }
}

const hex = (c: Code): string => `<${c.code.toString(16).toUpperCase().padStart(c.len * 2, "0")}>`;
const sample = (codes: Code[]): string => codes.slice(0, 8).map(hex).join(" ") + (codes.length > 8 ? " …" : "");

function isEmbedded(fd: ReturnType<FontInfo["dict"]["get"]> | undefined): boolean {
  return isDict(fd) && ["FontFile", "FontFile2", "FontFile3"].some((k) => present(fd.get(k)));
}

export function checkFonts(usage: FontUsage, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: string, msg: string): void => {
    out.push(error({ file }, msg, HINTS[code], code));
  };
  for (const { font, codes, visible, pages } of usage.used.values()) {
    const what = `Font ${font.name}${font.id > 0 ? ` (object ${font.id})` : ""} used on page ${[...pages].join(", ")}`;
    const all = [...codes.values()];
    const dict = font.dict;

    if (visible && font.subtype !== "Type3") {
      const fd = font.subtype === "Type0" ? font.descendant?.get("FontDescriptor") : dict.get("FontDescriptor");
      if (!isEmbedded(fd))
        report("31-009", `${what} is not embedded${font.subtype === "Type0" ? " (its descendant CIDFont has no font file)" : ""}.`);
    }

    if (!font.toUnicode && !font.standardMapping)
      report("31-027", `${what} has no /ToUnicode CMap and no standard encoding that maps its codes to Unicode.`);
    const unmapped = all.filter((c) => !font.mapped(c));
    if (unmapped.length) report("10-001", `${what} shows ${unmapped.length} character code(s) that map to no Unicode value: ${sample(unmapped)}.`);

    if (font.toUnicode) {
      const zero: Code[] = [];
      const bom: Code[] = [];
      for (const c of all) {
        const u = lookupUnicode(font.toUnicode, c.len, c.code);
        if (u === undefined) continue;
        if (u.includes("\u0000")) zero.push(c);
        if (u.includes("\ufeff") || u.includes("\ufffe")) bom.push(c);
      }
      if (zero.length) report("31-028", `${what}: /ToUnicode maps used code(s) ${sample(zero)} to U+0000.`);
      if (bom.length) report("31-029", `${what}: /ToUnicode maps used code(s) ${sample(bom)} to U+FEFF/U+FFFE.`);
    }

    if (font.subtype === "Type0") {
      const desc = font.descendant;
      if (desc && nameOf(desc.get("Subtype")) === "CIDFontType2") {
        const map = desc.get("CIDToGIDMap");
        if (!present(map)) report("31-005", `${what}: its CIDFontType2 descendant has no /CIDToGIDMap.`);
        else if (!map.isStream() && nameOf(map) !== "Identity")
          report("31-004", `${what}: /CIDToGIDMap is ${map.toString().slice(0, 40)}, neither a stream nor /Identity.`);
      }
      const enc = dict.get("Encoding");
      if (!(present(enc) && enc.isStream()) && !PREDEFINED_CMAPS.has(nameOf(enc) ?? ""))
        report("31-006", `${what} uses CMap ${present(enc) ? enc.toString().slice(0, 40) : "(none)"}, which is neither predefined nor embedded.`);
    }

    if (font.subtype === "TrueType") {
      const enc = dict.get("Encoding");
      const fd = dict.get("FontDescriptor");
      if (isDict(fd) && isSymbolic(fd)) {
        if (present(enc)) report("31-024", `${what} is a symbolic TrueType font but has an /Encoding entry.`);
      } else if (!present(enc)) report("31-019", `${what} is a non-symbolic TrueType font without /Encoding.`);
      else if (isDict(enc)) {
        const baseEnc = nameOf(enc.get("BaseEncoding"));
        if (baseEnc === undefined) report("31-020", `${what}: its /Encoding dictionary has no /BaseEncoding.`);
        else if (baseEnc !== "WinAnsiEncoding" && baseEnc !== "MacRomanEncoding")
          report("31-021", `${what}: /BaseEncoding is /${baseEnc}, not /WinAnsiEncoding or /MacRomanEncoding.`);
      } else {
        const n = nameOf(enc);
        if (n !== "WinAnsiEncoding" && n !== "MacRomanEncoding")
          report("31-021", `${what}: /Encoding is ${n ? `/${n}` : enc.toString().slice(0, 30)}, not /WinAnsiEncoding or /MacRomanEncoding.`);
      }
    }

    const notdef = all.filter((c) => font.notdef(c));
    if (notdef.length) report("31-001", `${what} shows code(s) ${sample(notdef)} that select the .notdef glyph.`);
  }
  return out;
}
