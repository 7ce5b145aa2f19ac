/** Content variants: what is tagged, artifacts, MCIDs and the ParentTree, Form XObjects. */
import { adjacentTagged, appendContent, editPageContent, pageContent, sequence, sequences, splice } from "../content.ts";
import { addForm, addResource, firstPage, type Doc, type Obj } from "../pdf.ts";
import { addElement, addParentTreeEntry, appendKid, elem, elemWithContent, mcidsOf, parentTreeValue } from "../structure.ts";
import type { Variant } from "../variant.ts";

const PATH = "0 0 m 10 10 l S";

/** MCID of the headline's content. */
const h1Mcid = (doc: Doc): number => mcidsOf(elem(doc, "H1"))[0]!;

/** The body of a tagged sequence (its painting operators), by the element that owns it. */
function bodyOf(doc: Doc, role: string): string {
  const c = pageContent(doc);
  const s = sequence(c, mcidsOf(elemWithContent(doc, role))[0]!);
  return c.slice(s.bodyStart, s.bodyEnd);
}

/** Inserts `ops` at the start of the headline's sequence body. */
const insertInHeadline = (doc: Doc, ops: string): void =>
  editPageContent(doc, (c) => splice(c, sequence(c, h1Mcid(doc)).bodyStart, sequence(c, h1Mcid(doc)).bodyStart, `\n${ops}\n`));

const drawForm = (doc: Doc, form: Obj): string => `q /${addResource(doc, firstPage(doc), "XObject", "Fx", form)} Do Q`;

/** A form whose content is one MCID, owned through an MCR with /Stm by a new P element. */
function formWithMcid(doc: Doc): Obj {
  const form = addForm(doc, `/P <</MCID 0>> BDC ${PATH} EMC`);
  const p = addElement(doc, "P", { K: { Type: "MCR", MCID: 0, Pg: firstPage(doc), Stm: form } });
  form.put("StructParents", addParentTreeEntry(doc, [p]));
  return form;
}

/** The ParentTree array of the page. */
const pageParentTree = (doc: Doc): Obj => parentTreeValue(doc, firstPage(doc).get("StructParents").asNumber());

export const contentVariants: Variant[] = [
  { name: "untagged_path", base: "handout", expect: ["01-005"], about: "a line drawn outside marked content", edit: (doc) => appendContent(doc, PATH) },
  {
    name: "untagged_text",
    base: "handout",
    expect: ["01-005"],
    about: "the headline's text shown a second time, outside marked content",
    edit: (doc) => appendContent(doc, bodyOf(doc, "H1")),
  },
  {
    name: "untagged_image",
    base: "handout",
    expect: ["01-005"],
    about: "the figure's image drawn a second time, outside marked content",
    edit: (doc) => appendContent(doc, bodyOf(doc, "Figure")),
  },
  {
    name: "form_outside_marked_content",
    base: "handout",
    expect: ["01-005"],
    about: "a Form XObject that draws a line, drawn outside marked content",
    edit: (doc) => appendContent(doc, drawForm(doc, addForm(doc, PATH))),
  },
  {
    name: "control_form_inside_mcid",
    base: "handout",
    expect: [],
    about: "a Form XObject without MCIDs drawn inside the headline's sequence",
    edit: (doc) => insertInHeadline(doc, drawForm(doc, addForm(doc, PATH))),
  },
  { name: "control_artifact_added", base: "handout", expect: [], about: "a line in an Artifact sequence", edit: (doc) => appendContent(doc, `/Artifact BMC ${PATH} EMC`) },
  {
    name: "control_named_property_list",
    base: "handout",
    expect: [],
    about: "the headline's MCID given through a named property list (/Properties resource)",
    edit: (doc) => {
      const mcid = h1Mcid(doc);
      const name = addResource(doc, firstPage(doc), "Properties", "MC", doc.addObject({ MCID: mcid }));
      editPageContent(doc, (c) => {
        const s = sequence(c, mcid);
        return splice(c, s.start, s.bodyStart, `/${s.tag} /${name} BDC`);
      });
    },
  },
  {
    name: "artifact_inside_tagged",
    base: "handout",
    expect: ["01-003"],
    about: "an Artifact sequence inside the headline's tagged sequence",
    edit: (doc) => insertInHeadline(doc, `/Artifact BMC ${PATH} EMC`),
  },
  {
    name: "tagged_inside_artifact",
    base: "handout",
    expect: ["01-004"],
    about: "the headline's tagged sequence wrapped in an Artifact sequence",
    edit: (doc) =>
      editPageContent(doc, (c) => {
        const s = sequence(c, h1Mcid(doc));
        return splice(splice(c, s.end, s.end, "\nEMC"), s.start, s.start, "/Artifact BMC\n");
      }),
  },
  {
    name: "nested_mcid",
    base: "handout",
    expect: ["01-x03"],
    about: "a tagged sequence closed only after the next one: two owned MCIDs nested",
    edit: (doc) =>
      editPageContent(doc, (c) => {
        const [a, b] = adjacentTagged(c);
        return splice(splice(c, b.end, b.end, "\nEMC"), a.bodyEnd, a.end, "");
      }),
  },
  {
    name: "nested_unowned_mcid",
    base: "handout",
    expect: ["01-005", "01-x03", "01-x04"],
    about: "an MCID that no element owns and the ParentTree does not know, nested in the headline's",
    edit: (doc) =>
      editPageContent(doc, (c) => {
        const s = sequence(c, h1Mcid(doc));
        return splice(splice(c, s.bodyEnd, s.bodyEnd, "EMC\n"), s.bodyStart, s.bodyStart, "\n/Span <</MCID 99>> BDC");
      }),
  },
  { name: "parenttree_null", base: "handout", expect: ["01-x04"], about: "the ParentTree entry for the headline's MCID is null", edit: (doc) => pageParentTree(doc).put(h1Mcid(doc), null) },
  {
    name: "parenttree_wrong_owner",
    base: "handout",
    expect: ["01-x06"],
    about: "the ParentTree names another paragraph as the owner of the headline's MCID",
    edit: (doc) => pageParentTree(doc).put(h1Mcid(doc), elemWithContent(doc, "P", 2)),
  },
  { name: "no_structparents", base: "handout", expect: ["01-x05"], about: "the page has no /StructParents", edit: (doc) => firstPage(doc).delete("StructParents") },
  { name: "dangling_mcid_ref", base: "handout", expect: ["01-x06"], about: "a paragraph references MCID 500, which the page does not have", edit: (doc) => appendKid(doc, elemWithContent(doc, "P"), 500) },
  {
    name: "mcid_referenced_twice",
    base: "handout",
    expect: ["01-x06"],
    about: "a paragraph also references the headline's MCID",
    edit: (doc) => appendKid(doc, elemWithContent(doc, "P"), h1Mcid(doc)),
  },
  { name: "unbalanced_emc", base: "handout", expect: ["01-x07"], about: "an EMC without BMC/BDC at the end of the page", edit: (doc) => appendContent(doc, "EMC") },
  {
    name: "unclosed_sequence",
    base: "handout",
    expect: ["01-x07"],
    about: "the page's last marked-content sequence is never closed",
    edit: (doc) =>
      editPageContent(doc, (c) => {
        const last = sequences(c).reduce((a, b) => (b.end > a.end ? b : a));
        return splice(c, last.bodyEnd, last.end, "");
      }),
  },
  {
    name: "reference_xobject",
    base: "handout",
    expect: ["30-001"],
    about: "a reference XObject (/Ref to another file), drawn as an artifact",
    edit: (doc) => appendContent(doc, `/Artifact BMC ${drawForm(doc, addForm(doc, PATH, { Ref: { F: "(other.pdf)", Page: 0 } }))} EMC`),
  },
  {
    name: "form_with_mcid_drawn_once",
    base: "handout",
    expect: [],
    about: "a Form XObject with its own /StructParents and MCID, drawn once",
    edit: (doc) => appendContent(doc, drawForm(doc, formWithMcid(doc))),
  },
  {
    name: "form_with_mcid_drawn_twice",
    base: "handout",
    expect: ["30-002"],
    about: "the same Form XObject with an MCID, drawn twice",
    edit: (doc) => {
      const draw = drawForm(doc, formWithMcid(doc));
      appendContent(doc, `${draw}\nq 1 0 0 1 5 5 cm ${draw} Q`);
    },
  },
];
