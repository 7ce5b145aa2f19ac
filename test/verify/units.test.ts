import { describe, expect, it } from "vitest";
import { checkPdf } from "../../src/verify/check.ts";
import { lookupUnicode, parseCMap, splitCodes } from "../../src/verify/cmap.ts";
import { glyphNameToUnicode } from "../../src/verify/encodings.ts";
import { isLanguageTag } from "../../src/verify/lang.ts";
import { forEachOperation, type Operation, type PdfValue } from "../../src/verify/lexer.ts";
import { decodeTextString } from "../../src/verify/textstring.ts";
import { isWellFormed, readXmp } from "../../src/verify/xmp.ts";
import { generate, variantNamed } from "../support/defects/corpus.ts";
import { headlineFont } from "../support/defects/fonts.ts";
import { openPdf } from "../support/defects/pdf.ts";

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (v: PdfValue | undefined): string =>
  typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "string" ? String.fromCharCode(...v.bytes) : "?";
const ops = (s: string): Operation[] => {
  const out: Operation[] = [];
  forEachOperation(bytes(s), (o) => out.push(o));
  return out;
};

describe("content-stream lexer", () => {
  it("reads literal strings with escapes, nesting and line continuations", () => {
    const [o] = ops("(a\\(b\\)c (nested (deep)) \\n\\t\\\\ \\101\\60x \\\r\nnext\r\nline\\q) Tj");
    expect(o!.op).toBe("Tj");
    expect(text(o!.operands[0])).toBe("a(b)c (nested (deep)) \n\t\\ A0x next\nlineq");
  });

  it("reads hex strings with white space and an odd digit count", () => {
    const [o] = ops("<48 65 6c\n6C 6f7> Tj");
    expect(text(o!.operands[0])).toBe("Hellop");
  });

  it("reads names with # escapes, numbers, arrays, dicts and keywords", () => {
    const [bdc, tj, q] = ops("/Sp#61n <</MCID 3 /Alt (x) /A [1 -.5 +2. true null]>> BDC [(a) -120 (b)] TJ q");
    expect(bdc!.op).toBe("BDC");
    expect(bdc!.operands[0]).toEqual({ kind: "name", name: "Span" });
    const d = bdc!.operands[1] as Extract<PdfValue, { kind: "dict" }>;
    expect(d.entries.get("MCID")).toBe(3);
    expect(d.entries.get("A")).toEqual([1, -0.5, 2, true, null]);
    expect(tj!.op).toBe("TJ");
    expect((tj!.operands[0] as PdfValue[]).length).toBe(3);
    expect(q).toMatchObject({ op: "q", operands: [] });
  });

  it("skips comments but not % inside strings", () => {
    const o = ops("% comment (not a string\n(50% off) Tj % trailing\nET");
    expect(o.map((x) => x.op)).toEqual(["Tj", "ET"]);
    expect(text(o[0]!.operands[0])).toBe("50% off");
  });

  it("skips inline image data, even when it contains EI", () => {
    const o = ops("q BI /W 4 /H 1 /CS /G /BPC 8 ID EI E EI Q 0 0 m 1 1 l S");
    expect(o.map((x) => x.op)).toEqual(["q", "BI", "Q", "m", "l", "S"]);
    expect(o[1]!.inlineImage?.entries.get("W")).toBe(4);
    const filtered = ops("BI /W 2 /H 1 /CS /RGB /BPC 8 /F /AHx ID 00ff00ff00ff> EI n");
    expect(filtered.map((x) => x.op)).toEqual(["BI", "n"]);
  });

  it("decodes PDF text strings", () => {
    expect(decodeTextString(Uint8Array.of(0xfe, 0xff, 0x00, 0x48, 0x20, 0x14))).toBe("H\u2014");
    expect(decodeTextString(Uint8Array.of(0x41, 0x84, 0x42))).toBe("A\u2014B");
  });
});

describe("CMaps", () => {
  const cmap = parseCMap(
    bytes(
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
        "2 beginbfchar <0001> <0048> <0002> <D83DDE00> endbfchar\n" +
        "2 beginbfrange <0010> <0012> <0061> <0020> <0021> [<0066006C> <2014>] endbfrange\n" +
        "endcmap CMapName currentdict /CMap defineresource pop end end",
    ),
  );

  it("maps bfchar, bfrange (incrementing and array) and surrogate pairs", () => {
    expect(lookupUnicode(cmap, 2, 1)).toBe("H");
    expect(lookupUnicode(cmap, 2, 2)).toBe("😀");
    expect(lookupUnicode(cmap, 2, 0x12)).toBe("c");
    expect(lookupUnicode(cmap, 2, 0x20)).toBe("fl");
    expect(lookupUnicode(cmap, 2, 0x21)).toBe("—");
    expect(lookupUnicode(cmap, 2, 0x13)).toBeUndefined();
  });

  it("splits strings by codespace ranges", () => {
    expect(splitCodes(Uint8Array.of(0, 1, 0, 2), cmap.codespace, 1)).toEqual([
      { code: 1, len: 2 },
      { code: 2, len: 2 },
    ]);
    const mixed = [
      { len: 1, lo: 0x00, hi: 0x80 },
      { len: 2, lo: 0x8140, hi: 0x9ffc },
    ];
    expect(splitCodes(Uint8Array.of(0x41, 0x81, 0x40, 0x42), mixed, 1).map((c) => c.code)).toEqual([0x41, 0x8140, 0x42]);
  });

  it("knows the standard glyph names", () => {
    expect(glyphNameToUnicode("quoteright")).toBe("\u2019");
    expect(glyphNameToUnicode("eacute")).toBe("é");
    expect(glyphNameToUnicode("uni00AD")).toBe("\u00ad");
    expect(glyphNameToUnicode("u1F600")).toBe("😀");
    expect(glyphNameToUnicode("a.sc")).toBe("a");
    expect(glyphNameToUnicode("nosuchglyph")).toBeUndefined();
  });
});

describe("language tags and XMP", () => {
  it("accepts well-formed BCP 47 tags and rejects others", () => {
    for (const t of ["en", "en-GB", "de-CH-1996", "zh-Hant-TW", "sr-Latn", "es-419", "x-private", "i-klingon", "gsw"]) expect(isLanguageTag(t), t).toBe(true);
    for (const t of ["English", "e", "en_GB", "en-", "-en", "", "en-GB-", "toolonglanguage"]) expect(isLanguageTag(t), t).toBe(false);
  });

  it("reads pdfuaid:part in element and attribute form, and dc:title", () => {
    const xmp = (body: string, attr = ""): string =>
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
      `<rdf:Description rdf:about="" xmlns:ua="http://www.aiim.org/pdfua/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/"${attr}>${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;
    expect(readXmp(xmp("<ua:part>1</ua:part>")).uaParts).toEqual(["1"]);
    expect(readXmp(xmp("", ' ua:part="1"')).uaParts).toEqual(["1"]);
    const t = readXmp(xmp('<dc:title><rdf:Alt><rdf:li xml:lang="de">Hafen</rdf:li><rdf:li xml:lang="x-default">Harbour &amp; Town</rdf:li></rdf:Alt></dc:title>'));
    expect(t.title).toBe("Harbour & Town");
    expect(isWellFormed(xmp("<ua:part>1</ua:part>"))).toBe(true);
    expect(isWellFormed(xmp("<ua:part>1</ua:parts>"))).toBe(false);
  });
});

describe("31-001: .notdef glyphs", () => {
  it("flags a Type0/Identity-H string that shows CID 0", async () => {
    // Pressroom's handout with <0000> shown first in the headline (font and code found in the file)
    const edited = await generate(variantNamed("notdef_cid0"));
    const doc = openPdf(edited);
    const font = headlineFont(doc).font.get("BaseFont").asName();
    doc.destroy();
    const ds = await checkPdf(edited, { file: "notdef.pdf", profiles: ["ua"] });
    const notdef = ds.filter((d) => d.code === "31-001");
    expect(notdef).toHaveLength(1);
    expect(notdef[0]!.message).toContain(font);
    expect(notdef[0]!.message).toMatch(/shows code\(s\) <0000> that select/);
  });

  it("flags a code that a CIDToGIDMap stream sends to glyph 0, and not the codes around it", async () => {
    const edited = await generate(variantNamed("notdef_gid0"));
    const doc = openPdf(edited);
    const { code } = headlineFont(doc);
    doc.destroy();
    const notdef = (await checkPdf(edited, { file: "gid0.pdf", profiles: ["ua"] })).filter((d) => d.code === "31-001");
    expect(notdef.map((d) => d.message.match(/<[0-9A-F]{4}>/g))).toEqual([[`<${code.toString(16).toUpperCase().padStart(4, "0")}>`]]);
  });
});
