/** mupdf loading and small accessors over its PDF object model. */
import type { PDFDocument, PDFObject } from "mupdf";

export type Mupdf = typeof import("mupdf");
export type Obj = PDFObject;
export type { PDFDocument };

let mupdfPromise: Promise<Mupdf> | undefined;

/** Loads the mupdf WASM module once per process. */
export function loadMupdf(): Promise<Mupdf> {
  mupdfPromise ??= import("mupdf");
  return mupdfPromise;
}

/**
 * Opens a PDF, runs `fn` on it and frees it. mupdf's warnings (e.g. about a
 * repaired xref table) are collected instead of printed; `fn` runs
 * synchronously, so no other caller's messages end up in `log`.
 */
export async function withPdf<T>(bytes: Uint8Array, fn: (doc: PDFDocument, log: readonly string[]) => T): Promise<T> {
  const mupdf = await loadMupdf();
  const log: string[] = [];
  mupdf.setLog({ warning: (m) => log.push(m), error: (m) => log.push(m) });
  let doc: PDFDocument | undefined;
  try {
    doc = new mupdf.PDFDocument(bytes);
    if (doc.needsPassword()) doc.authenticatePassword("");
    return fn(doc, log);
  } finally {
    doc?.destroy();
    mupdf.setLog(null);
  }
}

export const present = (o: Obj | undefined): o is Obj => o !== undefined && !o.isNull();

export function nameOf(o: Obj | undefined): string | undefined {
  return present(o) && o.isName() ? o.asName() : undefined;
}

export function numOf(o: Obj | undefined): number | undefined {
  return present(o) && o.isNumber() ? o.asNumber() : undefined;
}

export function intOf(o: Obj | undefined): number | undefined {
  return present(o) && o.isInteger() ? o.asNumber() : undefined;
}

/** A text string (PDFDocEncoding / UTF-16 decoded). */
export function textOf(o: Obj | undefined): string | undefined {
  return present(o) && o.isString() ? o.asString() : undefined;
}

export function boolOf(o: Obj | undefined): boolean | undefined {
  return present(o) && o.isBoolean() ? o.asBoolean() : undefined;
}

/** Object number of an indirect reference, 0 for a direct object. */
export function refOf(o: Obj | undefined): number {
  return present(o) && o.isIndirect() ? o.asIndirect() : 0;
}

declare const dictBrand: unique symbol;
declare const arrayBrand: unique symbol;
/** Branded so that a failed check does not narrow an `Obj` to `never`. */
export type DictObj = Obj & { readonly [dictBrand]: true };
export type ArrayObj = Obj & { readonly [arrayBrand]: true };

export function isDict(o: Obj | undefined): o is DictObj {
  return present(o) && o.isDictionary();
}

export function isArray(o: Obj | undefined): o is ArrayObj {
  return present(o) && o.isArray();
}

/** Elements of an array (unresolved), or [] if not an array. */
export function items(o: Obj | undefined): Obj[] {
  if (!isArray(o)) return [];
  const out: Obj[] = [];
  const n = o.length;
  for (let i = 0; i < n; i++) out.push(o.get(i));
  return out;
}

/** Elements of an array, or the object itself as a one-element list. */
export function itemsOrSelf(o: Obj | undefined): Obj[] {
  if (!present(o)) return [];
  return o.isArray() ? items(o) : [o];
}

/** Entries of a dictionary as [key, value] pairs (values unresolved). */
export function entries(o: Obj | undefined): [string, Obj][] {
  const out: [string, Obj][] = [];
  if (!isDict(o)) return out;
  o.forEach((v, k) => out.push([String(k), v]));
  return out;
}

/** Decoded stream data, or undefined if the object is not a stream or fails to decode. */
export function streamBytes(o: Obj | undefined): Uint8Array | undefined {
  if (!present(o) || !o.isStream()) return undefined;
  try {
    // copy out of the WASM heap: later allocations may move it
    return o.readStream().asUint8Array().slice();
  } catch {
    return undefined;
  }
}

/** Rectangle [llx lly urx ury] normalised so that llx<=urx, lly<=ury. */
export type Rect = [number, number, number, number];
export function rectOf(o: Obj | undefined): Rect | undefined {
  if (!isArray(o) || o.length !== 4) return undefined;
  const v = items(o).map((x) => numOf(x));
  if (v.some((x) => x === undefined)) return undefined;
  const [a, b, c, d] = v as number[];
  return [Math.min(a!, c!), Math.min(b!, d!), Math.max(a!, c!), Math.max(b!, d!)];
}

/** Reads a number tree (ParentTree) into a map. */
export function readNumberTree(root: Obj | undefined): Map<number, Obj> {
  const out = new Map<number, Obj>();
  const seen = new Set<number>();
  const visit = (node: Obj, depth: number): void => {
    if (!isDict(node) || depth > 64) return;
    const r = refOf(node);
    if (r) {
      if (seen.has(r)) return;
      seen.add(r);
    }
    const nums = node.get("Nums");
    if (isArray(nums)) {
      const n = nums.length;
      for (let i = 0; i + 1 < n; i += 2) {
        const k = intOf(nums.get(i));
        if (k !== undefined) out.set(k, nums.get(i + 1));
      }
    }
    for (const kid of items(node.get("Kids"))) visit(kid, depth + 1);
  };
  if (present(root)) visit(root, 0);
  return out;
}

/** Pages of the document: index → page object, and object number → index. */
export type PageRef = { index: number; obj: Obj; num: number };
export function listPages(doc: PDFDocument): PageRef[] {
  const n = doc.countPages();
  const out: PageRef[] = [];
  for (let i = 0; i < n; i++) {
    const obj = doc.findPage(i);
    out.push({ index: i, obj, num: refOf(obj) });
  }
  return out;
}
