/**
 * Print-master checks (profile `print`): page boxes (PR-001..003), RGB colour
 * (PR-004) and, for files that identify themselves as PDF/X, the PDF/X-4
 * requirements (PR-005..009); PR-010 when the caller requires a PDF/X print
 * master and the file makes no such claim.
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { isName as isInlineName, type Operation, type PdfValue } from "./lexer.ts";
import { intOf, isArray, isDict, items, nameOf, present, rectOf, refOf, streamBytes, textOf, type Obj, type PageRef, type Rect } from "./pdf.ts";
import { resource, type ContentVisitor, type WalkState } from "./walker.ts";
import { where } from "./content.ts";
import { decodeXmp } from "./xmp.ts";

const HINTS: Record<string, string> = {
  "PR-001": "Set /TrimBox on every page to the finished page size.",
  "PR-002": "Set /BleedBox on every page to the TrimBox plus 3 mm on each side.",
  "PR-003": "Make the MediaBox contain the BleedBox, and the BleedBox contain the TrimBox.",
  "PR-004": "Convert the colour to DeviceCMYK, DeviceGray or a spot colour (Separation); no RGB in print masters.",
  "PR-005": "Make the BleedBox the TrimBox plus 3 mm on every side.",
  "PR-006": "Add a /GTS_PDFX output intent to the catalog's /OutputIntents with an OutputConditionIdentifier (e.g. FOGRA39) and the CMYK ICC profile (/N 4) embedded as DestOutputProfile.",
  "PR-007": "Write Info /GTS_PDFXVersion (PDF/X-4) and the same value as XMP pdfxid:GTS_PDFXVersion, Info /Trapped as a name (/False), and PDF version 1.6 or later.",
  "PR-008": "Remove annotations from the print master: print a link's address as text instead.",
  "PR-009": "Write /Title, /CreationDate and /ModDate in the Info dictionary.",
  "PR-010": "Render the print master with the print finish: Info /GTS_PDFXVersion and XMP pdfxid:GTS_PDFXVersion (PDF/X-4) and a /GTS_PDFX output intent.",
};

const fmt = (r: Rect): string => `[${r.map((v) => Math.round(v * 100) / 100).join(" ")}]`;
const contains = (outer: Rect, inner: Rect, eps = 0.01): boolean =>
  inner[0] >= outer[0] - eps && inner[1] >= outer[1] - eps && inner[2] <= outer[2] + eps && inner[3] <= outer[3] + eps;

export function checkPageBoxes(pages: readonly PageRef[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: string, msg: string): void => {
    out.push(error({ file }, msg, HINTS[code], code));
  };
  for (const p of pages) {
    const n = p.index + 1;
    const media = rectOf(p.obj.getInheritable("MediaBox"));
    const trim = rectOf(p.obj.get("TrimBox"));
    const bleed = rectOf(p.obj.get("BleedBox"));
    if (!trim) report("PR-001", `Page ${n} has no (valid) /TrimBox.`);
    if (!bleed) report("PR-002", `Page ${n} has no (valid) /BleedBox.`);
    if (media && bleed && !contains(media, bleed)) report("PR-003", `Page ${n}: BleedBox ${fmt(bleed)} is not inside MediaBox ${fmt(media)}.`);
    if (bleed && trim && !contains(bleed, trim)) report("PR-003", `Page ${n}: TrimBox ${fmt(trim)} is not inside BleedBox ${fmt(bleed)}.`);
    else if (!bleed && media && trim && !contains(media, trim)) report("PR-003", `Page ${n}: TrimBox ${fmt(trim)} is not inside MediaBox ${fmt(media)}.`);
  }
  return out;
}

/** Whether a colour space (name or array, from a resource or an image) is RGB-based. */
export function isRgbSpace(cs: Obj | undefined, depth = 0): boolean {
  if (!present(cs) || depth > 8) return false;
  if (cs.isName()) return cs.asName() === "DeviceRGB" || cs.asName() === "RGB";
  if (!isArray(cs)) return false;
  switch (nameOf(cs.get(0))) {
    case "CalRGB":
      return true;
    case "ICCBased": {
      const s = cs.get(1);
      const n = isDict(s) ? intOf(s.get("N")) : undefined;
      if (n !== undefined) return n === 3;
      return isRgbSpace(isDict(s) ? s.get("Alternate") : undefined, depth + 1);
    }
    case "Indexed":
    case "I":
    case "Pattern":
      return isRgbSpace(cs.get(1), depth + 1);
    default:
      return false;
  }
}

/** Collects RGB colour use in content (operators, colour spaces, images, shadings, groups). */
export class RgbUsage implements ContentVisitor {
  private found = new Map<string, { msg: string; count: number }>();
  private seenObjects = new Set<number>();
  constructor(private readonly file: string) {}

  private add(s: WalkState, kind: string, msg: string): void {
    const k = `${s.page.index}|${kind}`;
    const it = this.found.get(k);
    if (it) it.count++;
    else this.found.set(k, { msg, count: 1 });
  }

  private namedSpace(name: string, s: WalkState): Obj | string {
    if (["DeviceRGB", "RGB", "DeviceCMYK", "CMYK", "DeviceGray", "G", "Pattern"].includes(name)) return name;
    return resource(s.resources, "ColorSpace", name) ?? name;
  }

  private spaceIsRgb(v: Obj | string): boolean {
    return typeof v === "string" ? v === "DeviceRGB" || v === "RGB" : isRgbSpace(v);
  }

  operation(o: Operation, s: WalkState): void {
    const { op, operands } = o;
    if (op === "rg" || op === "RG") this.add(s, op, `RGB colour operator '${op}' at ${where(s, o.offset)}.`);
    else if ((op === "cs" || op === "CS") && isInlineName(operands[0])) {
      const name = operands[0].name;
      if (this.spaceIsRgb(this.namedSpace(name, s))) this.add(s, `cs:${name}`, `RGB colour space /${name} selected by '${op}' at ${where(s, o.offset)}.`);
    } else if (op === "sh" && isInlineName(operands[0])) {
      const sh = resource(s.resources, "Shading", operands[0].name);
      if (isDict(sh) && isRgbSpace(sh.get("ColorSpace"))) this.add(s, "sh", `Shading /${operands[0].name} at ${where(s, o.offset)} uses an RGB colour space.`);
    } else if (op === "BI" && o.inlineImage) {
      const cs: PdfValue | undefined = o.inlineImage.entries.get("CS") ?? o.inlineImage.entries.get("ColorSpace");
      const rgb =
        (isInlineName(cs) && this.spaceIsRgb(this.namedSpace(cs.name, s))) ||
        (Array.isArray(cs) && isInlineName(cs[0]) && (cs[0].name === "I" || cs[0].name === "Indexed") && isInlineName(cs[1]) && this.spaceIsRgb(this.namedSpace(cs[1].name, s)));
      if (rgb) this.add(s, "BI", `Inline image at ${where(s, o.offset)} is RGB.`);
    }
  }

  xobject(xobj: Obj, subtype: string | undefined, name: string, s: WalkState): void {
    const num = refOf(xobj);
    if (num && this.seenObjects.has(num)) return;
    if (num) this.seenObjects.add(num);
    if (subtype === "Image" && isRgbSpace(xobj.get("ColorSpace")))
      this.add(s, `img:${num}`, `Image XObject /${name}${num ? ` (object ${num})` : ""} on page ${s.page.index + 1} is RGB.`);
    const group = xobj.get("Group");
    if (subtype === "Form" && isDict(group) && isRgbSpace(group.get("CS")))
      this.add(s, `grp:${num}`, `Form XObject /${name} on page ${s.page.index + 1} has an RGB transparency group colour space.`);
  }

  /** Page-level transparency groups. */
  checkPage(p: PageRef): void {
    const group = p.obj.get("Group");
    if (isDict(group) && isRgbSpace(group.get("CS"))) {
      const k = `${p.index}|pagegroup`;
      this.found.set(k, { msg: `Page ${p.index + 1} has an RGB transparency group colour space (/Group /CS).`, count: 1 });
    }
  }

  diagnostics(): Diagnostic[] {
    return [...this.found.values()].map((it) =>
      error({ file: this.file }, it.count > 1 ? `${it.msg} (${it.count} times)` : it.msg, HINTS["PR-004"], "PR-004"),
    );
  }
}


// --- PDF/X-4 (ISO 15930-7) ---------------------------------------------------

/** 3 mm, and the tolerance on it: ±0.1 mm. */
const BLEED_PT = (3 * 72) / 25.4;
const BLEED_TOLERANCE_PT = (0.1 * 72) / 25.4;
const NS_PDFXID = "http://www.npes.org/pdfx/ns/id/";

/** What a file says about PDF/X, read from the catalog, Info and XMP. */
export type PdfxClaim = {
  /** Output intents with /S /GTS_PDFX. */
  intents: Obj[];
  /** Info /GTS_PDFXVersion (any type: a non-string value is reported). */
  infoVersion: Obj | undefined;
  /** Values of XMP pdfxid:GTS_PDFXVersion. */
  xmpVersions: string[];
};

export function readPdfxClaim(trailer: Obj, catalog: Obj): PdfxClaim {
  const intents = items(catalog.get("OutputIntents")).filter((i) => isDict(i) && nameOf(i.get("S")) === "GTS_PDFX");
  const info = trailer.get("Info");
  const infoVersion = isDict(info) && present(info.get("GTS_PDFXVersion")) ? info.get("GTS_PDFXVersion") : undefined;
  const xmp = streamBytes(catalog.get("Metadata"));
  const xmpVersions = xmp ? xmpProperty(decodeXmp(xmp), NS_PDFXID, "GTS_PDFXVersion") : [];
  return { intents, infoVersion, xmpVersions };
}

/**
 * A file claims PDF/X by its version identification (Info /GTS_PDFXVersion or
 * XMP pdfxid:GTS_PDFXVersion). A /GTS_PDFX output intent alone is no claim:
 * the print defect fixtures carry a bare one (PDF 1.3, no Info, 9 pt bleed)
 * to exercise PR-001..004 only, and must get no PDF/X findings.
 */
export const declaresPdfx = (c: PdfxClaim): boolean => c.infoVersion !== undefined || c.xmpVersions.length > 0;

/** Values of one simple XMP property (element or attribute form) in the namespace `uri`, under any prefix. */
function xmpProperty(xml: string, uri: string, local: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/xmlns:([\w.-]+)\s*=\s*(["'])(.*?)\2/g)) {
    if (m[3] !== uri) continue;
    const q = `${m[1]!.replace(/\./g, "\\.")}:${local}`;
    for (const e of xml.matchAll(new RegExp(`<${q}(?:\\s[^>]*)?>([^<]*)</${q}\\s*>`, "g"))) out.push(unescapeXml(e[1]!).trim());
    for (const a of xml.matchAll(new RegExp(`\\s${q}\\s*=\\s*(["'])([^"']*)\\1`, "g"))) out.push(unescapeXml(a[2]!).trim());
  }
  return [...new Set(out)];
}

const unescapeXml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e as "amp"]);

/** The effective PDF version: the header's, or the catalog's /Version when that is later. */
function pdfVersion(headerVersion: number, catalog: Obj): number {
  const v = Number(nameOf(catalog.get("Version")) ?? "");
  return Number.isFinite(v) && v > headerVersion ? v : headerVersion;
}

/**
 * PR-005..PR-009 on a file that claims PDF/X; PR-010 when `requirePdfx` and
 * it does not. Files without the claim (handouts, the defect fixtures) get no
 * finding here.
 */
export function checkPdfx(
  input: { trailer: Obj; catalog: Obj; pages: readonly PageRef[]; headerVersion: number },
  file: string,
  requirePdfx: boolean,
): Diagnostic[] {
  const { trailer, catalog, pages } = input;
  const out: Diagnostic[] = [];
  const report = (code: string, msg: string): void => {
    out.push(error({ file }, msg, HINTS[code], code));
  };
  const claim = readPdfxClaim(trailer, catalog);
  if (!declaresPdfx(claim)) {
    if (requirePdfx)
      report("PR-010", `The print master does not identify itself as PDF/X-4: no Info /GTS_PDFXVersion and no XMP pdfxid:GTS_PDFXVersion${claim.intents.length ? "" : ", and no /GTS_PDFX output intent"}.`);
    return out;
  }

  // PR-005: 3 mm bleed on every side
  const mm = (pt: number): string => `${Math.round((pt * 25.4 * 100) / 72) / 100} mm`;
  for (const p of pages) {
    const trim = rectOf(p.obj.get("TrimBox"));
    const bleed = rectOf(p.obj.get("BleedBox"));
    if (!trim || !bleed) continue; // PR-001 / PR-002
    const sides = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]];
    const names = ["left", "bottom", "right", "top"];
    const off = sides.map((d, i) => [names[i]!, d] as const).filter(([, d]) => Math.abs(d - BLEED_PT) > BLEED_TOLERANCE_PT);
    if (off.length)
      report("PR-005", `Page ${p.index + 1}: the bleed is not 3 mm (${off.map(([side, d]) => `${side} ${mm(d)}`).join(", ")}).`);
  }

  // PR-006: the GTS_PDFX output intent and its CMYK profile
  if (claim.intents.length === 0) report("PR-006", "The catalog /OutputIntents has no output intent with /S /GTS_PDFX.");
  for (const intent of claim.intents.slice(0, 1)) {
    if (!textOf(intent.get("OutputConditionIdentifier"))?.trim())
      report("PR-006", "The /GTS_PDFX output intent has no /OutputConditionIdentifier.");
    const profile = intent.get("DestOutputProfile");
    const bytes = present(profile) && profile.isStream() ? streamBytes(profile) : undefined;
    if (!bytes) report("PR-006", "The /GTS_PDFX output intent has no embedded /DestOutputProfile ICC stream.");
    else {
      const n = intOf(profile.get("N"));
      const space = new TextDecoder("latin1").decode(bytes.subarray(16, 20));
      if (n !== 4) report("PR-006", `The output intent's DestOutputProfile has /N ${n ?? "(missing)"}, not 4 (CMYK).`);
      if (space !== "CMYK") report("PR-006", `The output intent's DestOutputProfile is a "${space.trim()}" profile, not CMYK (ICC header bytes 16–19).`);
    }
  }

  // PR-007: PDF/X-4 identification
  const info = trailer.get("Info");
  const infoVersion = textOf(claim.infoVersion);
  if (infoVersion === undefined) report("PR-007", "Info has no /GTS_PDFXVersion text string.");
  else if (!infoVersion.startsWith("PDF/X-4")) report("PR-007", `Info /GTS_PDFXVersion is "${infoVersion}", not PDF/X-4.`);
  if (claim.xmpVersions.length === 0) report("PR-007", "The XMP metadata has no pdfxid:GTS_PDFXVersion.");
  else if (infoVersion !== undefined && !claim.xmpVersions.every((v) => v === infoVersion))
    report("PR-007", `XMP pdfxid:GTS_PDFXVersion (${claim.xmpVersions.join(", ")}) differs from Info /GTS_PDFXVersion (${infoVersion}).`);
  const trapped = isDict(info) ? info.get("Trapped") : undefined;
  const trappedName = nameOf(trapped);
  if (trappedName !== "True" && trappedName !== "False")
    report("PR-007", !present(trapped) ? "Info has no /Trapped." : trappedName ? `Info /Trapped is /${trappedName}, not /True or /False.` : "Info /Trapped is not a name (/True or /False).");
  const version = pdfVersion(input.headerVersion, catalog);
  if (version < 1.6) report("PR-007", `The PDF version is ${version.toFixed(1)}; PDF/X-4 needs 1.6 or later.`);

  // PR-008: no annotations (printer's marks annotations excepted)
  for (const p of pages) {
    const subtypes = items(p.obj.get("Annots")).map((a) => (isDict(a) ? nameOf(a.get("Subtype")) ?? "?" : "?")).filter((s) => s !== "PrinterMark");
    if (subtypes.length)
      report("PR-008", `Page ${p.index + 1} has ${subtypes.length === 1 ? "an annotation" : `${subtypes.length} annotations`} (${[...new Set(subtypes)].map((s) => `/${s}`).join(", ")}).`);
  }

  // PR-009: Info entries PDF/X requires
  const missing = ["Title", "CreationDate", "ModDate"].filter((k) => !(isDict(info) && textOf(info.get(k))?.trim()));
  if (missing.length) report("PR-009", `Info has no ${missing.map((k) => `/${k}`).join(", ")}.`);
  return out;
}
