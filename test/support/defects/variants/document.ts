/** Document-level variants: tagging flags, XMP and title, viewer preferences, language, encryption. */
import { editPageContent, retagAll, sequences, splice } from "../content.ts";
import { encrypt } from "../encryption.ts";
import { catalog, editXmp, firstPage, info, type Doc } from "../pdf.ts";
import { elem, elemWithContent, structRoot } from "../structure.ts";
import type { Variant } from "../variant.ts";

const ACCESSIBLE_NO_COPY = -1044; // bit 10 (accessibility) set, bit 5 (copy) clear
const NO_ACCESSIBILITY = ACCESSIBLE_NO_COPY & ~(1 << 9);

const viewerPrefs = (doc: Doc) => catalog(doc).get("ViewerPreferences");

function removeAnnotations(doc: Doc): void {
  firstPage(doc).delete("Annots");
}

export const documentVariants: Variant[] = [
  { name: "control_baseline", base: "handout", expect: [], about: "the handout as Pressroom writes it, saved again by mupdf" },
  { name: "no_markinfo", base: "handout", expect: ["01-x01"], about: "no /MarkInfo in the catalog", edit: (doc) => catalog(doc).delete("MarkInfo") },
  { name: "marked_false", base: "handout", expect: ["01-x01"], about: "/MarkInfo /Marked false", edit: (doc) => catalog(doc).get("MarkInfo").put("Marked", false) },
  { name: "suspects_true", base: "handout", expect: ["01-007"], about: "/MarkInfo /Suspects true", edit: (doc) => catalog(doc).get("MarkInfo").put("Suspects", true) },
  {
    name: "empty_struct_tree",
    base: "handout",
    expect: ["01-x02"],
    about: "a StructTreeRoot with an empty /K; all content is an artifact and the links are gone, so nothing else is wrong",
    edit: (doc) => {
      structRoot(doc).put("K", []);
      editPageContent(doc, (c) => retagAll(c, () => "/Artifact BMC"));
      removeAnnotations(doc);
    },
  },
  {
    name: "untagged",
    base: "handout",
    expect: ["01-005", "01-x01", "01-x02", "28-011", "28-x01"],
    about: "all tagging removed (flags, tree, MCIDs, StructParents): untagged content and untagged links",
    edit: (doc) => {
      catalog(doc).delete("StructTreeRoot");
      catalog(doc).delete("MarkInfo");
      firstPage(doc).delete("StructParents");
      const annots = firstPage(doc).get("Annots");
      for (let i = 0; i < annots.length; i++) annots.get(i).delete("StructParent");
      editPageContent(doc, (c) => retagAll(c, () => "", () => ""));
    },
  },
  { name: "no_xmp", base: "handout", expect: ["06-001", "06-002", "06-003"], about: "no /Metadata stream", edit: (doc) => catalog(doc).delete("Metadata") },
  {
    name: "xmp_malformed",
    base: "handout",
    expect: ["06-001"],
    about: "an XMP packet with a stray end tag (pdfuaid:part and dc:title still readable)",
    edit: (doc) => editXmp(doc, "</x:xmpmeta>", "</x:xmpmeta></rdf:RDF>"),
  },
  { name: "xmp_part2", base: "handout", expect: ["06-002"], about: "pdfuaid:part 2", edit: (doc) => editXmp(doc, "<pdfuaid:part>1<", "<pdfuaid:part>2<") },
  { name: "xmp_no_pdfuaid", base: "handout", expect: ["06-002"], about: "no pdfuaid:part", edit: (doc) => editXmp(doc, /<pdfuaid:part>1<\/pdfuaid:part>/, "") },
  {
    name: "xmp_part_attribute_form",
    base: "handout",
    expect: [],
    about: "pdfuaid:part written as an attribute of its rdf:Description",
    edit: (doc) =>
      editXmp(doc, /(xmlns:pdfuaid="[^"]*")([^>]*)>\s*<pdfuaid:part>1<\/pdfuaid:part>/, '$1$2 pdfuaid:part="1">'),
  },
  { name: "xmp_no_title", base: "handout", expect: ["06-003"], about: "no dc:title in the XMP (Info /Title kept)", edit: (doc) => editXmp(doc, /<dc:title>[^]*?<\/dc:title>/, "") },
  { name: "title_mismatch", base: "handout", expect: ["06-x01"], about: "Info /Title differs from dc:title", edit: (doc) => info(doc).put("Title", "(A different title)") },
  { name: "no_ddt", base: "handout", expect: ["07-001"], about: "no /DisplayDocTitle", edit: (doc) => viewerPrefs(doc).delete("DisplayDocTitle") },
  { name: "ddt_false", base: "handout", expect: ["07-002"], about: "/DisplayDocTitle false", edit: (doc) => viewerPrefs(doc).put("DisplayDocTitle", false) },
  { name: "no_lang", base: "handout", expect: ["11-001"], about: "no catalog /Lang and none on the elements", edit: (doc) => catalog(doc).delete("Lang") },
  { name: "bad_lang", base: "handout", expect: ["11-001", "11-x01"], about: "catalog /Lang (English)", edit: (doc) => catalog(doc).put("Lang", "(English)") },
  {
    name: "bad_element_lang",
    base: "handout",
    expect: ["11-x01"],
    about: "/Lang (en_GB) on a paragraph; the catalog's is fine",
    edit: (doc) => elemWithContent(doc, "P").put("Lang", "(en_GB)"),
  },
  {
    name: "bad_content_lang",
    base: "handout",
    expect: ["11-x01"],
    about: "/Lang (english) in a marked-content property list",
    edit: (doc) =>
      editPageContent(doc, (c) => {
        const s = sequences(c).find((x) => x.mcid !== undefined)!;
        return splice(c, s.start, s.bodyStart, `/${s.tag} <</MCID ${s.mcid} /Lang (english)>> BDC`);
      }),
  },
  {
    name: "lang_on_elements_only",
    base: "handout",
    expect: [],
    about: "no catalog /Lang, but the top element has /Lang (en-GB) that every element inherits",
    edit: (doc) => {
      catalog(doc).delete("Lang");
      elem(doc, "Document").put("Lang", "(en-GB)");
    },
  },
  {
    name: "encrypted_accessibility_ok",
    base: "handout",
    expect: [],
    about: `encrypted, /P ${ACCESSIBLE_NO_COPY}: no copying, but extraction for accessibility allowed`,
    finish: (pdf) => encrypt(pdf, ACCESSIBLE_NO_COPY),
  },
  {
    name: "encrypted_no_accessibility",
    base: "handout",
    expect: ["26-002"],
    about: `encrypted, /P ${NO_ACCESSIBILITY}: bit 10 clear`,
    finish: (pdf) => encrypt(pdf, NO_ACCESSIBILITY),
  },
  { name: "encrypted_without_p", base: "handout", expect: ["26-001"], about: "encrypted, no /P in the encryption dictionary", finish: (pdf) => encrypt(pdf, undefined) },
];
