/** Structure-tree variants: the tree itself, role mapping, tables, lists, TOCs, alternate text, headings, notes. */
import { type Doc } from "../pdf.ts";
import { appendKid, elem, elements, elemWithContent, setRole, structRoot } from "../structure.ts";
import type { Variant } from "../variant.ts";

const paragraph = (doc: Doc, nth = 0) => elemWithContent(doc, "P", nth);

function roleMap(doc: Doc, map: Record<string, string>): void {
  structRoot(doc).put("RoleMap", map);
}

/** Gives every element of one role another role. */
function renameAll(doc: Doc, from: string, to: string): void {
  for (const e of elements(doc)) if (e.role === from) setRole(e.obj, to);
}

/**
 * The list as a two-row table: L › LI › (Lbl, LBody) becomes Table › TR ›
 * (TH, TD), each TH with a /Scope unless `scope` is false.
 */
function listAsTable(doc: Doc, { table = "Table", scope = true }: { table?: string; scope?: boolean } = {}): void {
  renameAll(doc, "L", table);
  renameAll(doc, "LI", "TR");
  renameAll(doc, "LBody", "TD");
  for (const e of elements(doc).filter((x) => x.role === "Lbl")) {
    setRole(e.obj, "TH");
    if (scope) e.obj.put("A", { O: "Table", Scope: "Row" });
  }
}

/** The list as a table of contents: L › LI › (Lbl, LBody) becomes TOC › TOCI › (Lbl, `body`). */
function listAsToc(doc: Doc, body: string): void {
  renameAll(doc, "L", "TOC");
  renameAll(doc, "LI", "TOCI");
  renameAll(doc, "LBody", body);
}

const HEADINGS = ["H1", "H2", "H3"];

export const structureVariants: Variant[] = [
  { name: "no_s", base: "handout", expect: ["02-x01"], about: "a paragraph element without /S", edit: (doc) => paragraph(doc).delete("S") },
  { name: "bad_parent_link", base: "handout", expect: ["02-x02"], about: "a paragraph whose /P names the headline, not its parent", edit: (doc) => paragraph(doc, 1).put("P", elem(doc, "H1")) },
  {
    name: "shared_element",
    base: "handout",
    expect: ["02-x02"],
    about: "a section's paragraph is also a kid of the top element",
    edit: (doc) => appendKid(doc, elem(doc, "Document"), elements(doc).find((e) => e.role === "P" && e.parent?.role === "Sect")!.obj),
  },
  { name: "unmapped_type", base: "handout", expect: ["02-001"], about: "a paragraph typed /Para with no RoleMap entry", edit: (doc) => setRole(paragraph(doc), "Para") },
  {
    name: "mapped_custom_type",
    base: "handout",
    expect: [],
    about: "a paragraph typed /Para, role-mapped to /P",
    edit: (doc) => {
      roleMap(doc, { Para: "P" });
      setRole(paragraph(doc), "Para");
    },
  },
  {
    name: "circular_rolemap",
    base: "handout",
    expect: ["02-003"],
    about: "a paragraph typed /Foo; RoleMap /Foo → /Bar → /Foo",
    edit: (doc) => {
      roleMap(doc, { Foo: "Bar", Bar: "Foo" });
      setRole(paragraph(doc), "Foo");
    },
  },
  { name: "standard_remapped", base: "handout", expect: ["02-004"], about: "RoleMap remaps the standard type /P to /Span", edit: (doc) => roleMap(doc, { P: "Span" }) },
  { name: "table_ok", base: "handout", expect: [], about: "the list rewritten as a table: Table › TR › TH (with /Scope) and TD", edit: (doc) => listAsTable(doc) },
  { name: "table_th_no_scope", base: "handout", expect: ["15-003"], about: "the table's TH cells have no /Scope", edit: (doc) => listAsTable(doc, { scope: false }) },
  {
    name: "table_th_with_headers",
    base: "handout",
    expect: [],
    about: "TH cells without /Scope in a table whose TD cells name their headers (/Headers)",
    edit: (doc) => {
      listAsTable(doc, { scope: false });
      for (const [i, e] of elements(doc).filter((x) => x.role === "TH").entries()) e.obj.put("ID", `(h${i})`);
      for (const [i, e] of elements(doc).filter((x) => x.role === "TD").entries()) e.obj.put("A", { O: "Table", Headers: [`(h${i})`] });
    },
  },
  { name: "tr_outside_table", base: "handout", expect: ["09-004"], about: "table rows directly in a Div", edit: (doc) => listAsTable(doc, { table: "Div" }) },
  { name: "td_orphan", base: "handout", expect: ["09-004"], about: "a paragraph typed TD, outside any table row", edit: (doc) => setRole(paragraph(doc), "TD") },
  { name: "li_outside_list", base: "handout", expect: ["09-005"], about: "a paragraph typed LI, outside any list", edit: (doc) => setRole(paragraph(doc), "LI") },
  { name: "toci_outside_toc", base: "handout", expect: ["09-006"], about: "a paragraph typed TOCI, outside any TOC", edit: (doc) => setRole(paragraph(doc), "TOCI") },
  {
    name: "toc_ok",
    base: "handout",
    expect: [],
    about: "the list rewritten as a table of contents: TOC › TOCI › (Lbl, NonStruct), as ISO 32000-1 Table 333 allows",
    edit: (doc) => listAsToc(doc, "NonStruct"),
  },
  { name: "toc_with_lbody", base: "handout", expect: ["09-005"], about: "a table of contents whose items keep their LBody (an LBody belongs in an LI)", edit: (doc) => listAsToc(doc, "LBody") },
  { name: "figure_no_alt", base: "handout", expect: ["13-004"], about: "the figure without /Alt", edit: (doc) => elem(doc, "Figure").delete("Alt") },
  {
    name: "figure_actualtext",
    base: "handout",
    expect: [],
    about: "the figure with /ActualText instead of /Alt",
    edit: (doc) => {
      const fig = elem(doc, "Figure");
      fig.put("ActualText", fig.get("Alt"));
      fig.delete("Alt");
    },
  },
  { name: "formula_no_alt", base: "handout", expect: ["17-002"], about: "a paragraph typed Formula, without /Alt", edit: (doc) => setRole(paragraph(doc), "Formula") },
  {
    name: "formula_with_alt",
    base: "handout",
    expect: [],
    about: "a paragraph typed Formula, with /Alt",
    edit: (doc) => {
      const formula = paragraph(doc);
      setRole(formula, "Formula");
      formula.put("Alt", "(E equals m c squared)");
    },
  },
  { name: "first_heading_h2", base: "handout", expect: ["14-002"], about: "the headline typed H2", edit: (doc) => setRole(elem(doc, "H1"), "H2") },
  { name: "h2_to_h3", base: "handout", expect: ["14-003"], about: "the first H2 typed H3: H1 is followed by H3", edit: (doc) => setRole(elem(doc, "H2"), "H3") },
  { name: "mixed_h_and_hn", base: "handout", expect: ["14-007"], about: "the H3 typed H; H1 and H2 kept", edit: (doc) => setRole(elem(doc, "H3"), "H") },
  {
    name: "h_per_section",
    base: "handout",
    expect: [],
    about: "every heading typed H, one per section",
    edit: (doc) => HEADINGS.forEach((h) => renameAll(doc, h, "H")),
  },
  {
    name: "two_h_siblings",
    base: "handout",
    expect: ["14-006"],
    about: "every heading typed H, and the standfirst (the headline's sibling) too",
    edit: (doc) => {
      const sibling = elements(doc).find((e) => e.role === "P" && e.parent?.role === "Document")!;
      HEADINGS.forEach((h) => renameAll(doc, h, "H"));
      setRole(sibling.obj, "H");
    },
  },
  { name: "note_without_id", base: "handout", expect: ["19-003"], about: "a paragraph typed Note, without /ID", edit: (doc) => setRole(paragraph(doc), "Note") },
  {
    name: "note_duplicate_id",
    base: "handout",
    expect: ["19-004"],
    about: "two paragraphs typed Note, both with /ID (n1)",
    edit: (doc) => {
      const [a, b] = [paragraph(doc, 0), paragraph(doc, 1)];
      for (const n of [a, b]) {
        setRole(n, "Note");
        n.put("ID", "(n1)");
      }
    },
  },
  {
    name: "note_with_id",
    base: "handout",
    expect: [],
    about: "a paragraph typed Note, with /ID (n1)",
    edit: (doc) => {
      const n = paragraph(doc);
      setRole(n, "Note");
      n.put("ID", "(n1)");
    },
  },
];
