/** Annotation checks (28-*): tagging, alternate descriptions, tab order. */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { intOf, isDict, items, nameOf, refOf, textOf, type PageRef } from "./pdf.ts";
import { describe, type StructModel } from "./structure.ts";
import { Aggregate } from "./content.ts";

const HINTS: Record<string, string> = {
  "28-002": "Tag the annotation: add an <Annot> structure element holding an OBJR to it.",
  "28-004": "Give the annotation a /Contents text (or an /Alt on its structure element).",
  "28-007": "Remove TrapNet annotations.",
  "28-008": "Add /Tabs /S to every page that has annotations.",
  "28-009": "Set the page's /Tabs to /S (structure order).",
  "28-010": "Put the widget's OBJR inside a <Form> structure element.",
  "28-011": "Reference the link annotation with an OBJR from the <Link> element that holds the link text.",
  "28-012": "Give the link annotation a non-empty /Contents describing its target.",
  "28-017": "Remove PrinterMark annotations from the structure tree.",
  "28-x01": "Give the annotation a /StructParent key whose ParentTree entry is the element holding its OBJR.",
};

const HIDDEN = 2;

export function checkAnnotations(pages: readonly PageRef[], model: StructModel, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: string, msg: string): void => {
    out.push(error({ file }, msg, HINTS[code], code));
  };
  // per-annotation findings: one diagnostic per page and checkpoint, with a count
  const agg = new Aggregate();
  const pageIndex = new Map(pages.map((p) => [p.num, p.index] as const));
  for (const page of pages) {
    const annots = items(page.obj.get("Annots")).filter((a) => isDict(a));
    if (annots.length === 0) continue;
    const pn = page.index + 1;
    const tabs = nameOf(page.obj.get("Tabs"));
    if (tabs === undefined) report("28-008", `Page ${pn} has ${annots.length} annotation(s) but no /Tabs entry.`);
    else if (tabs !== "S") report("28-009", `Page ${pn} has annotations and /Tabs /${tabs}, not /S.`);

    for (const a of annots) {
      const num = refOf(a);
      const subtype = nameOf(a.get("Subtype")) ?? "(no subtype)";
      const what = `${subtype} annotation${num ? ` (object ${num})` : ""} on page ${pn}`;
      const holders = num ? (model.objrOwners.get(num) ?? []) : [];
      const roles = holders.map((h) => h.role);
      const hidden = ((intOf(a.get("F")) ?? 0) & HIDDEN) !== 0;
      const contents = textOf(a.get("Contents"))?.trim() ?? "";

      if (subtype === "TrapNet") agg.add("28-007", page.index, `${what} is a TrapNet annotation.`);
      if (subtype === "PrinterMark") {
        if (holders.length > 0) agg.add("28-017", page.index, `${what} is in the structure tree (OBJR in ${describe(holders[0]!, pageIndex)}).`);
        continue;
      }
      if (subtype === "Popup" || hidden) continue;

      if (subtype === "Link") {
        if (!roles.includes("Link"))
          agg.add(
            "28-011",
            page.index,
            holders.length
              ? `${what} is referenced from ${holders.map((h) => describe(h, pageIndex)).join(", ")}, not from a <Link> element.`
              : `${what} is not referenced by an OBJR from any <Link> structure element.`,
          );
        if (contents === "") agg.add("28-012", page.index, `${what} has no non-empty /Contents alternate description.`);
      } else if (subtype === "Widget") {
        if (!roles.includes("Form")) agg.add("28-010", page.index, `${what} is not nested in a <Form> structure element.`);
      } else {
        if (!roles.includes("Annot")) agg.add("28-002", page.index, `${what} is not nested in an <Annot> structure element.`);
        if (contents === "" && !holders.some((h) => h.alt?.trim()))
          agg.add("28-004", page.index, `${what} has no /Contents and its structure element has no /Alt.`);
      }

      const sp = intOf(a.get("StructParent"));
      if (sp === undefined) {
        agg.add("28-x01", page.index, `${what} has no /StructParent.`);
        continue;
      }
      const target = model.parentTree.get(sp);
      const targetNum = isDict(target) ? refOf(target) : 0;
      if (!targetNum) agg.add("28-x01", page.index, `${what} has /StructParent ${sp}, which the ParentTree does not map to a structure element.`);
      else if (!holders.some((h) => h.num === targetNum))
        agg.add("28-x01", page.index, `${what} has /StructParent ${sp} → object ${targetNum}, which holds no OBJR to the annotation.`);
    }
  }
  return [...out, ...agg.diagnostics(file, HINTS)];
}
