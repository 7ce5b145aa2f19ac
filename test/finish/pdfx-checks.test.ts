import * as mupdf from "mupdf";
import { beforeAll, describe, expect, it } from "vitest";
import { mm } from "../../src/compose/define-layout.ts";
import { checkPdf, IMPLEMENTED_CHECKS, PDFX_CHECKS } from "../../src/verify/check.ts";
import { streamBytes } from "../../src/verify/pdf.ts";
import { generateCorpus } from "../support/defects/corpus.ts";
import { buildPrintMaster } from "./print-master.tsx";

let master: Uint8Array;
beforeAll(async () => {
  master = (await buildPrintMaster()).bytes!;
});

/** The good master with one defect put in by mupdf, saved again. */
function withDefect(edit: (doc: mupdf.PDFDocument) => void): Uint8Array {
  const doc = new mupdf.PDFDocument(master);
  try {
    edit(doc);
    return new Uint8Array(doc.saveToBuffer("").asUint8Array());
  } finally {
    doc.destroy();
  }
}

const info = (doc: mupdf.PDFDocument) => doc.getTrailer().get("Info");
const catalog = (doc: mupdf.PDFDocument) => doc.getTrailer().get("Root");
const intent = (doc: mupdf.PDFDocument) => catalog(doc).get("OutputIntents").get(0);

/** Drops the XMP pdfxid:GTS_PDFXVersion. */
function dropXmpVersion(doc: mupdf.PDFDocument): void {
  const meta = catalog(doc).get("Metadata");
  meta.writeStream(new TextEncoder().encode(new TextDecoder().decode(streamBytes(meta)!).replace(/<pdfxid:GTS_PDFXVersion>[^<]*<\/pdfxid:GTS_PDFXVersion>/, "")));
}

const withHeader = (bytes: Uint8Array, header: string): Uint8Array => {
  const b = Buffer.from(bytes);
  b.write(header, 0, "latin1");
  return new Uint8Array(b);
};

async function printCodes(bytes: Uint8Array, requirePdfx = true): Promise<string[]> {
  const ds = await checkPdf(bytes, { file: "m.pdf", profiles: ["ua", "print"], requirePdfx });
  for (const d of ds) expect(d.hint?.length ?? 0).toBeGreaterThan(10);
  return [...new Set(ds.map((d) => d.code ?? "").filter((c) => c.startsWith("PR-")))].sort();
}

describe("PDF/X-4 checks on a print master with one defect", () => {
  it("the master itself passes", async () => {
    expect(await printCodes(master)).toEqual([]);
  });

  it("PR-005: a BleedBox 2 mm beyond the trim", async () => {
    const bytes = withDefect((doc) => {
      const page = doc.findPage(0);
      const t = [0, 1, 2, 3].map((i) => page.get("TrimBox").get(i).asNumber());
      page.put("BleedBox", [t[0]! - mm(2), t[1]! - mm(3), t[2]! + mm(3), t[3]! + mm(3)]);
    });
    expect(await printCodes(bytes)).toEqual(["PR-005"]);
    const [d] = (await checkPdf(bytes, { file: "m.pdf", profiles: ["print"] })).filter((x) => x.code === "PR-005");
    expect(d!.message).toMatch(/Page 1: .*left 2 mm/);
  });

  it("PR-006: no DestOutputProfile, an RGB-sized profile, no condition identifier, no GTS_PDFX intent", async () => {
    expect(await printCodes(withDefect((doc) => intent(doc).delete("DestOutputProfile")))).toEqual(["PR-006"]);
    expect(await printCodes(withDefect((doc) => intent(doc).get("DestOutputProfile").put("N", 3)))).toEqual(["PR-006"]);
    expect(await printCodes(withDefect((doc) => intent(doc).delete("OutputConditionIdentifier")))).toEqual(["PR-006"]);
    // still declared as PDF/X through Info and XMP
    expect(await printCodes(withDefect((doc) => intent(doc).put("S", "GTS_PDFA1")))).toEqual(["PR-006"]);
  });

  it("PR-006: a profile whose header is not CMYK", async () => {
    const bytes = withDefect((doc) => {
      const profile = intent(doc).get("DestOutputProfile");
      const data = streamBytes(profile)!;
      data.set(new TextEncoder().encode("RGB "), 16);
      profile.writeStream(data);
    });
    expect(await printCodes(bytes)).toEqual(["PR-006"]);
  });

  it("PR-007: /Trapped as a string, another PDF/X version, XMP without pdfxid, PDF 1.4", async () => {
    expect(await printCodes(withDefect((doc) => info(doc).put("Trapped", "(False)")))).toEqual(["PR-007"]);
    expect(await printCodes(withDefect((doc) => info(doc).put("Trapped", "Unknown")))).toEqual(["PR-007"]);
    expect(await printCodes(withDefect((doc) => info(doc).put("GTS_PDFXVersion", "(PDF/X-3:2002)")))).toEqual(["PR-007"]);
    expect(await printCodes(withDefect(dropXmpVersion))).toEqual(["PR-007"]);
    expect(await printCodes(withHeader(master, "%PDF-1.4"))).toEqual(["PR-007"]);
  });

  it("PR-008: a link annotation (a PrinterMark annotation is allowed)", async () => {
    const link = withDefect((doc) => {
      const annot = doc.addObject({ Type: "Annot", Subtype: "Link", Rect: [100, 100, 200, 120], Contents: "(x)" });
      doc.findPage(0).put("Annots", [annot]);
    });
    expect(await printCodes(link)).toEqual(["PR-008"]);
    const mark = withDefect((doc) => {
      const annot = doc.addObject({ Type: "Annot", Subtype: "PrinterMark", Rect: [0, 0, 10, 10] });
      doc.findPage(0).put("Annots", [annot]);
    });
    expect((await printCodes(mark)).includes("PR-008")).toBe(false);
  });

  it("PR-009: no ModDate in Info", async () => {
    expect(await printCodes(withDefect((doc) => info(doc).delete("ModDate")))).toEqual(["PR-009"]);
  });

  it("PR-010: only when a PDF/X print master is required and the file has no GTS_PDFXVersion", async () => {
    // a bare /GTS_PDFX output intent (PDF 1.3, no Info, 9 pt bleed) is no claim: no PR-005..009
    const bare = withHeader(
      withDefect((doc) => {
        doc.getTrailer().delete("Info");
        dropXmpVersion(doc);
        const page = doc.findPage(0);
        const t = [0, 1, 2, 3].map((i) => page.get("TrimBox").get(i).asNumber());
        page.put("BleedBox", [t[0]! - 9, t[1]! - 9, t[2]! + 9, t[3]! + 9]);
      }),
      "%PDF-1.3",
    );
    expect(await printCodes(bare, false)).toEqual([]);
    expect(await printCodes(bare, true)).toEqual(["PR-010"]);
    const unclaimed = withDefect((doc) => {
      catalog(doc).delete("OutputIntents");
      info(doc).delete("GTS_PDFXVersion");
      dropXmpVersion(doc);
    });
    expect(await printCodes(unclaimed, false)).toEqual([]);
    expect(await printCodes(unclaimed, true)).toEqual(["PR-010"]);
  });

  it("a version claim in Info alone or XMP alone brings in the PDF/X checks", async () => {
    const infoOnly = withDefect((doc) => {
      dropXmpVersion(doc);
      info(doc).delete("ModDate");
    });
    expect(await printCodes(infoOnly, false)).toEqual(["PR-007", "PR-009"]);
    const xmpOnly = withDefect((doc) => info(doc).delete("GTS_PDFXVersion"));
    expect(await printCodes(xmpOnly, false)).toEqual(["PR-007"]);
  });
});

describe("PDF/X checks and the defect corpus", () => {
  it("are kept out of IMPLEMENTED_CHECKS (ids of the shared corpus's CHECKS.txt only)", () => {
    for (const id of PDFX_CHECKS) expect(IMPLEMENTED_CHECKS).not.toContain(id);
  });

  it("never fire on a handout variant: none claims PDF/X", async () => {
    const corpus = await generateCorpus((v) => v.base === "handout");
    expect(corpus.size).toBeGreaterThan(50);
    for (const [name, bytes] of corpus) {
      const ds = await checkPdf(bytes, { file: name, profiles: ["ua", "print"] });
      expect(ds.filter((d) => (PDFX_CHECKS as readonly (string | undefined)[]).includes(d.code)).map((d) => `${name}: ${d.code}`)).toEqual([]);
    }
  });
});
