/** The structure tree of a document under edit: finding elements, adding elements and ParentTree entries. */
import { catalog, firstPage, type Doc, type Obj } from "./pdf.ts";

export type Elem = { obj: Obj; role: string | undefined; parent: Elem | undefined };

export const structRoot = (doc: Doc): Obj => catalog(doc).get("StructTreeRoot");

const kids = (o: Obj): Obj[] => {
  const k = o.get("K");
  if (k.isArray()) return Array.from({ length: k.length }, (_, i) => k.get(i));
  return k.isNull() ? [] : [k];
};

/** A kid that is an element, not an MCID, MCR or OBJR. */
const isElement = (o: Obj): boolean => o.isDictionary() && o.get("MCID").isNull() && o.get("Obj").isNull();

/** Structure elements in document (pre-)order; an element reached twice is listed once. */
export function elements(doc: Doc): Elem[] {
  const out: Elem[] = [];
  const seen = new Set<number>();
  const visit = (o: Obj, parent: Elem | undefined): void => {
    if (o.isIndirect()) {
      if (seen.has(o.asIndirect())) return;
      seen.add(o.asIndirect());
    }
    const s = o.get("S");
    const e: Elem = { obj: o, role: s.isName() ? s.asName() : undefined, parent };
    out.push(e);
    for (const k of kids(o)) if (isElement(k)) visit(k, e);
  };
  for (const k of kids(structRoot(doc))) if (isElement(k)) visit(k, undefined);
  return out;
}

/** The `nth` element with this role. */
export function elem(doc: Doc, role: string, nth = 0): Obj {
  const e = elements(doc).filter((x) => x.role === role)[nth];
  if (!e) throw new Error(`defect generator: no element /${role} #${nth}`);
  return e.obj;
}

/** The `nth` element with this role that holds marked content directly. */
export function elemWithContent(doc: Doc, role: string, nth = 0): Obj {
  const e = elements(doc).filter((x) => x.role === role && kids(x.obj).some((k) => k.isInteger()))[nth];
  if (!e) throw new Error(`defect generator: no element /${role} with MCIDs #${nth}`);
  return e.obj;
}

/** MCIDs an element holds directly as integer kids. */
export const mcidsOf = (e: Obj): number[] => kids(e).filter((k) => k.isInteger()).map((k) => k.asNumber());

export const setRole = (e: Obj, role: string): void => e.put("S", role);

/** Appends a kid to an element's /K, making /K an array when needed. */
export function appendKid(doc: Doc, e: Obj, kid: unknown): void {
  const k = e.get("K");
  if (k.isArray()) k.push(kid);
  else {
    const arr = doc.newArray();
    if (!k.isNull()) arr.push(k);
    arr.push(kid);
    e.put("K", arr);
  }
}

/** A new element under `parent` (or under the top element), as an indirect object. */
export function addElement(doc: Doc, role: string, extra: Record<string, unknown> = {}, parent?: Obj): Obj {
  const p = parent ?? elements(doc)[0]!.obj;
  const e = doc.addObject({ S: role, P: p, Pg: firstPage(doc), ...extra });
  appendKid(doc, p, e);
  return e;
}

function parentTreeNums(doc: Doc): Obj {
  const nums = structRoot(doc).get("ParentTree").get("Nums");
  if (!nums.isArray()) throw new Error("defect generator: ParentTree without a flat /Nums array");
  return nums;
}

/** The ParentTree value for a key (an array for a page, an element for an annotation). */
export function parentTreeValue(doc: Doc, key: number): Obj {
  const nums = parentTreeNums(doc);
  for (let i = 0; i + 1 < nums.length; i += 2) if (nums.get(i).asNumber() === key) return nums.get(i + 1);
  throw new Error(`defect generator: no ParentTree entry ${key}`);
}

/** Adds a ParentTree entry under the next free key and returns the key. */
export function addParentTreeEntry(doc: Doc, value: unknown): number {
  const root = structRoot(doc);
  const nums = parentTreeNums(doc);
  const next = root.get("ParentTreeNextKey");
  let key = next.isInteger() ? next.asNumber() : 0;
  for (let i = 0; i < nums.length; i += 2) key = Math.max(key, nums.get(i).asNumber() + 1);
  nums.push(key);
  nums.push(value);
  root.put("ParentTreeNextKey", key + 1);
  const limits = root.get("ParentTree").get("Limits");
  if (limits.isArray()) limits.put(1, key);
  return key;
}
