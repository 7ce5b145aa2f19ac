import { readFileSync } from "node:fs";
import * as mupdf from "mupdf";
import { beforeAll, describe, expect, it } from "vitest";
import { mm } from "../../src/compose/define-layout.ts";
import { checkPdf } from "../../src/verify/check.ts";
import { printFinish } from "../../src/finish/print.ts";
import { profiles } from "../../src/render/profiles.ts";
import { items, nameOf, numOf, rectOf, streamBytes, textOf, type Obj, type Rect } from "../../src/verify/pdf.ts";
import { decodeXmp, isWellFormed } from "../../src/verify/xmp.ts";
import { BAND_HEIGHT, buildPrintMaster, FIGURE_BOX, TRIM } from "./print-master.tsx";

const PROFILE = new Uint8Array(readFileSync(new URL("../../assets/icc/ISOcoated_v2_300_bas.icc", import.meta.url)));
const BLEED = mm(3);
const close = (a: number, b: number, eps = 0.01) => Math.abs(a - b) <= eps;

let bytes: Uint8Array;
let doc: mupdf.PDFDocument;
let page: Obj;
let media: Rect, trim: Rect, bleed: Rect;
let content: string;

beforeAll(async () => {
  const built = await buildPrintMaster();
  expect(built.diagnostics).toEqual([]);
  bytes = built.bytes!;
  doc = new mupdf.PDFDocument(bytes);
  page = doc.findPage(0);
  media = rectOf(page.get("MediaBox"))!;
  trim = rectOf(page.get("TrimBox"))!;
  bleed = rectOf(page.get("BleedBox"))!;
  content = new TextDecoder("latin1").decode(streamBytes(page.get("Contents"))!);
});

describe("print master page geometry", () => {
  it("has a TrimBox of the layout's page size and a BleedBox 3 mm beyond it on every side", () => {
    expect(close(trim[2] - trim[0], TRIM[0])).toBe(true);
    expect(close(trim[3] - trim[1], TRIM[1])).toBe(true);
    const sides = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]];
    for (const side of sides) expect(side).toBeCloseTo(BLEED, 3);
  });

  it("has a MediaBox that contains the BleedBox with room for the crop marks", () => {
    expect(media[0]).toBeLessThanOrEqual(bleed[0]);
    expect(media[1]).toBeLessThanOrEqual(bleed[1]);
    expect(media[2]).toBeGreaterThanOrEqual(bleed[2]);
    expect(media[3]).toBeGreaterThanOrEqual(bleed[3]);
    expect(trim[0] - media[0]).toBeGreaterThanOrEqual(mm(9));
    expect(trim[1] - media[1]).toBeGreaterThanOrEqual(mm(9));
  });

  it("runs a background that touches the trim edge on into the bleed", () => {
    // pdfkit's page space: y down from the top of the sheet
    const top = media[3] - bleed[3];
    const pattern = new RegExp(`/Artifact <<\\n/Type /Background\\n>> BDC\\n/DeviceCMYK cs\\n[\\d. ]+ scn\\n(?:/Gs\\d+ gs\\n)?([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+) re`);
    const m = pattern.exec(content);
    expect(m).not.toBeNull();
    const [x, y, w, h] = m!.slice(1).map(Number) as [number, number, number, number];
    expect(x).toBeCloseTo(bleed[0], 3);
    expect(y).toBeCloseTo(top, 3);
    expect(w).toBeCloseTo(bleed[2] - bleed[0], 3);
    expect(h).toBeCloseTo(BAND_HEIGHT + BLEED, 3);
  });
});

describe("crop marks", () => {
  /** The Page artifact that strokes in a Separation colour space. */
  const marks = () => {
    const m = /\/Artifact <<\n\/Type \/Page\n>> BDC\n([\s\S]*?)\nEMC/.exec(content);
    expect(m).not.toBeNull();
    return m![1]!;
  };

  it("are stroked hairlines in the registration colour (Separation /All) inside a Page artifact", () => {
    const body = marks();
    expect(body).toMatch(/^q\n0\.25 w\n/);
    const cs = /\/(\w+) CS\n1 SCN\n/.exec(body);
    expect(cs).not.toBeNull();
    const space = page.get("Resources").get("ColorSpace").get(cs![1]!);
    expect(nameOf(space.get(0))).toBe("Separation");
    expect(nameOf(space.get(1))).toBe("All");
    expect(nameOf(space.get(2))).toBe("DeviceCMYK");
    expect(items(space.get(3).get("C1")).map((v) => numOf(v))).toEqual([1, 1, 1, 1]);
    expect(body).toMatch(/\nS\nQ$/);
  });

  it("are about 6 mm long, on the trim lines, start at or beyond the bleed edge and stay on the sheet", () => {
    const segments = [...marks().matchAll(/([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l/g)].map((m) => m.slice(1).map(Number));
    expect(segments).toHaveLength(8);
    const H = media[3];
    const onTrimLine = (v: number, lines: number[]) => lines.some((l) => close(v, l, 0.001));
    let horizontal = 0;
    for (const [x0, y0d, x1, y1d] of segments as [number, number, number, number][]) {
      const [y0, y1] = [H - y0d, H - y1d]; // PDF space, y up
      expect(Math.hypot(x1 - x0, y1 - y0)).toBeCloseTo(mm(6), 3);
      if (close(y0, y1)) {
        horizontal++;
        expect(onTrimLine(y0, [trim[1], trim[3]])).toBe(true);
        // both ends outside the bleed, left or right of it
        for (const x of [x0, x1]) expect(x <= bleed[0] + 0.001 || x >= bleed[2] - 0.001).toBe(true);
        const gap = Math.min(...[x0, x1].map((x) => Math.min(Math.abs(x - trim[0]), Math.abs(x - trim[2]))));
        expect(gap).toBeGreaterThanOrEqual(BLEED - 0.001);
      } else {
        expect(close(x0, x1)).toBe(true);
        expect(onTrimLine(x0, [trim[0], trim[2]])).toBe(true);
        for (const y of [y0, y1]) expect(y <= bleed[1] + 0.001 || y >= bleed[3] - 0.001).toBe(true);
        const gap = Math.min(...[y0, y1].map((y) => Math.min(Math.abs(y - trim[1]), Math.abs(y - trim[3]))));
        expect(gap).toBeGreaterThanOrEqual(BLEED - 0.001);
      }
      for (const [x, y] of [[x0, y0], [x1, y1]] as const) {
        expect(x).toBeGreaterThanOrEqual(media[0]);
        expect(x).toBeLessThanOrEqual(media[2]);
        expect(y).toBeGreaterThanOrEqual(media[1]);
        expect(y).toBeLessThanOrEqual(media[3]);
      }
    }
    expect(horizontal).toBe(4);
  });
});

describe("colour", () => {
  it("has no RGB colour space, operator or image (the verify stage's PR-004 scan)", async () => {
    const findings = await checkPdf(bytes, { file: "print-test.pdf", profiles: ["print"] });
    expect(findings.filter((d) => d.code === "PR-004")).toEqual([]);
    expect(content).not.toMatch(/\b(rg|RG)\n/);
    expect(new TextDecoder("latin1").decode(bytes)).not.toContain("DeviceRGB");
  });

  it("embeds the figure as a DeviceCMYK JPEG whose colours are not inverted", () => {
    const xobjects = page.get("Resources").get("XObject");
    const images: Obj[] = [];
    xobjects.forEach((v) => images.push(v));
    expect(images).toHaveLength(1);
    const image = images[0]!;
    expect(nameOf(image.get("ColorSpace"))).toBe("DeviceCMYK");
    expect(nameOf(image.get("Filter"))).toBe("DCTDecode");
    expect(items(image.get("Decode")).map((v) => numOf(v))).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
    // rendered, the figure is the source's blue, not its inverse (near black)
    const scale = 2;
    const pixmap = doc.loadPage(0).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    const at = (x: number, y: number) => {
      const i = (Math.round(y * scale) * pixmap.getWidth() + Math.round(x * scale)) * pixmap.getNumberOfComponents();
      return [...pixmap.getPixels().subarray(i, i + 3)] as [number, number, number];
    };
    const top = media[3] - trim[3];
    const [r, g, b] = at(trim[0] + FIGURE_BOX.left + FIGURE_BOX.width / 2, top + FIGURE_BOX.top + FIGURE_BOX.height / 2);
    expect(r).toBeLessThan(90);
    expect(g).toBeGreaterThan(120);
    expect(b).toBeGreaterThan(180);
  });
});

describe("PDF/X-4 identification", () => {
  const info = () => doc.getTrailer().get("Info");

  it("has one /GTS_PDFX output intent with FOGRA39 and the shipped CMYK profile embedded", () => {
    const intents = items(doc.getTrailer().get("Root").get("OutputIntents"));
    expect(intents).toHaveLength(1);
    const intent = intents[0]!;
    expect(nameOf(intent.get("Type"))).toBe("OutputIntent");
    expect(nameOf(intent.get("S"))).toBe("GTS_PDFX");
    expect(textOf(intent.get("OutputConditionIdentifier"))).toBe("FOGRA39");
    expect(textOf(intent.get("RegistryName"))).toBe("http://www.color.org");
    expect(textOf(intent.get("Info"))).toBe("ISO Coated v2 300% (basICColor)");
    expect(textOf(intent.get("OutputCondition"))?.length).toBeGreaterThan(10);
    const profile = intent.get("DestOutputProfile");
    expect(profile.isIndirect() && profile.isStream()).toBe(true);
    expect(numOf(profile.get("N"))).toBe(4);
    const data = streamBytes(profile)!;
    expect(new TextDecoder("latin1").decode(data.subarray(16, 20))).toBe("CMYK");
    expect(Buffer.from(data).equals(Buffer.from(PROFILE))).toBe(true);
  });

  it("declares PDF/X-4 in Info, with /Trapped /False as a name and the dates and title", () => {
    expect(textOf(info().get("GTS_PDFXVersion"))).toBe("PDF/X-4");
    const trapped = info().get("Trapped");
    expect(trapped.isName()).toBe(true);
    expect(trapped.asName()).toBe("False");
    expect(textOf(info().get("Title"))).toBe("Print & proof");
    expect(textOf(info().get("CreationDate"))).toMatch(/^D:20260514/);
    expect(textOf(info().get("ModDate"))).toMatch(/^D:20260514/);
    // written as a name object, not the string (False)
    const raw = new TextDecoder("latin1").decode(bytes);
    const ref = /\/Trapped (\d+) 0 R/.exec(raw);
    expect(ref).not.toBeNull();
    expect(raw).toMatch(new RegExp(`\\n${ref![1]} 0 obj\\n/False\\nendobj`));
    expect(doc.getVersion()).toBeGreaterThanOrEqual(16);
  });

  it("declares PDF/X-4 and PDF/UA-1 in well-formed XMP", () => {
    const xml = decodeXmp(streamBytes(doc.getTrailer().get("Root").get("Metadata"))!);
    expect(isWellFormed(xml)).toBe(true);
    expect(xml).toMatch(/xmlns:pdfxid="http:\/\/www\.npes\.org\/pdfx\/ns\/id\/"/);
    expect(xml).toMatch(/<pdfxid:GTS_PDFXVersion>PDF\/X-4<\/pdfxid:GTS_PDFXVersion>/);
    expect(xml).toMatch(/<pdf:Trapped>False<\/pdf:Trapped>/);
    expect(xml).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xml).toMatch(/<xmp:ModifyDate>2026-05-14T00:00:00Z<\/xmp:ModifyDate>/);
    expect(xml).toMatch(/<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">Print &amp; proof<\/rdf:li>/);
  });

  it("has no annotations: the link is tagged text only", () => {
    for (let i = 0; i < doc.countPages(); i++) expect(doc.findPage(i).get("Annots").isNull()).toBe(true);
    expect(content).toMatch(/\/Link <<\n\/MCID \d+\n>> BDC/);
  });
});

describe("the print master as a whole", () => {
  it("passes the PDF/UA-1 and print checks, PDF/X required, with no findings", async () => {
    expect(await checkPdf(bytes, { file: "print-test.pdf", profiles: ["ua", "print"] })).toEqual([]);
    expect(await checkPdf(bytes, { file: "print-test.pdf", profiles: ["ua", "print"], requirePdfx: true })).toEqual([]);
  });

  it("is byte-identical when built again", async () => {
    const again = await buildPrintMaster();
    expect(Buffer.from(again.bytes!).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("the print profile", () => {
  it("renders with the print finish, CMYK colours and no annotations", () => {
    expect(profiles.print.finish).toBe(printFinish);
    expect(profiles.print.checks).toEqual(["ua", "print"]);
    expect(profiles.accessible.finish).toBeUndefined();
  });
});
