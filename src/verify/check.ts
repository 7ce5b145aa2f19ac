/**
 * `checkPdf`: machine-checkable PDF/UA-1 (profile `ua`) and print-master
 * (profile `print`) checks on a finished PDF, reported as Diagnostics whose
 * `code` is the checkpoint id (see shared/fixtures/pdf-defects/CHECKS.txt).
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { checkAnnotations } from "./annotations.ts";
import { MarkedContentChecker } from "./content.ts";
import { checkDocument } from "./document.ts";
import { FontCache } from "./font.ts";
import { checkFonts, FontUsage } from "./fonts.ts";
import { checkLanguages, type LangSource } from "./lang.ts";
import { checkMcids } from "./mcids.ts";
import { isDict, listPages, withPdf, type PDFDocument } from "./pdf.ts";
import { checkPageBoxes, checkPdfx, RgbUsage } from "./print.ts";
import { checkSemantics } from "./semantics.ts";
import { mcKey, readStructModel } from "./structure.ts";
import { ContentWalker, type ContentVisitor } from "./walker.ts";

export type CheckProfile = "ua" | "print";

const UA_CHECKS = [
  // document
  "01-x01", "01-x02", "01-007", "06-001", "06-002", "06-003", "06-x01", "07-001", "07-002", "11-001", "11-x01",
  // content
  "01-005", "01-003", "01-004", "01-x03", "01-x04", "01-x05", "01-x06", "01-x07", "30-001", "30-002",
  // structure
  "02-x01", "02-x02", "02-001", "02-003", "02-004", "09-004", "09-005", "09-006", "13-004", "17-002",
  "14-002", "14-003", "14-006", "14-007", "15-003", "19-003", "19-004",
  // annotations
  "28-002", "28-004", "28-007", "28-008", "28-009", "28-010", "28-011", "28-012", "28-017", "28-x01",
  // encryption
  "26-001", "26-002",
  // fonts
  "31-009", "31-027", "10-001", "31-028", "31-029", "31-005", "31-004", "31-006", "31-019", "31-020", "31-021", "31-024",
  "31-001",
] as const;
const PRINT_CHECKS = ["PR-001", "PR-002", "PR-003", "PR-004"] as const;

/** Checkpoint ids this checker implements (31-001 is ours: no .notdef glyph shown). */
export const IMPLEMENTED_CHECKS: readonly string[] = [...UA_CHECKS, ...PRINT_CHECKS];

/**
 * PDF/X-4 checks of the print profile: PR-005..009 on files that identify
 * themselves as PDF/X (GTS_PDFXVersion in Info or XMP), PR-010 with
 * `requirePdfx`. Not in IMPLEMENTED_CHECKS, which may list only ids of the
 * fixtures' CHECKS.txt; none of them fires on a fixture (no fixture has a
 * GTS_PDFXVersion, and PR-010 is never asked for there).
 */
export const PDFX_CHECKS = ["PR-005", "PR-006", "PR-007", "PR-008", "PR-009", "PR-010"] as const;

export type CheckOptions = {
  /** The file name diagnostics point to. */
  file: string;
  profiles: CheckProfile[];
  /** With `print`: the file must declare PDF/X (PR-010); set by the build for print layouts. */
  requirePdfx?: boolean;
};

/** Calls each visitor's callbacks in turn. */
function combine(visitors: ContentVisitor[]): ContentVisitor {
  const pick = <K extends keyof ContentVisitor>(k: K): ContentVisitor[K] => {
    const fns = visitors.map((v) => v[k]?.bind(v)).filter((f) => f !== undefined) as ((...a: unknown[]) => void)[];
    if (fns.length === 0) return undefined;
    return ((...args: unknown[]) => {
      for (const f of fns) f(...args);
    }) as ContentVisitor[K];
  };
  const out: ContentVisitor = {};
  for (const k of ["beginMarkedContent", "endMarkedContent", "unbalanced", "paint", "showText", "operation", "xobject"] as const) {
    const f = pick(k);
    if (f) (out as Record<string, unknown>)[k] = f;
  }
  return out;
}

function runChecks(doc: PDFDocument, file: string, profiles: readonly CheckProfile[], requirePdfx: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const trailer = doc.getTrailer();
  const catalog = trailer.get("Root");
  if (!isDict(catalog)) return [error({ file }, "The PDF has no document catalog (/Root).", "Regenerate the PDF.")];
  const pages = listPages(doc);
  const pageIndex = new Map(pages.map((p) => [p.num, p.index] as const));
  const ua = profiles.includes("ua");
  const print = profiles.includes("print");

  const visitors: ContentVisitor[] = [];
  const model = ua ? readStructModel(catalog, pages, file) : undefined;
  const mc = model
    ? new MarkedContentChecker(
        file,
        (c, m) => model.mcidOwners.has(mcKey(c, m)),
        (n) => model.objrOwners.has(n),
      )
    : undefined;
  const fonts = ua ? new FontUsage() : undefined;
  const contentLangs: LangSource[] = [];
  const rgb = print ? new RgbUsage(file) : undefined;
  if (mc) visitors.push(mc);
  if (fonts) visitors.push(fonts);
  if (ua)
    visitors.push({
      beginMarkedContent: (e, s) => {
        if (e.lang !== undefined) contentLangs.push({ value: e.lang, where: `marked content /${e.tag} on page ${s.page.index + 1}` });
      },
    });
  if (rgb) visitors.push(rgb);

  const walker = new ContentWalker(new FontCache(), combine(visitors));
  for (const p of pages) {
    walker.walkPage(p);
    rgb?.checkPage(p);
  }

  if (model && mc && fonts) {
    out.push(...checkDocument(trailer, catalog, model, file));
    const lang = catalog.get("Lang");
    out.push(...checkLanguages(lang.isString() ? lang.asString() : undefined, model, contentLangs, pageIndex, file));
    out.push(...model.findings);
    out.push(...checkSemantics(model, pageIndex, file));
    out.push(...mc.diagnostics());
    out.push(...checkMcids(doc, mc, model, pageIndex, file));
    out.push(...checkAnnotations(pages, model, file));
    out.push(...checkFonts(fonts, file));
  }
  if (print) {
    out.push(...checkPageBoxes(pages, file));
    out.push(...rgb!.diagnostics());
    out.push(...checkPdfx({ trailer, catalog, pages, headerVersion: doc.getVersion() / 10 }, file, requirePdfx));
  }
  return out;
}

export async function checkPdf(bytes: Uint8Array, opts: CheckOptions): Promise<Diagnostic[]> {
  const { file, profiles, requirePdfx = false } = opts;
  try {
    return await withPdf(bytes, (doc, log) => {
      if (doc.needsPassword())
        return [error({ file }, "The PDF is encrypted with a user password and cannot be checked.", "Do not set an open password on published PDFs.")];
      const out = runChecks(doc, file, profiles, requirePdfx);
      if (doc.wasRepaired())
        out.unshift({
          severity: "warning",
          file,
          message: `The PDF's file structure is damaged and had to be repaired to be read${log.length ? ` (${log[0]})` : ""}.`,
          hint: "Regenerate the PDF; damaged cross-reference tables break some readers and assistive technology.",
        });
      return out;
    });
  } catch (e) {
    return [error({ file }, `Cannot read the PDF: ${e instanceof Error ? e.message : String(e)}.`, "Check that the file is a complete, uncorrupted PDF.")];
  }
}
