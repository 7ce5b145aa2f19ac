/**
 * PDF/X-4 identification (ISO 15930-7): Info `GTS_PDFXVersion`, `Trapped`,
 * and the matching XMP properties. Title, CreationDate and ModDate are
 * already written by `createDocument`.
 */
import type { DocumentMeta } from "../render/document.ts";
import type { Doc } from "../render/marked.ts";

export const PDFX_VERSION = "PDF/X-4";

/**
 * A PDF name as an Info value. pdfkit's `end()` turns every primitive string
 * in `info` into a PDF string, and `PDFObject.convert` serialises any object
 * whose `Object.prototype.toString` tag is not `Object` (and that is no
 * String, Date, array, buffer or reference) as `${value}`: with its own
 * `Symbol.toStringTag` this class reaches that branch and writes `/False`.
 * No patch of pdfkit, no post-processing of the bytes. pdfkit writes each
 * Info value as its own indirect object, so `/Trapped` refers to an object
 * that is the name `/False`.
 */
export class PdfName {
  constructor(readonly name: string) {
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`PdfName "${name}" needs escaping`);
  }
  get [Symbol.toStringTag](): string {
    return "PdfName";
  }
  toString(): string {
    return `/${this.name}`;
  }
}

const xmpDate = (d: Date): string => `${d.toISOString().split(".")[0]}Z`;

/**
 * Adds the PDF/X-4 keys. Each XMP block is a whole `rdf:Description` of its
 * own, appended inside pdfkit's `rdf:RDF` before pdfkit's own descriptions
 * (pdfuaid, dc, xmp:CreateDate, pdf:Producer), which it writes at `end()`;
 * none of the properties here is one pdfkit writes.
 */
export function identifyPdfx(doc: Doc, meta: DocumentMeta): void {
  // pdfkit writes every key of `info` (its types list only the standard string and date keys).
  const info = doc.info as Record<string, unknown>;
  info.GTS_PDFXVersion = PDFX_VERSION;
  info.Trapped = new PdfName("False");
  info.ModDate ??= meta.date;
  const date = xmpDate(meta.date);
  // The document ID pdfkit writes in the trailer (an MD5 of the Info fields: deterministic).
  const id = Buffer.from(doc._id as Uint8Array).toString("hex");
  doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
            <pdfxid:GTS_PDFXVersion>${PDFX_VERSION}</pdfxid:GTS_PDFXVersion>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Trapped>False</pdf:Trapped>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${date}</xmp:ModifyDate>
            <xmp:MetadataDate>${date}</xmp:MetadataDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
            <xmpMM:DocumentID>uuid:${uuidOf(id)}</xmpMM:DocumentID>
            <xmpMM:VersionID>1</xmpMM:VersionID>
            <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
        </rdf:Description>`);
}

/** 32 hex digits as a UUID-shaped string. */
const uuidOf = (hex: string): string => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
