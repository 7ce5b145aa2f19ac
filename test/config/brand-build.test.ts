/**
 * A branded build: the example logo (SVG) and brand colours and a heading
 * font on every edition of two sample releases. The logo is visible, drawn
 * as an artifact, and CMYK in the print master, which stays PDF/X-4 and
 * PDF/UA-1; a changed logo rebuilds every output.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import * as mupdf from "mupdf";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build/build.ts";
import { loadConfig } from "../../src/config/config.ts";
import type { Brand } from "../../src/model/brand.ts";
import { checkPdf } from "../../src/verify/check.ts";
import { FontCache } from "../../src/verify/font.ts";
import { listPages, nameOf, present, streamBytes, withPdf } from "../../src/verify/pdf.ts";
import { readStructureTree, type StructNode } from "../../src/verify/readback.ts";
import { ContentWalker } from "../../src/verify/walker.ts";
import { layoutsDir } from "../../src/build/layouts.ts";
import { unitHasher } from "../../src/build/unit-hash.ts";
import { planUnits } from "../../src/build/units.ts";
import { discoverSources } from "../../src/discover/discover.ts";
import { loadFontManifest } from "../../src/prepare/font-manifest.ts";
import { describeDiagnostics, readOutput, repoRoot, tempDir } from "../support/build.ts";
import { BRAND, EXAMPLE_LOGO, project } from "./helpers.ts";

const LAYOUTS = ["handout-a4", "handout-letter", "large-print", "print"];
const RELEASES = ["harbour-library", "river-cleanup"];

async function brandOf(dir: string): Promise<Brand> {
  const { config, diagnostics } = await loadConfig(dir);
  expect(diagnostics).toEqual([]);
  return config!.brand!;
}

/** Page 1 in RGB at `dpi`: a pixel reader. */
function pageImage(bytes: Uint8Array, dpi = 100) {
  const doc = mupdf.Document.openDocument(bytes, "application/pdf");
  const pixmap = doc.loadPage(0).toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true);
  const width = pixmap.getWidth(), height = pixmap.getHeight(), n = pixmap.getNumberOfComponents(), stride = pixmap.getStride();
  const pixels = pixmap.getPixels().slice();
  pixmap.destroy();
  doc.destroy();
  /** Pixels in the box (fractions of the page) for which `test` holds. */
  const count = (test: (r: number, g: number, b: number) => boolean, box = { x0: 0, y0: 0, x1: 1, y1: 1 }) => {
    let found = 0;
    for (let y = Math.floor(box.y0 * height); y < box.y1 * height; y++) {
      for (let x = Math.floor(box.x0 * width); x < box.x1 * width; x++) {
        const i = y * stride + x * n;
        if (test(pixels[i]!, pixels[i + 1]!, pixels[i + 2]!)) found++;
      }
    }
    return found;
  };
  return { width, height, count };
}

const near = (hex: string, tolerance = 40) => {
  const [r0, g0, b0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return (r: number, g: number, b: number) => Math.abs(r - r0) <= tolerance && Math.abs(g - g0) <= tolerance && Math.abs(b - b0) <= tolerance;
};
/** The logo's sun (#f2b134), after conversion to CMYK and back too. */
const sun = near("#f2b134", 45);
const MASTHEAD = { x0: 0, y0: 0, x1: 0.5, y1: 0.2 };

type DrawnImage = { page: number; artifact: boolean; colourSpace?: string; filter?: string; smask: boolean };

/** Every image drawn, with its page (0-based) and whether it is drawn inside an artifact. */
async function imagesOf(bytes: Uint8Array): Promise<DrawnImage[]> {
  return withPdf(bytes, (doc) => {
    const found: DrawnImage[] = [];
    const walker = new ContentWalker(new FontCache(), {
      xobject(xobj, subtype, _name, s) {
        if (subtype !== "Image") return;
        found.push({ page: s.page.index, artifact: s.stack.some((e) => e.artifact), colourSpace: nameOf(xobj.get("ColorSpace")), filter: nameOf(xobj.get("Filter")), smask: present(xobj.get("SMask")) });
      },
    });
    for (const page of listPages(doc)) walker.walkPage(page);
    return found;
  });
}

const figures = (node: StructNode): number => (node.role === "Figure" ? 1 : 0) + node.children.reduce((n, c) => n + figures(c), 0);

/** Every stream of the PDF decoded, and every object's dictionary, as latin1 text. */
async function decodedText(bytes: Uint8Array): Promise<string> {
  return withPdf(bytes, (doc) => {
    const parts: string[] = [];
    for (let i = 1; i < doc.countObjects(); i++) {
      const obj = doc.newIndirect(i);
      if (obj.resolve().isNull()) continue;
      if (obj.isStream()) {
        const filter = nameOf(obj.get("Filter"));
        // Images stay as they are (their bytes are pixels); everything else decoded.
        if (nameOf(obj.get("Subtype")) !== "Image" && filter !== "DCTDecode") parts.push(Buffer.from(streamBytes(obj) ?? []).toString("latin1"));
      }
      parts.push(obj.resolve().toString());
    }
    return parts.join("\n");
  });
}

describe("a branded build of every edition", () => {
  let dir = "";
  let outDir = "";
  let brand: Brand;
  let first: BuildResult;
  const pdf = (file: string) => readOutput(outDir, file);

  beforeAll(async () => {
    dir = project({ brand: BRAND }, { "brand/logo.svg": EXAMPLE_LOGO }, RELEASES);
    brand = await brandOf(dir);
    outDir = tempDir();
    // Worker threads: the brand travels with each task.
    first = await build({ contentDir: path.join(dir, "content"), outDir, layouts: [...LAYOUTS, "email"], langs: ["en"], brand, jobs: 2 });
  });

  it("builds and verifies every output (PDF/UA-1; PDF/X-4 and CMYK only for print)", () => {
    expect(describeDiagnostics(first)).toBe("");
    expect(first.outputs.map((o) => o.file)).toEqual(RELEASES.flatMap((slug) => [...[...LAYOUTS].sort().map((l) => `${slug}/en/${l}.pdf`), `${slug}/en/release.eml`]));
  });

  it.each(RELEASES)("%s: the press e-mail shows the logo (inline, beside the name) and the brand colours", async (slug) => {
    const mail = await simpleParser(Buffer.from(readOutput(outDir, `${slug}/en/release.eml`)), { keepCidLinks: true });
    const html = String(mail.html);
    const logo = mail.attachments.find((a) => a.filename === "logo.png")!;
    expect(logo).toBeDefined();
    expect(logo.contentType).toBe("image/png");
    expect(html).toContain(`src="cid:${logo.cid}" alt=""`);
    const organisation = slug === "river-cleanup" ? "Wend Valley Rivers Trust" : "Harbour Town Council";
    expect(html.indexOf(organisation)).toBeGreaterThan(html.indexOf(`cid:${logo.cid}`));
    expect(html).toContain("#7a1f5c");
    expect(html).not.toContain("#0b5d6b");
    // The handout it attaches is the branded one.
    const pdfPart = mail.attachments.find((a) => a.contentType === "application/pdf")!;
    expect(new Uint8Array(pdfPart.content)).toEqual(pdf(`${slug}/en/handout-a4.pdf`));
  });

  it.each(RELEASES.flatMap((slug) => LAYOUTS.map((layout) => [slug, layout])))("%s %s: the logo is visible in the masthead and drawn as an artifact", async (slug, layout) => {
    const bytes = pdf(`${slug}/en/${layout}.pdf`);
    const image = pageImage(bytes);
    // The sun of the logo (rasterised SVG) in the top-left of page 1: about 12 pt across (17 pt in large print).
    expect(image.count(sun, MASTHEAD)).toBeGreaterThan(80);
    expect(image.count(sun, { x0: 0.5, y0: 0.2, x1: 1, y1: 1 })).toBe(0);
    // The brand accent (headline rule, headings) instead of the design's teal.
    expect(image.count(near("#7a1f5c", layout === "print" ? 45 : 10))).toBeGreaterThan(300);
    if (layout !== "print") expect(image.count(near("#0b5d6b", 12))).toBe(0);
    // The logo is decoration; the release's own figure (river-cleanup) is a Figure with alt text.
    const images = await imagesOf(bytes);
    const source = slug === "river-cleanup" ? 1 : 0;
    expect(images.filter((i) => i.artifact)).toMatchObject([{ page: 0 }]);
    expect(images.filter((i) => !i.artifact)).toHaveLength(source);
    expect(figures(await readStructureTree(bytes))).toBe(source);
    const findings = await checkPdf(bytes, { file: `${slug}/${layout}.pdf`, profiles: layout === "print" ? ["ua", "print"] : ["ua"], requirePdfx: layout === "print" });
    expect(findings).toEqual([]);
  });

  it("print master: the logo is a DeviceCMYK JPEG without a soft mask, and nothing is RGB", async () => {
    for (const slug of RELEASES) {
      const bytes = pdf(`${slug}/en/print.pdf`);
      const logo = (await imagesOf(bytes)).find((i) => i.artifact)!;
      expect(logo).toEqual({ page: 0, artifact: true, colourSpace: "DeviceCMYK", filter: "DCTDecode", smask: false });
      const text = await decodedText(bytes);
      expect(text).not.toContain("DeviceRGB");
      expect(text).not.toMatch(/(^|\s)[\d.]+ [\d.]+ [\d.]+ (rg|RG)(\s|$)/m);
      // The brand's CMYK accent as the configuration gives it: [50, 95, 25, 20] in percent.
      expect(text).toMatch(/\/DeviceCMYK cs\n0\.5 0\.95 0\.25 0\.2 scn\n/);
      await withPdf(bytes, (doc) => {
        const info = doc.getTrailer().get("Info");
        expect(info.get("GTS_PDFXVersion").asString()).toBe("PDF/X-4");
        const xmp = Buffer.from(streamBytes(doc.getTrailer().get("Root").get("Metadata"))!).toString("utf8");
        expect(xmp).toMatch(/pdfuaid:part>1</);
      });
    }
  });

  it("handouts: the logo keeps its transparency (RGB PNG with a soft mask) and the brand's heading font is embedded", async () => {
    const bytes = pdf("harbour-library/en/handout-a4.pdf");
    const [logo] = await imagesOf(bytes);
    expect(logo).toMatchObject({ artifact: true, colourSpace: "DeviceRGB", smask: true });
    const text = Buffer.from(bytes).toString("latin1");
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerif-Regular\b/);
  });

  it("rebuilds nothing when nothing changed, and the outputs when the logo changed", async () => {
    const again = await build({ contentDir: path.join(dir, "content"), outDir, layouts: LAYOUTS, langs: ["en"], brand: await brandOf(dir) });
    expect(again).toMatchObject({ built: 0, reused: 8 });
    writeFileSync(path.join(dir, "brand/logo.svg"), EXAMPLE_LOGO.replace("#f2b134", "#e8a020"));
    const changed = await build({ contentDir: path.join(dir, "content"), outDir, layouts: ["handout-a4", "large-print"], langs: ["en"], brand: await brandOf(dir) });
    expect(describeDiagnostics(changed)).toBe("");
    expect(changed).toMatchObject({ built: 4, reused: 0 });
  });
});

describe("the unit hash", () => {
  it("includes the brand's digest: every output's hash changes with it, none without a brand", async () => {
    const fonts = (await loadFontManifest()).manifest!;
    const { sources } = await discoverSources(path.join(repoRoot, "content"));
    const units = planUnits(sources, ["handout-a4", "print"]);
    const context = { root: repoRoot, layoutsDir, fontsDir: path.join(repoRoot, "fonts"), fonts, env: {} };
    const hashes = (brand?: string) => units.map(unitHasher({ ...context, ...(brand ? { brand } : {}) }));
    const [none, a, a2, b] = [hashes(), hashes("a".repeat(64)), hashes("a".repeat(64)), hashes("b".repeat(64))];
    expect(a2).toEqual(a);
    units.forEach((_, i) => {
      expect(a[i]).not.toBe(none[i]);
      expect(b[i]).not.toBe(a[i]);
    });
  });
});
