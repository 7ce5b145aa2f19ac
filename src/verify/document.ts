/**
 * Document-level checks: tagging flags (01-x01, 01-x02, 01-007), XMP
 * metadata and title (06-*), viewer preferences (07-*) and encryption
 * permissions (26-*).
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { boolOf, intOf, isDict, present, streamBytes, textOf, type Obj } from "./pdf.ts";
import { decodeXmp, readXmp } from "./xmp.ts";
import type { StructModel } from "./structure.ts";

const HINTS: Record<string, string> = {
  "01-x01": "Add /MarkInfo << /Marked true >> to the document catalog.",
  "01-x02": "Add a /StructTreeRoot with the document's structure elements to the catalog.",
  "01-007": "Set /MarkInfo /Suspects to false after making sure the tags are correct.",
  "06-001": "Add an XMP metadata stream (/Metadata, /Type /Metadata /Subtype /XML) to the catalog.",
  "06-002": 'Declare PDF/UA in the XMP: <pdfuaid:part>1</pdfuaid:part> with xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/".',
  "06-003": "Add a non-empty dc:title (rdf:Alt with an x-default item) to the XMP metadata.",
  "06-x01": "Write the same document title to the Info dictionary /Title and to XMP dc:title.",
  "07-001": "Add /ViewerPreferences << /DisplayDocTitle true >> to the catalog.",
  "07-002": "Set /ViewerPreferences /DisplayDocTitle to true.",
  "26-001": "Write a /P permissions entry in the encryption dictionary.",
  "26-002": "Allow content extraction for accessibility (set bit 10 of /P), or do not encrypt the file.",
};

const normalise = (s: string): string => s.replace(/\s+/g, " ").trim();

export function checkDocument(trailer: Obj, catalog: Obj, model: StructModel, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: string, msg: string): void => {
    out.push(error({ file }, msg, HINTS[code], code));
  };

  // 01: tagging flags
  const markInfo = catalog.get("MarkInfo");
  if (!isDict(markInfo)) report("01-x01", "The catalog has no /MarkInfo dictionary, so the file does not declare itself tagged.");
  else if (boolOf(markInfo.get("Marked")) !== true) report("01-x01", "/MarkInfo /Marked is not true.");
  if (isDict(markInfo) && boolOf(markInfo.get("Suspects")) === true)
    report("01-007", "/MarkInfo /Suspects is true: the producer marked the tags as unreliable.");
  if (!model.root) report("01-x02", "The catalog has no /StructTreeRoot.");
  else if (!model.hasKids || model.top.length === 0) report("01-x02", "The /StructTreeRoot has no structure elements (/K is missing or empty).");

  // 06: XMP metadata
  const meta = catalog.get("Metadata");
  const bytes = present(meta) ? streamBytes(meta) : undefined;
  const info = trailer.get("Info");
  const infoTitle = isDict(info) ? textOf(info.get("Title")) : undefined;
  let xmpTitle: string | undefined;
  if (!bytes) {
    report("06-001", present(meta) ? "The catalog /Metadata is not a readable stream." : "The catalog has no /Metadata XMP stream.");
    report("06-002", "No XMP metadata, so the PDF/UA identifier pdfuaid:part is missing.");
    report("06-003", "No XMP metadata, so dc:title is missing.");
  } else {
    const xml = decodeXmp(bytes);
    const xmp = readXmp(xml);
    if (!xmp.wellFormed) report("06-001", "The XMP metadata stream is not well-formed XML.");
    if (xmp.uaParts.length === 0) report("06-002", "The XMP metadata has no pdfuaid:part.");
    else if (!xmp.uaParts.includes("1")) report("06-002", `The XMP metadata declares pdfuaid:part ${xmp.uaParts.join(", ")}, not 1.`);
    if (xmp.title === undefined) report("06-003", "The XMP metadata has no dc:title.");
    else if (xmp.title === "") report("06-003", "The XMP dc:title is empty.");
    else xmpTitle = xmp.title;
  }
  const it = infoTitle !== undefined && normalise(infoTitle) !== "" ? normalise(infoTitle) : undefined;
  const xt = xmpTitle !== undefined ? normalise(xmpTitle) : undefined;
  if (it === undefined && xt === undefined) report("06-x01", "The document has no title (neither Info /Title nor XMP dc:title).");
  else if (it !== undefined && xt !== undefined && it !== xt)
    report("06-x01", `Info /Title (${it}) differs from XMP dc:title (${xt}).`);

  // 07: viewer preferences
  const vp = catalog.get("ViewerPreferences");
  const ddt = isDict(vp) ? vp.get("DisplayDocTitle") : undefined;
  if (!present(ddt)) report("07-001", "The catalog /ViewerPreferences has no /DisplayDocTitle entry.");
  else if (boolOf(ddt) !== true) report("07-002", `/ViewerPreferences /DisplayDocTitle is ${ddt.toString()}, not true.`);

  // 26: encryption
  const enc = trailer.get("Encrypt");
  if (isDict(enc)) {
    const p = intOf(enc.get("P"));
    const r = intOf(enc.get("R")) ?? 2;
    if (p === undefined) report("26-001", "The file is encrypted but the encryption dictionary has no /P permissions entry.");
    else {
      const bit = r >= 3 ? 10 : 5; // revision 2 ties accessibility to the copy bit
      if ((p & (1 << (bit - 1))) === 0)
        report("26-002", `The file is encrypted with /P ${p}, which does not permit content extraction for accessibility (bit ${bit}).`);
    }
  }
  return out;
}
