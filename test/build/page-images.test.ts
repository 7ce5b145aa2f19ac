/**
 * Page 1 of one sample release per script, rendered and compared with a
 * reference image (test/reference/*.png) with a small tolerance; and proof
 * that the comparison notices a changed word or a shifted page.
 *
 * After an intended change of the layout or the sample content:
 *   UPDATE_REFERENCE=1 npx vitest run test/build/page-images.test.ts
 * then look at the new PNGs before committing them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInto, copyContent, describeDiagnostics, readOutput, tempDir } from "../support/build.ts";
import { compareImages, decodePng, DEFAULT_TOLERANCE, expectMatchesReference, renderPage, shiftImage, type PageImage } from "../support/page-image.ts";

const LAYOUT = "handout-a4";
const SAMPLES = [
  { script: "latin", lang: "en" },
  { script: "cyrillic", lang: "uk" },
  { script: "arabic", lang: "ar" },
] as const;

let outDir: string;
beforeAll(async () => {
  const built = await buildInto(copyContent(["harbour-library"]), { layouts: [LAYOUT], langs: SAMPLES.map((s) => s.lang) });
  expect(describeDiagnostics(built)).toBe("");
  outDir = built.outDir;
});

const pdfOf = (lang: string) => readOutput(outDir, `harbour-library/${lang}/${LAYOUT}.pdf`);

describe(`page 1 of harbour-library in ${LAYOUT}`, () => {
  it.each(SAMPLES)("$script ($lang) matches its reference image", async ({ script, lang }) => {
    const image = await renderPage(pdfOf(lang), 0);
    expect(image.png.length, "reference images stay below 40 KB").toBeLessThan(40 * 1024);
    await expectMatchesReference(`${LAYOUT}-${script}`, image);
  });
});

describe("page 1 of harbour-library/en in each edition", () => {
  let editions = "";
  beforeAll(async () => {
    const built = await buildInto(copyContent(["harbour-library"]), { layouts: ["handout-letter", "print", "large-print"], langs: ["en"] });
    expect(describeDiagnostics(built)).toBe("");
    editions = built.outDir;
  });

  // The print master's page shows its crop marks and the head band running into the bleed.
  it.each(["handout-letter", "print", "large-print"])("%s matches its reference image", async (layout) => {
    const image = await renderPage(readOutput(editions, `harbour-library/en/${layout}.pdf`), 0);
    expect(image.png.length, "reference images stay below 40 KB").toBeLessThan(40 * 1024);
    await expectMatchesReference(`edition-${layout}`, image);
  });
});

describe("page images", () => {
  it("render deterministically: the same PDF gives the same bytes", async () => {
    const pdf = pdfOf("en");
    const a = await renderPage(pdf, 0);
    const b = await renderPage(pdf, 0);
    expect(Buffer.from(b.png).equals(Buffer.from(a.png))).toBe(true);
    expect(Buffer.from(b.gray).equals(Buffer.from(a.gray))).toBe(true);
    // A4 (595 × 842 pt) at 60/72, rounded outwards
    expect([a.width, a.height]).toEqual([497, 702]);
  });

  it("decode back from their PNG to exactly the rendered pixels", async () => {
    const image = await renderPage(pdfOf("uk"), 0);
    const decoded = await decodePng(image.png);
    expect([decoded.width, decoded.height]).toEqual([image.width, image.height]);
    expect(Buffer.from(decoded.gray).equals(Buffer.from(image.gray))).toBe(true);
  });

  it("reject a page index outside the document", async () => {
    await expect(renderPage(pdfOf("en"), 99)).rejects.toThrow(/out of range/);
  });
});

describe("the reference comparison", () => {
  let dir: string;
  let original: PageImage;
  beforeAll(async () => {
    dir = tempDir("pressroom-reference-");
    original = await renderPage(pdfOf("en"), 0);
    await expectMatchesReference("sample", original, { dir, update: true });
  });

  it("passes an identical render, with no differing pixel", async () => {
    const again = await renderPage(pdfOf("en"), 0);
    const result = await expectMatchesReference("sample", again, { dir, update: false });
    expect(result.differing).toBe(0);
    expect(result.ratio).toBe(0);
  });

  it("rejects the page shifted by 2 pixels, and writes the actual image", async () => {
    const shifted = await shiftImage(original, 2, 0);
    // Measured: about 15 % of the pixels differ.
    expect(compareImages(shifted, original).ratio).toBeGreaterThan(DEFAULT_TOLERANCE);
    await expect(expectMatchesReference("sample", shifted, { dir, update: false })).rejects.toThrow(/% of pixels differ/);
    expect(readFileSync(path.join(dir, "sample.actual.png")).length).toBeGreaterThan(0);
  });

  /** Page 1 of harbour-library/en built with `from` replaced by `to` in its source. */
  async function renderEdited(from: string, to: string): Promise<PageImage> {
    const content = copyContent(["harbour-library"]);
    const file = path.join(content, "harbour-library/en.md");
    const source = readFileSync(file, "utf8");
    expect(source).toContain(from);
    writeFileSync(file, source.replace(from, to));
    const built = await buildInto(content, { layouts: [LAYOUT], langs: ["en"] });
    expect(describeDiagnostics(built)).toBe("");
    return renderPage(readOutput(built.outDir, `harbour-library/en/${LAYOUT}.pdf`), 0);
  }

  it("rejects page 1 of a build with one word added to the lede (the paragraph reflows)", async () => {
    const image = await renderEdited("today unveiled", "today proudly unveiled");
    // Measured: about 7 % of the pixels differ.
    expect(compareImages(image, original).ratio).toBeGreaterThan(DEFAULT_TOLERANCE);
    await expect(expectMatchesReference("sample", image, { dir, update: false })).rejects.toThrow(/% of pixels differ/);
  });

  it("notices one word swapped for one of about the same width only with a tighter tolerance", async () => {
    // "unveiled" → "revealed": the lines do not reflow, one word's pixels change. Measured:
    // about 100 pixels (0.03 %), well below the default tolerance of 0.5 % (about 1,750 pixels).
    const image = await renderEdited("today unveiled", "today revealed");
    const { ratio, differing } = compareImages(image, original);
    expect(differing).toBeGreaterThan(0);
    expect(ratio).toBeLessThan(DEFAULT_TOLERANCE);
    await expect(expectMatchesReference("sample", image, { dir, update: false, tolerance: 0.0001 })).rejects.toThrow(/% of pixels differ/);
  });

  it("rejects an image of another size, and a missing reference", async () => {
    const cropped = { ...original, height: original.height - 1, gray: original.gray.subarray(0, original.width * (original.height - 1)) };
    await expect(expectMatchesReference("sample", cropped, { dir, update: false })).rejects.toThrow(/is 497×701 px, reference .* is 497×702 px/);
    await expect(expectMatchesReference("no-such-image", original, { dir, update: false })).rejects.toThrow(/is missing/);
  });
});
