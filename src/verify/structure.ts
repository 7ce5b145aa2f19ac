/**
 * The logical structure tree read into memory: elements with their resolved
 * standard roles, marked-content and object references, and the problems
 * found while reading it (02-x01, 02-x02).
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { entries, intOf, isDict, itemsOrSelf, nameOf, present, readNumberTree, refOf, textOf, type Obj, type PageRef } from "./pdf.ts";

/** Standard structure types of ISO 32000-1 (14.8.4). */
export const STANDARD_TYPES: ReadonlySet<string> = new Set(
  (
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody " +
    "Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP " +
    "Figure Formula Form"
  ).split(" "),
);

export type SKid =
  | { kind: "elem"; elem: SElem }
  | { kind: "mcid"; mcid: number; container: number; page: number }
  | { kind: "objr"; obj: number; page: number };

export type SElem = {
  obj: Obj;
  /** Object number (0 for a direct dictionary). */
  num: number;
  s?: string;
  /** Standard type after role mapping; undefined when unmapped or circular. */
  role?: string;
  roleProblem?: "unmapped" | "circular";
  parent?: SElem;
  kids: SKid[];
  /** Effective /Pg object number (own or inherited), 0 if none. */
  page: number;
  lang?: string;
  alt?: string;
  actualText?: string;
  id?: string;
};

export type StructModel = {
  root?: Obj;
  rootNum: number;
  /** Root's /K was present and non-empty. */
  hasKids: boolean;
  top: SElem[];
  /** All elements in document (pre-)order. */
  elems: SElem[];
  roleMap: Map<string, string>;
  parentTree: Map<number, Obj>;
  /** `${container}:${mcid}` → elements that reference that marked content. */
  mcidOwners: Map<string, SElem[]>;
  /** Annotation/XObject object number → elements holding an OBJR to it. */
  objrOwners: Map<number, SElem[]>;
  findings: Diagnostic[];
};

export const mcKey = (container: number, mcid: number): string => `${container}:${mcid}`;

export function resolveRole(
  s: string,
  roleMap: ReadonlyMap<string, string>,
): { role?: string; problem?: "unmapped" | "circular" } {
  const seen = new Set<string>();
  let cur = s;
  for (;;) {
    if (STANDARD_TYPES.has(cur)) return { role: cur };
    if (seen.has(cur)) return { problem: "circular" };
    seen.add(cur);
    const next = roleMap.get(cur);
    if (next === undefined) return { problem: "unmapped" };
    cur = next;
  }
}

/** Human description of an element for messages: `P (object 25, page 1)`. */
export function describe(e: SElem, pageIndex: ReadonlyMap<number, number>): string {
  const where: string[] = [];
  if (e.num) where.push(`object ${e.num}`);
  const p = pageIndex.get(e.page);
  if (p !== undefined) where.push(`page ${p + 1}`);
  const role = e.s === undefined ? "(no /S)" : e.role && e.role !== e.s ? `${e.s}→${e.role}` : e.s;
  return where.length ? `<${role}> (${where.join(", ")})` : `<${role}>`;
}

function kidKind(k: Obj): "mcr" | "objr" | "elem" {
  const t = nameOf(k.get("Type"));
  if (t === "MCR") return "mcr";
  if (t === "OBJR") return "objr";
  if (t === "StructElem") return "elem";
  if (present(k.get("MCID"))) return "mcr";
  if (present(k.get("Obj"))) return "objr";
  return "elem";
}

export function readStructModel(catalog: Obj, pages: readonly PageRef[], file: string): StructModel {
  const pageIndex = new Map(pages.map((p) => [p.num, p.index] as const));
  const rootRef = catalog.get("StructTreeRoot");
  const model: StructModel = {
    rootNum: refOf(rootRef),
    hasKids: false,
    top: [],
    elems: [],
    roleMap: new Map(),
    parentTree: new Map(),
    mcidOwners: new Map(),
    objrOwners: new Map(),
    findings: [],
  };
  if (!isDict(rootRef)) return model;
  model.root = rootRef;
  for (const [k, v] of entries(rootRef.get("RoleMap"))) {
    const n = nameOf(v);
    if (n !== undefined) model.roleMap.set(k, n);
  }
  model.parentTree = readNumberTree(rootRef.get("ParentTree"));

  const at = { file };
  const bad = (msg: string): void => {
    model.findings.push(
      error(at, msg, "Write each structure element once, with /P pointing at its parent and /K holding only elements, MCIDs, MCR or OBJR dictionaries.", "02-x02"),
    );
  };
  const visited = new Set<number>();
  const onPath = new Set<number>();
  const addOwner = <K>(map: Map<K, SElem[]>, key: K, e: SElem): void => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };

  const visit = (obj: Obj, parent: SElem | undefined, depth: number): SElem | undefined => {
    const num = refOf(obj);
    const parentDesc = parent ? describe(parent, pageIndex) : "the StructTreeRoot";
    if (num && onPath.has(num)) {
      bad(`Structure element object ${num} is its own ancestor (cycle below ${parentDesc}).`);
      return undefined;
    }
    if (num && visited.has(num)) {
      bad(`Structure element object ${num} appears more than once in the tree (again below ${parentDesc}).`);
      return undefined;
    }
    if (depth > 256) {
      bad(`Structure tree is deeper than 256 levels below ${parentDesc}.`);
      return undefined;
    }
    if (num) {
      visited.add(num);
      onPath.add(num);
    }
    const pg = refOf(obj.get("Pg"));
    const e: SElem = { obj, num, kids: [], page: pg || parent?.page || 0 };
    if (parent) e.parent = parent;
    const s = nameOf(obj.get("S"));
    if (s !== undefined) {
      e.s = s;
      const r = resolveRole(s, model.roleMap);
      if (r.role) e.role = r.role;
      if (r.problem) e.roleProblem = r.problem;
    } else {
      model.findings.push(
        error(at, `Structure element ${describe(e, pageIndex)} below ${parentDesc} has no /S structure type.`, "Give every structure element a /S entry naming its structure type (e.g. /P).", "02-x01"),
      );
    }
    for (const [key, field] of [["Lang", "lang"], ["Alt", "alt"], ["ActualText", "actualText"], ["ID", "id"]] as const) {
      const t = textOf(obj.get(key));
      if (t !== undefined) e[field] = t;
    }
    const expectedParent = parent ? parent.num : model.rootNum;
    const p = obj.get("P");
    if (!present(p)) bad(`Structure element ${describe(e, pageIndex)} has no /P entry (expected a reference to ${parentDesc}).`);
    else if (expectedParent && refOf(p) !== expectedParent)
      bad(
        `Structure element ${describe(e, pageIndex)} has /P ${refOf(p) ? `${refOf(p)} 0 R` : "(direct)"} but is a kid of ${parent ? parentDesc : `the StructTreeRoot (object ${expectedParent})`}.`,
      );
    model.elems.push(e);

    for (const k of itemsOrSelf(obj.get("K"))) {
      if (k.isInteger()) {
        const mcid = k.asNumber();
        if (mcid < 0 || !e.page) {
          bad(`Structure element ${describe(e, pageIndex)} has MCID kid ${mcid} ${mcid < 0 ? "that is negative" : "but no /Pg page"}.`);
          continue;
        }
        e.kids.push({ kind: "mcid", mcid, container: e.page, page: e.page });
        addOwner(model.mcidOwners, mcKey(e.page, mcid), e);
        continue;
      }
      if (!isDict(k)) {
        bad(`Structure element ${describe(e, pageIndex)} has a kid that is neither an element, an MCID nor an MCR/OBJR dictionary: ${k.toString().slice(0, 40)}.`);
        continue;
      }
      const kind = kidKind(k);
      if (kind === "mcr") {
        const mcid = intOf(k.get("MCID"));
        const page = refOf(k.get("Pg")) || e.page;
        const stm = refOf(k.get("Stm"));
        const container = stm || page;
        if (mcid === undefined || mcid < 0 || !container) {
          bad(`Structure element ${describe(e, pageIndex)} has a marked-content reference without a valid /MCID and page.`);
          continue;
        }
        e.kids.push({ kind: "mcid", mcid, container, page });
        addOwner(model.mcidOwners, mcKey(container, mcid), e);
      } else if (kind === "objr") {
        const target = refOf(k.get("Obj"));
        if (!target) {
          bad(`Structure element ${describe(e, pageIndex)} has an object reference without an indirect /Obj.`);
          continue;
        }
        e.kids.push({ kind: "objr", obj: target, page: refOf(k.get("Pg")) || e.page });
        addOwner(model.objrOwners, target, e);
      } else {
        const child = visit(k, e, depth + 1);
        if (child) e.kids.push({ kind: "elem", elem: child });
      }
    }
    if (num) onPath.delete(num);
    return e;
  };

  if (model.rootNum) onPath.add(model.rootNum);
  for (const k of itemsOrSelf(rootRef.get("K"))) {
    model.hasKids = true;
    if (!isDict(k)) {
      bad(`StructTreeRoot has a kid that is not a structure element: ${k.toString().slice(0, 40)}.`);
      continue;
    }
    const e = visit(k, undefined, 0);
    if (e) model.top.push(e);
  }
  return model;
}

/** Children that are structure elements. */
export const childElems = (e: SElem): SElem[] =>
  e.kids.flatMap((k) => (k.kind === "elem" ? [k.elem] : []));
