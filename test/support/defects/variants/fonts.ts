/** Font variants: embedding, Unicode mapping, CIDFont and CMap entries, simple TrueType encodings, .notdef. */
import { editPageContent, sequence, splice } from "../content.ts";
import { cidToGidStream, descendantOf, editToUnicode, headlineFont, highestCode, showInSimpleTrueType } from "../fonts.ts";
import { type Doc, type Obj } from "../pdf.ts";
import { elem, mcidsOf } from "../structure.ts";
import type { Variant } from "../variant.ts";

const headline = (doc: Doc): Obj => headlineFont(doc).font;
const descendant = (doc: Doc): Obj => descendantOf(headline(doc));

/** Maps the headline's first code to `unicode` (UTF-16BE hex) in its ToUnicode. */
const remapFirstCode = (doc: Doc, unicode: string | undefined): void => {
  const { font, code } = headlineFont(doc);
  editToUnicode(font, (map) => (unicode === undefined ? map.delete(code) : map.set(code, unicode)));
};

/** An embedded CMap equivalent to Identity-H. */
const IDENTITY_CMAP =
  "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
  "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n/CMapName /Pressroom-Identity-H def\n/CMapType 1 def\n" +
  "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 begincidrange\n<0000> <FFFF> 0\nendcidrange\n" +
  "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

export const fontVariants: Variant[] = [
  { name: "font_not_embedded", base: "handout", expect: ["31-009"], about: "the headline font's program removed (no /FontFile2)", edit: (doc) => descendant(doc).get("FontDescriptor").delete("FontFile2") },
  { name: "no_tounicode", base: "handout", expect: ["10-001", "31-027"], about: "the headline font without /ToUnicode (Identity ordering: no other route to Unicode)", edit: (doc) => headline(doc).delete("ToUnicode") },
  { name: "tounicode_partial", base: "handout", expect: ["10-001"], about: "the headline's first code missing from its ToUnicode", edit: (doc) => remapFirstCode(doc, undefined) },
  { name: "tounicode_zero", base: "handout", expect: ["31-028"], about: "the headline's first code mapped to U+0000", edit: (doc) => remapFirstCode(doc, "0000") },
  { name: "tounicode_bom", base: "handout", expect: ["31-029"], about: "the headline's first code mapped to U+FEFF", edit: (doc) => remapFirstCode(doc, "FEFF") },
  { name: "no_cidtogidmap", base: "handout", expect: ["31-005"], about: "a CIDFontType2 without /CIDToGIDMap", edit: (doc) => descendant(doc).delete("CIDToGIDMap") },
  { name: "bad_cidtogidmap", base: "handout", expect: ["31-004"], about: "/CIDToGIDMap /Foo", edit: (doc) => descendant(doc).put("CIDToGIDMap", "Foo") },
  {
    name: "cidtogidmap_stream",
    base: "handout",
    expect: [],
    about: "an identity /CIDToGIDMap written out as a stream",
    edit: (doc) => descendant(doc).put("CIDToGIDMap", cidToGidStream(doc, highestCode(headline(doc)))),
  },
  { name: "bad_cmap_name", base: "handout", expect: ["31-006"], about: "/Encoding /Custom-H: not a predefined CMap", edit: (doc) => headline(doc).put("Encoding", "Custom-H") },
  {
    name: "embedded_cmap",
    base: "handout",
    expect: [],
    about: "the Identity-H encoding written out as an embedded CMap stream",
    edit: (doc) => headline(doc).put("Encoding", doc.addStream(Buffer.from(IDENTITY_CMAP, "latin1"), { Type: "CMap", CMapName: "Pressroom-Identity-H", CIDSystemInfo: { Registry: "(Adobe)", Ordering: "(Identity)", Supplement: 0 } })),
  },
  {
    name: "notdef_cid0",
    base: "handout",
    expect: ["31-001", "31-028"],
    about: "the headline shows CID 0 first: the .notdef glyph, which Pressroom's ToUnicode maps to U+0000",
    edit: (doc) =>
      editPageContent(doc, (c) => {
        const s = sequence(c, mcidsOf(elem(doc, "H1"))[0]!);
        const at = c.indexOf("<", c.indexOf("[", s.bodyStart));
        return splice(c, at, at, "<0000> ");
      }),
  },
  {
    name: "notdef_gid0",
    base: "handout",
    expect: ["31-001"],
    about: "a /CIDToGIDMap stream that sends the headline's first code to glyph 0",
    edit: (doc) => {
      const { font, code } = headlineFont(doc);
      descendantOf(font).put("CIDToGIDMap", cidToGidStream(doc, highestCode(font), new Map([[code, 0]])));
    },
  },
  { name: "truetype_winansi", base: "handout", expect: [], about: "an embedded simple TrueType font with /WinAnsiEncoding shows a word", edit: (doc) => void showInSimpleTrueType(doc) },
  { name: "truetype_no_encoding", base: "handout", expect: ["31-019"], about: "the non-symbolic TrueType font without /Encoding", edit: (doc) => showInSimpleTrueType(doc).delete("Encoding") },
  {
    name: "truetype_encoding_without_base",
    base: "handout",
    expect: ["31-020"],
    about: "the non-symbolic TrueType font's /Encoding a dictionary without /BaseEncoding",
    edit: (doc) => showInSimpleTrueType(doc).put("Encoding", { Type: "Encoding", Differences: [80, "P"] }),
  },
  { name: "truetype_standard_encoding", base: "handout", expect: ["31-021"], about: "the non-symbolic TrueType font with /StandardEncoding", edit: (doc) => showInSimpleTrueType(doc).put("Encoding", "StandardEncoding") },
  {
    name: "truetype_symbolic_with_encoding",
    base: "handout",
    expect: ["31-024"],
    about: "the TrueType font flagged symbolic (/Flags 4) but with an /Encoding",
    edit: (doc) => showInSimpleTrueType(doc).get("FontDescriptor").put("Flags", 4),
  },
];
