/**
 * Simple-font encodings (ISO 32000-1, Annex D) and glyph names → Unicode,
 * enough to decide whether a shown character code maps to Unicode.
 */

const ASCII_NAMES = (
  "space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma " +
  "hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal greater question at " +
  "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore grave " +
  "a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde"
).split(" ");

/** Glyph names of Latin-1 0xA1..0xFF, in code order. */
const LATIN1_NAMES = (
  "exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft logicalnot " +
  "hyphen registered macron degree plusminus twosuperior threesuperior acute mu paragraph periodcentered cedilla " +
  "onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown Agrave Aacute Acircumflex " +
  "Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis Eth " +
  "Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn " +
  "germandbls agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave " +
  "iacute icircumflex idieresis eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute " +
  "ucircumflex udieresis yacute thorn ydieresis"
).split(" ");

/** WinAnsiEncoding 0x80..0x9F (empty = undefined code). */
const WIN_HIGH_NAMES = (
  "Euro _ quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron guilsinglleft OE _ " +
  "Zcaron _ _ quoteleft quoteright quotedblleft quotedblright bullet endash emdash tilde trademark scaron guilsinglright " +
  "oe _ zcaron Ydieresis"
).split(" ");

/** StandardEncoding codes above 0x7E (octal as in Annex D). */
const STANDARD_HIGH: [number, string][] = [
  [0o241, "exclamdown"], [0o242, "cent"], [0o243, "sterling"], [0o244, "fraction"], [0o245, "yen"], [0o246, "florin"],
  [0o247, "section"], [0o250, "currency"], [0o251, "quotesingle"], [0o252, "quotedblleft"], [0o253, "guillemotleft"],
  [0o254, "guilsinglleft"], [0o255, "guilsinglright"], [0o256, "fi"], [0o257, "fl"], [0o261, "endash"], [0o262, "dagger"],
  [0o263, "daggerdbl"], [0o264, "periodcentered"], [0o266, "paragraph"], [0o267, "bullet"], [0o270, "quotesinglbase"],
  [0o271, "quotedblbase"], [0o272, "quotedblright"], [0o273, "guillemotright"], [0o274, "ellipsis"], [0o275, "perthousand"],
  [0o277, "questiondown"], [0o301, "grave"], [0o302, "acute"], [0o303, "circumflex"], [0o304, "tilde"], [0o305, "macron"],
  [0o306, "breve"], [0o307, "dotaccent"], [0o310, "dieresis"], [0o312, "ring"], [0o313, "cedilla"], [0o315, "hungarumlaut"],
  [0o316, "ogonek"], [0o317, "caron"], [0o320, "emdash"], [0o341, "AE"], [0o343, "ordfeminine"], [0o350, "Lslash"],
  [0o351, "Oslash"], [0o352, "OE"], [0o353, "ordmasculine"], [0o361, "ae"], [0o365, "dotlessi"], [0o370, "lslash"],
  [0o371, "oslash"], [0o372, "oe"], [0o373, "germandbls"],
];

/** Names not covered by the tables above. */
const EXTRA_GLYPHS: Record<string, number> = {
  quoteleft: 0x2018, quoteright: 0x2019, quotedblleft: 0x201c, quotedblright: 0x201d, quotesinglbase: 0x201a,
  quotedblbase: 0x201e, fraction: 0x2044, fi: 0xfb01, fl: 0xfb02, ff: 0xfb00, ffi: 0xfb03, ffl: 0xfb04, dotlessi: 0x0131,
  Lslash: 0x0141, lslash: 0x0142, breve: 0x02d8, dotaccent: 0x02d9, ring: 0x02da, hungarumlaut: 0x02dd, ogonek: 0x02db,
  caron: 0x02c7, circumflex: 0x02c6, tilde: 0x02dc, minus: 0x2212, nbspace: 0x00a0, sfthyphen: 0x00ad, softhyphen: 0x00ad,
  Euro: 0x20ac, trademark: 0x2122, bullet: 0x2022, ellipsis: 0x2026, endash: 0x2013, emdash: 0x2014, dagger: 0x2020,
  daggerdbl: 0x2021, perthousand: 0x2030, guilsinglleft: 0x2039, guilsinglright: 0x203a, florin: 0x0192, OE: 0x0152,
  oe: 0x0153, Scaron: 0x0160, scaron: 0x0161, Zcaron: 0x017d, zcaron: 0x017e, Ydieresis: 0x0178, notequal: 0x2260,
  infinity: 0x221e, lessequal: 0x2264, greaterequal: 0x2265, partialdiff: 0x2202, summation: 0x2211, product: 0x220f,
  pi: 0x03c0, integral: 0x222b, Omega: 0x2126, radical: 0x221a, approxequal: 0x2248, Delta: 0x2206, lozenge: 0x25ca,
  apple: 0xf8ff, commaaccent: 0x0326, middot: 0x00b7,
};

let glyphMap: Map<string, string> | undefined;
function glyphs(): Map<string, string> {
  if (glyphMap) return glyphMap;
  const m = new Map<string, string>();
  ASCII_NAMES.forEach((n, i) => m.set(n, String.fromCharCode(0x20 + i)));
  LATIN1_NAMES.forEach((n, i) => m.set(n, String.fromCharCode(0xa1 + i)));
  for (const [n, cp] of Object.entries(EXTRA_GLYPHS)) m.set(n, String.fromCodePoint(cp));
  glyphMap = m;
  return m;
}

/** Unicode for a glyph name (AGL names used by the standard encodings, uniXXXX, uXXXX[XX]), or undefined. */
export function glyphNameToUnicode(name: string): string | undefined {
  const known = glyphs().get(name);
  if (known !== undefined) return known;
  const base = name.split(".")[0]!; // "a.sc" → "a"
  if (base !== name && base.length > 0) {
    const b = glyphNameToUnicode(base);
    if (b !== undefined) return b;
  }
  let m = /^uni((?:[0-9A-F]{4})+)$/.exec(base);
  if (m) {
    let s = "";
    for (let i = 0; i < m[1]!.length; i += 4) s += String.fromCharCode(parseInt(m[1]!.slice(i, i + 4), 16));
    return s;
  }
  m = /^u([0-9A-F]{4,6})$/.exec(base);
  if (m) {
    const cp = parseInt(m[1]!, 16);
    if (cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) return String.fromCodePoint(cp);
  }
  return undefined;
}

export type BaseEncodingName = "StandardEncoding" | "WinAnsiEncoding" | "MacRomanEncoding" | "MacExpertEncoding";

let winTable: (string | undefined)[] | undefined;
let macTable: (string | undefined)[] | undefined;
let stdTable: (string | undefined)[] | undefined;

function winAnsi(): (string | undefined)[] {
  if (winTable) return winTable;
  const t: (string | undefined)[] = new Array(256).fill(undefined);
  for (let c = 0x20; c <= 0x7e; c++) t[c] = String.fromCharCode(c);
  WIN_HIGH_NAMES.forEach((n, i) => {
    if (n !== "_") t[0x80 + i] = glyphNameToUnicode(n);
  });
  for (let c = 0xa0; c <= 0xff; c++) t[c] = String.fromCharCode(c);
  winTable = t;
  return t;
}

function macRoman(): (string | undefined)[] {
  if (macTable) return macTable;
  const t: (string | undefined)[] = new Array(256).fill(undefined);
  const dec = new TextDecoder("macintosh");
  for (let c = 0x20; c <= 0xff; c++) if (c !== 0x7f) t[c] = dec.decode(Uint8Array.of(c));
  macTable = t;
  return t;
}

function standard(): (string | undefined)[] {
  if (stdTable) return stdTable;
  const t: (string | undefined)[] = new Array(256).fill(undefined);
  for (let c = 0x20; c <= 0x7e; c++) t[c] = String.fromCharCode(c);
  t[0x27] = "\u2019";
  t[0x60] = "\u2018";
  for (const [c, n] of STANDARD_HIGH) t[c] = glyphNameToUnicode(n);
  stdTable = t;
  return t;
}

/** Unicode of a code in a base encoding (MacExpert is not supported → undefined). */
export function baseEncodingUnicode(enc: string, code: number): string | undefined {
  switch (enc) {
    case "WinAnsiEncoding":
      return winAnsi()[code];
    case "MacRomanEncoding":
      return macRoman()[code];
    case "StandardEncoding":
      return standard()[code];
    default:
      return undefined;
  }
}

export const BASE_ENCODINGS: readonly string[] = ["StandardEncoding", "WinAnsiEncoding", "MacRomanEncoding", "MacExpertEncoding"];
