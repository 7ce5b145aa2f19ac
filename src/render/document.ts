/**
 * The pdfkit document with PDF/UA-1 identification: tagged, `/Lang`,
 * `DisplayDocTitle`, XMP with `pdfuaid:part` 1 and an XML-escaped title.
 */
import PDFDocument from "pdfkit";
import type { Doc } from "./marked.ts";

export type DocumentMeta = {
  title: string;
  lang: string;
  author: string;
  subject?: string;
  keywords?: string;
  /** Creation and modification date: from the release or SOURCE_DATE_EPOCH, never the clock. */
  date: Date;
};

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * pdfkit writes Info values through `valueOf()` (escaped for PDF) but pastes
 * them into XMP through `toString()` (not escaped): this string is right in both.
 * pdfkit 0.20.2 decides between PDFDocEncoding and UTF-16 by scanning
 * `charCodeAt`, which on a String object goes through `toString()`: the scan
 * must see the raw text, or a non-ASCII character that the XML escapes push
 * past the scanned length is written as a Latin-1 byte and lost.
 */
class InfoText extends String {
  override toString(): string {
    return escapeXml(this.valueOf());
  }

  override charCodeAt(index: number): number {
    return this.valueOf().charCodeAt(index);
  }
}

export function createDocument(meta: DocumentMeta): Doc {
  const info: Record<string, unknown> = {
    Title: new InfoText(meta.title),
    Author: new InfoText(meta.author),
    Creator: "Pressroom",
    Producer: "Pressroom with PDFKit",
    CreationDate: meta.date,
    ModDate: meta.date,
  };
  if (meta.subject) info.Subject = new InfoText(meta.subject);
  if (meta.keywords) info.Keywords = new InfoText(meta.keywords);
  return new PDFDocument({
    autoFirstPage: false,
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    pdfVersion: "1.7",
    subset: "PDF/UA" as never,
    compress: true,
    // No default Helvetica: every font in the file is one Pressroom embeds.
    font: null as never,
    info: info as never,
  }) as Doc;
}

/** Ends the document and collects its bytes. */
export function finishDocument(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.end();
  });
}
