/** Annotation variants: tab order, links, other annotation types and how they are tagged. */
import { addAnnotation, annotation } from "../annotate.ts";
import { firstPage } from "../pdf.ts";
import { elem, setRole } from "../structure.ts";
import type { Variant } from "../variant.ts";

const NOTE = "Editor's note";
const HIDDEN = 2;

export const annotationVariants: Variant[] = [
  { name: "no_tabs", base: "handout", expect: ["28-008"], about: "a page with link annotations but no /Tabs", edit: (doc) => firstPage(doc).delete("Tabs") },
  { name: "tabs_row", base: "handout", expect: ["28-009"], about: "/Tabs /R on a page with annotations", edit: (doc) => firstPage(doc).put("Tabs", "R") },
  { name: "link_in_span", base: "handout", expect: ["28-011"], about: "the element holding the link's OBJR typed Span, not Link", edit: (doc) => setRole(elem(doc, "Link"), "Span") },
  {
    name: "link_no_objr",
    base: "handout",
    expect: ["28-011", "28-x01"],
    about: "the Link element keeps its text but not its OBJR",
    edit: (doc) => {
      const link = elem(doc, "Link");
      const k = link.get("K");
      link.put("K", Array.from({ length: k.length }, (_, i) => k.get(i)).filter((x) => x.isInteger()));
    },
  },
  { name: "link_no_contents", base: "handout", expect: ["28-012"], about: "a link annotation without /Contents", edit: (doc) => annotation(doc, "Link").delete("Contents") },
  { name: "link_no_structparent", base: "handout", expect: ["28-x01"], about: "a link annotation without /StructParent", edit: (doc) => annotation(doc, "Link").delete("StructParent") },
  {
    name: "link_structparents_swapped",
    base: "handout",
    expect: ["28-x01"],
    about: "the two links' /StructParent keys swapped: each points at the other's element",
    edit: (doc) => {
      const [a, b] = [annotation(doc, "Link", 0), annotation(doc, "Link", 1)];
      const sp = a.get("StructParent").asNumber();
      a.put("StructParent", b.get("StructParent").asNumber());
      b.put("StructParent", sp);
    },
  },
  {
    name: "text_annot_untagged",
    base: "handout",
    expect: ["28-002", "28-004", "28-x01"],
    about: "a Text annotation with no /Contents, not in the structure tree",
    edit: (doc) => void addAnnotation(doc, { subtype: "Text" }),
  },
  { name: "text_annot_tagged_ok", base: "handout", expect: [], about: "a Text annotation with /Contents in an Annot element", edit: (doc) => void addAnnotation(doc, { subtype: "Text", contents: NOTE, role: "Annot" }) },
  { name: "text_annot_in_span", base: "handout", expect: ["28-002"], about: "a Text annotation with /Contents, its OBJR in a Span", edit: (doc) => void addAnnotation(doc, { subtype: "Text", contents: NOTE, role: "Span" }) },
  { name: "text_annot_no_contents", base: "handout", expect: ["28-004"], about: "a tagged Text annotation without /Contents", edit: (doc) => void addAnnotation(doc, { subtype: "Text", role: "Annot" }) },
  {
    name: "text_annot_alt",
    base: "handout",
    expect: [],
    about: "a Text annotation without /Contents whose Annot element has /Alt",
    edit: (doc) => void addAnnotation(doc, { subtype: "Text", role: "Annot", alt: NOTE }),
  },
  { name: "hidden_annot_untagged", base: "handout", expect: [], about: "a hidden (/F 2) Text annotation, untagged", edit: (doc) => void addAnnotation(doc, { subtype: "Text", flags: HIDDEN }) },
  { name: "trapnet_annot", base: "handout", expect: ["28-007"], about: "a TrapNet annotation (tagged, with /Contents)", edit: (doc) => void addAnnotation(doc, { subtype: "TrapNet", contents: "Trap network", role: "Annot" }) },
  { name: "widget_outside_form", base: "handout", expect: ["28-010"], about: "a Widget annotation whose OBJR is in a Span, not a Form element", edit: (doc) => void addAnnotation(doc, { subtype: "Widget", role: "Span" }) },
  { name: "widget_in_form", base: "handout", expect: [], about: "a Widget annotation in a Form element", edit: (doc) => void addAnnotation(doc, { subtype: "Widget", role: "Form" }) },
  { name: "printermark_in_structure", base: "handout", expect: ["28-017"], about: "a PrinterMark annotation with an OBJR in the structure tree", edit: (doc) => void addAnnotation(doc, { subtype: "PrinterMark", role: "Annot" }) },
  { name: "printermark_untagged", base: "handout", expect: [], about: "a PrinterMark annotation outside the structure tree", edit: (doc) => void addAnnotation(doc, { subtype: "PrinterMark" }) },
];
