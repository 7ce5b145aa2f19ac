/** Annotations on the first page, tagged the way PDF/UA-1 asks (or deliberately not). */
import { firstPage, type Doc, type Obj } from "./pdf.ts";
import { addElement, addParentTreeEntry } from "./structure.ts";

export type AnnotationSpec = {
  subtype: string;
  /** /Contents text; none when omitted. */
  contents?: string;
  /** /F flags (2: hidden). */
  flags?: number;
  /** Role of a new structure element holding an OBJR to it, with /StructParent back; untagged when omitted. */
  role?: string;
  /** /Alt on that element. */
  alt?: string;
  extra?: Record<string, unknown>;
};

function pageAnnotations(doc: Doc): Obj[] {
  const a = firstPage(doc).get("Annots");
  return a.isArray() ? Array.from({ length: a.length }, (_, i) => a.get(i)) : [];
}

/** The `nth` annotation of a subtype on the first page. */
export function annotation(doc: Doc, subtype: string, nth = 0): Obj {
  const a = pageAnnotations(doc).filter((x) => x.get("Subtype").asName() === subtype)[nth];
  if (!a) throw new Error(`defect generator: no /${subtype} annotation #${nth}`);
  return a;
}

export function addAnnotation(doc: Doc, spec: AnnotationSpec): { annot: Obj; elem?: Obj } {
  const page = firstPage(doc);
  const annot = doc.addObject({
    Type: "Annot",
    Subtype: spec.subtype,
    Rect: [20, 20, 40, 40],
    ...(spec.contents !== undefined ? { Contents: `(${spec.contents})` } : {}),
    ...(spec.flags !== undefined ? { F: spec.flags } : {}),
    ...spec.extra,
  });
  if (!page.get("Annots").isArray()) page.put("Annots", []);
  page.get("Annots").push(annot);
  if (!page.get("Tabs").isName()) page.put("Tabs", "S");
  if (!spec.role) return { annot };
  const elem = addElement(doc, spec.role, { K: { Type: "OBJR", Obj: annot, Pg: page }, ...(spec.alt ? { Alt: `(${spec.alt})` } : {}) });
  annot.put("StructParent", addParentTreeEntry(doc, elem));
  return { annot, elem };
}
