/**
 * Checks on the meaning of the structure tree: role mapping (02), tables,
 * lists and TOCs (09), alternate descriptions (13, 17), headings (14),
 * table header scope (15) and notes (19).
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { isDict, itemsOrSelf, nameOf, present, type Obj } from "./pdf.ts";
import { childElems, describe, STANDARD_TYPES, type SElem, type StructModel } from "./structure.ts";

const HINTS: Record<string, string> = {
  "02-001": "Add the type to the StructTreeRoot /RoleMap, mapped to a standard structure type, or use a standard type directly.",
  "02-003": "Break the cycle: every role-map chain must end at a standard structure type.",
  "02-004": "Remove standard structure types from /RoleMap; only custom types may be mapped.",
  "09-004": "Nest table elements as Table › (THead|TBody|TFoot ›) TR › TH|TD.",
  "09-005": "Nest list elements as L › LI › Lbl|LBody.",
  "09-006": "Put TOCI elements directly inside a TOC element.",
  "13-004": "Give the Figure an /Alt text describing the image (or /ActualText if it is text).",
  "17-002": "Give the Formula an /Alt text that reads the formula aloud.",
  "14-002": "Start the numbered headings with H1.",
  "14-003": "Do not skip heading levels when going deeper (H1 › H2 › H3).",
  "14-006": "Use at most one H per structure element (one per section), or use numbered headings.",
  "14-007": "Use either H (with sections) or H1–H6 throughout, not both.",
  "15-003": "Add a Table attribute /Scope (/Row, /Column or /Both) to each TH, e.g. /A << /O /Table /Scope /Column >>.",
  "19-003": "Give every Note element a unique /ID string.",
  "19-004": "Make Note /ID values unique within the document.",
};

const TABLE_PARENTS: Record<string, readonly string[]> = {
  TR: ["Table", "THead", "TBody", "TFoot"],
  TH: ["TR"],
  TD: ["TR"],
  THead: ["Table"],
  TBody: ["Table"],
  TFoot: ["Table"],
};
const TABLE_KIDS: Record<string, readonly string[]> = {
  Table: ["TR", "THead", "TBody", "TFoot", "Caption"],
  TR: ["TH", "TD"],
  THead: ["TR"],
  TBody: ["TR"],
  TFoot: ["TR"],
};
// ISO 32000-1 Table 333: a TOCI may hold a Lbl too.
const LIST_PARENTS: Record<string, readonly string[]> = { LI: ["L"], Lbl: ["LI", "TOCI"], LBody: ["LI"] };
const LIST_KIDS: Record<string, readonly string[]> = { L: ["LI", "L", "Caption"], LI: ["Lbl", "LBody"] };
const TOC_PARENTS: Record<string, readonly string[]> = { TOCI: ["TOC"] };
const TOC_KIDS: Record<string, readonly string[]> = { TOC: ["TOCI", "TOC", "Caption"] };

/** Attribute dictionaries of an element (/A and classes from /C). */
function attributes(e: SElem, classMap: Obj | undefined): Obj[] {
  const out: Obj[] = [];
  for (const a of itemsOrSelf(e.obj.get("A"))) if (isDict(a)) out.push(a);
  for (const c of itemsOrSelf(e.obj.get("C"))) {
    const n = nameOf(c);
    if (n === undefined || !isDict(classMap)) continue;
    for (const a of itemsOrSelf(classMap.get(n))) if (isDict(a)) out.push(a);
  }
  return out;
}

function tableAttr(e: SElem, key: string, classMap: Obj | undefined): Obj | undefined {
  for (const a of attributes(e, classMap)) {
    if (nameOf(a.get("O")) !== "Table") continue;
    const v = a.get(key);
    if (present(v)) return v;
  }
  return undefined;
}

export function checkSemantics(model: StructModel, pageIndex: ReadonlyMap<number, number>, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = { file };
  const report = (code: string, msg: string): void => {
    out.push(error(at, msg, HINTS[code], code));
  };
  const d = (e: SElem): string => describe(e, pageIndex);

  // 02: role mapping
  const cycles = new Set<string>();
  for (const [from, to] of model.roleMap) {
    if (STANDARD_TYPES.has(from)) report("02-004", `RoleMap remaps the standard structure type /${from} to /${to}.`);
    const chain: string[] = [from];
    let cur = to;
    while (!STANDARD_TYPES.has(cur) && model.roleMap.has(cur) && !chain.includes(cur)) {
      chain.push(cur);
      cur = model.roleMap.get(cur)!;
    }
    if (chain.includes(cur)) {
      const cycle = chain.slice(chain.indexOf(cur));
      const id = [...cycle].sort().join(",");
      if (!cycles.has(id)) {
        cycles.add(id);
        report("02-003", `RoleMap is circular: ${[...cycle, cur].map((n) => `/${n}`).join(" → ")}.`);
      }
    }
  }
  for (const e of model.elems) {
    if (e.s !== undefined && e.roleProblem === "unmapped")
      report("02-001", `Structure element ${d(e)} uses non-standard type /${e.s} that is not role-mapped to a standard type.`);
  }

  // 09: nesting rules
  const nesting = (code: string, parents: Record<string, readonly string[]>, kids: Record<string, readonly string[]>): void => {
    for (const e of model.elems) {
      if (!e.role) continue;
      const allowedParents = parents[e.role];
      if (allowedParents) {
        const pr = e.parent?.role;
        if (!pr || !allowedParents.includes(pr))
          report(code, `${d(e)} is inside ${e.parent ? d(e.parent) : "the StructTreeRoot"}; it must be inside ${allowedParents.join(", ")}.`);
      }
      const allowedKids = kids[e.role];
      if (allowedKids) {
        for (const c of childElems(e)) {
          if (c.role && !allowedKids.includes(c.role) && !(parents[c.role] ?? []).length)
            report(code, `${d(e)} contains ${d(c)}; allowed children are ${allowedKids.join(", ")}.`);
        }
      }
    }
  };
  nesting("09-004", TABLE_PARENTS, TABLE_KIDS);
  nesting("09-005", LIST_PARENTS, LIST_KIDS);
  nesting("09-006", TOC_PARENTS, TOC_KIDS);

  // 13, 17: alternate descriptions
  for (const e of model.elems) {
    if (e.role === "Figure" && !(e.alt?.trim() || e.actualText?.trim()))
      report("13-004", `Figure ${d(e)} has neither /Alt nor /ActualText.`);
    if (e.role === "Formula" && !e.alt?.trim()) report("17-002", `Formula ${d(e)} has no /Alt.`);
  }

  // 14: headings
  let prev: { level: number; e: SElem } | undefined;
  let firstNumbered: SElem | undefined;
  let firstH: SElem | undefined;
  for (const e of model.elems) {
    const m = /^H([1-6])$/.exec(e.role ?? "");
    if (e.role === "H") firstH ??= e;
    if (!m) continue;
    const level = Number(m[1]);
    if (!prev) {
      firstNumbered = e;
      if (level !== 1) report("14-002", `The first numbered heading is ${d(e)}, not H1.`);
    } else if (level > prev.level + 1) {
      report("14-003", `Heading ${d(e)} follows ${d(prev.e)}: level ${prev.level + 1} is skipped.`);
    }
    prev = { level, e };
  }
  const hCount = (kids: readonly SElem[]): number => kids.filter((k) => k.role === "H").length;
  if (hCount(model.top) > 1) report("14-006", `The StructTreeRoot has ${hCount(model.top)} <H> children.`);
  for (const e of model.elems) {
    const n = hCount(childElems(e));
    if (n > 1) report("14-006", `${d(e)} contains ${n} <H> elements; each section may have only one.`);
  }
  if (firstH && firstNumbered)
    report("14-007", `The document uses both <H> (${d(firstH)}) and numbered headings (${d(firstNumbered)}).`);

  // 15-003: TH scope, per table that does not use Headers
  const classMap = model.root?.get("ClassMap");
  const tables = new Map<SElem | undefined, SElem[]>();
  const tableOf = (e: SElem): SElem | undefined => {
    for (let p = e.parent; p; p = p.parent) if (p.role === "Table") return p;
    return undefined;
  };
  for (const e of model.elems) {
    if (e.role !== "TH" && e.role !== "TD") continue;
    const t = tableOf(e);
    const list = tables.get(t);
    if (list) list.push(e);
    else tables.set(t, [e]);
  }
  for (const cells of tables.values()) {
    if (cells.some((c) => present(tableAttr(c, "Headers", classMap)))) continue;
    for (const c of cells) {
      if (c.role !== "TH") continue;
      const scope = nameOf(tableAttr(c, "Scope", classMap));
      if (!scope || !["Row", "Column", "Both"].includes(scope))
        report("15-003", `Table header cell ${d(c)} has no Table /Scope attribute${scope ? ` (has /${scope})` : ""}.`);
    }
  }

  // 19: notes
  const ids = new Map<string, SElem[]>();
  for (const e of model.elems) {
    if (e.id !== undefined && e.id !== "") {
      const l = ids.get(e.id);
      if (l) l.push(e);
      else ids.set(e.id, [e]);
    }
    if (e.role === "Note" && !e.id) report("19-003", `Note ${d(e)} has no /ID.`);
  }
  for (const [id, list] of ids) {
    if (list.length > 1 && list.some((e) => e.role === "Note"))
      report("19-004", `The /ID (${id}) is used by ${list.length} elements: ${list.map(d).join(", ")}.`);
  }
  return out;
}

