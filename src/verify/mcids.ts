/**
 * Consistency of marked content, structure elements and the ParentTree:
 * 01-x04 (content MCIDs resolve through the ParentTree), 01-x05 (pages and
 * forms with MCIDs have /StructParents) and 01-x06 (each MCID is owned by
 * exactly one element, which the ParentTree names).
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { isArray, isDict, refOf, type Obj, type PDFDocument } from "./pdf.ts";
import type { MarkedContentChecker } from "./content.ts";
import { structParentsOf } from "./content.ts";
import { describe, type StructModel } from "./structure.ts";

const HINTS: Record<string, string> = {
  "01-x04": "Add a ParentTree entry for the page's /StructParents key: an array whose index MCID holds the structure element that owns that content.",
  "01-x05": "Give the page (or Form XObject) a /StructParents key and a matching ParentTree entry.",
  "01-x06": "Reference each MCID from exactly one structure element, make sure it exists in the content, and let the ParentTree name that same element.",
};

export function checkMcids(
  doc: PDFDocument,
  mc: MarkedContentChecker,
  model: StructModel,
  pageIndex: ReadonlyMap<number, number>,
  file: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: string, msg: string): void => {
    out.push(error({ file }, msg, HINTS[code], code));
  };
  const objCache = new Map<number, Obj>();
  const objOf = (num: number): Obj => {
    let o = objCache.get(num);
    if (!o) objCache.set(num, (o = doc.newIndirect(num)));
    return o;
  };
  const label = (container: number): string => {
    const p = pageIndex.get(container);
    return p !== undefined ? `page ${p + 1}` : `Form XObject ${container}`;
  };

  // 01-x05
  for (const [container, page] of mc.containers) {
    if (container === page.num && structParentsOf(page.obj) === undefined)
      report("01-x05", `Page ${page.index + 1} (object ${page.num}) contains marked content with MCIDs but has no /StructParents.`);
  }
  for (const [form, page] of mc.formsWithoutStructParents)
    report("01-x05", `Form XObject ${form} (drawn on page ${page.index + 1}) contains MCIDs but has no /StructParents.`);

  /** ParentTree array for a container, or a reason why there is none. */
  const ptArrays = new Map<number, Obj | string | undefined>();
  const ptArray = (container: number): Obj | string | undefined => {
    if (ptArrays.has(container)) return ptArrays.get(container);
    const key = structParentsOf(objOf(container));
    let v: Obj | string | undefined;
    if (key === undefined) v = undefined;
    else {
      const entry = model.parentTree.get(key);
      v = isArray(entry) ? entry : `the ParentTree has no array for /StructParents ${key}`;
    }
    ptArrays.set(container, v);
    return v;
  };
  const ptEntry = (container: number, mcid: number): Obj | undefined => {
    const arr = ptArray(container);
    if (typeof arr !== "object") return undefined;
    const el = arr.get(mcid);
    return isDict(el) ? el : undefined;
  };

  // 01-x04
  const missingArrays = new Set<number>();
  for (const site of mc.sites.values()) {
    const arr = ptArray(site.container);
    if (arr === undefined) continue; // no /StructParents: reported as 01-x05
    if (typeof arr === "string") {
      if (!missingArrays.has(site.container)) {
        missingArrays.add(site.container);
        report("01-x04", `MCIDs on ${label(site.container)} cannot be resolved: ${arr}.`);
      }
      continue;
    }
    if (!ptEntry(site.container, site.mcid))
      report("01-x04", `MCID ${site.mcid} on ${label(site.container)} does not resolve through the ParentTree to a structure element.`);
  }

  // 01-x06
  const d = (e: Parameters<typeof describe>[0]): string => describe(e, pageIndex);
  for (const [key, owners] of model.mcidOwners) {
    const [containerStr, mcidStr] = key.split(":");
    const container = Number(containerStr);
    const mcid = Number(mcidStr);
    if (owners.length > 1) {
      report("01-x06", `MCID ${mcid} on ${label(container)} is referenced by ${owners.length} structure elements: ${owners.map(d).join(", ")}.`);
      continue;
    }
    const owner = owners[0]!;
    if (!mc.sites.has(key)) {
      report("01-x06", `Structure element ${d(owner)} references MCID ${mcid} on ${label(container)}, which does not occur in that content.`);
      continue;
    }
    const entry = ptEntry(container, mcid);
    if (entry && owner.num && refOf(entry) !== owner.num)
      report("01-x06", `MCID ${mcid} on ${label(container)} belongs to ${d(owner)} but the ParentTree names object ${refOf(entry)}.`);
  }
  for (const [key, site] of mc.sites) {
    if (model.mcidOwners.has(key)) continue;
    const entry = ptEntry(site.container, site.mcid);
    if (entry)
      report("01-x06", `The ParentTree maps MCID ${site.mcid} on ${label(site.container)} to object ${refOf(entry)}, which does not reference it.`);
  }
  return out;
}
