/** mupdf access for the defect generator: open, save, and the objects edits touch. */
import * as mupdf from "mupdf";

export type Doc = mupdf.PDFDocument;
export type Obj = mupdf.PDFObject;

export function openPdf(bytes: Uint8Array): Doc {
  return new mupdf.PDFDocument(bytes);
}

/**
 * Saves without a fresh file identifier: mupdf otherwise writes a random
 * second /ID element, and the same edit must give the same bytes.
 */
export function savePdf(doc: Doc): Uint8Array {
  // copy out of the WASM heap
  return doc.saveToBuffer("regenerate-id=no").asUint8Array().slice();
}

export const catalog = (doc: Doc): Obj => doc.getTrailer().get("Root");
export const info = (doc: Doc): Obj => doc.getTrailer().get("Info");
export const firstPage = (doc: Doc): Obj => doc.findPage(0);

/** The text of a stream, one char per byte (content streams, CMaps). */
export const streamText = (stream: Obj): string => Buffer.from(stream.readStream().asUint8Array()).toString("latin1");
export const writeStreamText = (stream: Obj, text: string): void => stream.writeStream(Buffer.from(text, "latin1"));

/** XMP packets are UTF-8. */
const readXmpText = (doc: Doc): string => Buffer.from(catalog(doc).get("Metadata").readStream().asUint8Array()).toString("utf8");
const writeXmpText = (doc: Doc, xml: string): void => catalog(doc).get("Metadata").writeStream(Buffer.from(xml, "utf8"));

/** A page's resource dictionary of one category (Font, XObject…), created when missing. */
function resources(doc: Doc, page: Obj, category: string): Obj {
  const res = page.get("Resources");
  let dict = res.get(category);
  if (!dict.isDictionary()) {
    dict = doc.newDictionary();
    res.put(category, dict);
  }
  return dict;
}

/** Adds `obj` to a page's resources under a fresh name and returns the name. */
export function addResource(doc: Doc, page: Obj, category: string, prefix: string, obj: Obj): string {
  const dict = resources(doc, page, category);
  let n = 0;
  while (!dict.get(`${prefix}${n}`).isNull()) n++;
  dict.put(`${prefix}${n}`, obj);
  return `${prefix}${n}`;
}

/** A Form XObject with the given content, as an indirect object. */
export function addForm(doc: Doc, content: string, extra: Record<string, unknown> = {}): Obj {
  return doc.addStream(Buffer.from(content, "latin1"), { Type: "XObject", Subtype: "Form", BBox: [0, 0, 10, 10], Resources: {}, ...extra });
}

/** Numbers of a [llx lly urx ury] array. */
export const rect = (o: Obj): [number, number, number, number] => [0, 1, 2, 3].map((i) => o.get(i).asNumber()) as [number, number, number, number];

/** `text` with `pattern` replaced; an edit that matches nothing is a generator bug, not a variant. */
function replaceOnce(text: string, pattern: string | RegExp, replacement: string): string {
  const out = text.replace(pattern, replacement);
  if (out === text) throw new Error(`defect generator: ${String(pattern)} not found`);
  return out;
}

export const editXmp = (doc: Doc, pattern: string | RegExp, replacement: string): void =>
  writeXmpText(doc, replaceOnce(readXmpText(doc), pattern, replacement));
