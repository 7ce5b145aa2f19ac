/**
 * Page images for tests: render a PDF page with mupdf and compare it with a
 * reference PNG in test/reference/, allowing a small share of pixels to
 * differ (antialiasing, a font update) but not a changed or moved line.
 *
 *   UPDATE_REFERENCE=1 npx vitest run test/build/page-images.test.ts
 *
 * (re)writes the references; look at them before committing. A failed
 * comparison writes the rendered page next to the reference as
 * `<name>.actual.png` (ignored by git).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assert } from "vitest";
import { loadMupdf } from "../../src/verify/pdf.ts";
import { repoRoot } from "./build.ts";

export type PageImage = {
  width: number;
  height: number;
  /** The image as an 8-bit grayscale PNG; decodes to exactly `gray`. */
  png: Uint8Array;
  /** One byte per pixel, row by row, no padding (0 = black, 255 = white). */
  gray: Uint8Array;
};

export const REFERENCE_DIR = path.join(repoRoot, "test/reference");

/** Two pixels "differ" when their gray values are further apart than this. */
export const PIXEL_THRESHOLD = 48;
/** Share of pixels that may differ, by default (0.5 %). */
export const DEFAULT_TOLERANCE = 0.005;

/**
 * Gray levels kept in a rendered image: 0, 36, 73, …, 255. A dense 60 dpi A4
 * page of text takes 40–43 KB as a full 8-bit PNG and 33–36 KB with eight
 * levels. The rounding moves a pixel by at most 18, and one level is 36 apart,
 * below PIXEL_THRESHOLD: a pixel that only tips over into the next level never
 * counts as differing. Both the reference and the render are quantized, so an
 * identical render compares equal.
 */
const GRAY_LEVELS = 8;
const STEP = 255 / (GRAY_LEVELS - 1);

/**
 * Renders page `pageIndex` (0-based) at `dpi` in grayscale, without alpha
 * (white background). Deterministic: the same PDF gives the same bytes.
 */
export async function renderPage(pdf: Uint8Array, pageIndex: number, dpi = 60): Promise<PageImage> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  try {
    const count = doc.countPages();
    if (pageIndex < 0 || pageIndex >= count) throw new RangeError(`page index ${pageIndex} is out of range: the PDF has ${count} page(s)`);
    const page = doc.loadPage(pageIndex);
    try {
      const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceGray, false);
      try {
        const width = pixmap.getWidth();
        const height = pixmap.getHeight();
        const stride = pixmap.getStride();
        // A view into the WASM heap: quantize in place, then copy out.
        const pixels = pixmap.getPixels();
        for (let y = 0; y < height; y++) {
          for (let x = 0, i = y * stride; x < width; x++, i++) pixels[i] = Math.round(Math.round(pixels[i]! / STEP) * STEP);
        }
        const gray = new Uint8Array(width * height);
        for (let y = 0; y < height; y++) gray.set(pixels.subarray(y * stride, y * stride + width), y * width);
        const png = pixmap.asPNG().slice();
        return { width, height, png, gray };
      } finally {
        pixmap.destroy();
      }
    } finally {
      page.destroy();
    }
  } finally {
    doc.destroy();
  }
}

/** Decodes a PNG (any colour type mupdf reads) to 8-bit gray. */
export async function decodePng(png: Uint8Array): Promise<Omit<PageImage, "png">> {
  const mupdf = await loadMupdf();
  const image = new mupdf.Image(png);
  let pixmap = image.toPixmap();
  try {
    const cs = pixmap.getColorSpace();
    if (!cs || !cs.isGray() || pixmap.getAlpha()) {
      const converted = pixmap.convertToColorSpace(mupdf.ColorSpace.DeviceGray, false);
      pixmap.destroy();
      pixmap = converted;
    }
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const stride = pixmap.getStride();
    const n = pixmap.getNumberOfComponents() + pixmap.getAlpha();
    const pixels = pixmap.getPixels();
    const gray = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) gray[y * width + x] = pixels[y * stride + x * n]!;
    return { width, height, gray };
  } finally {
    pixmap.destroy();
    image.destroy();
  }
}

export type Comparison = { differing: number; total: number; ratio: number };

/** Counts pixels whose gray values differ by more than PIXEL_THRESHOLD; the images must be the same size. */
export function compareImages(actual: Omit<PageImage, "png">, expected: Omit<PageImage, "png">): Comparison {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    throw new Error(`image sizes differ: ${actual.width}×${actual.height} rendered, ${expected.width}×${expected.height} expected`);
  }
  let differing = 0;
  const total = actual.width * actual.height;
  for (let i = 0; i < total; i++) if (Math.abs(actual.gray[i]! - expected.gray[i]!) > PIXEL_THRESHOLD) differing++;
  return { differing, total, ratio: total ? differing / total : 0 };
}

/** An 8-bit grayscale PNG of `gray` (width × height bytes), through mupdf. */
export async function encodePng(width: number, height: number, gray: Uint8Array): Promise<Uint8Array> {
  const mupdf = await loadMupdf();
  const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, width, height], false);
  try {
    const pixels = pixmap.getPixels();
    const stride = pixmap.getStride();
    for (let y = 0; y < height; y++) pixels.set(gray.subarray(y * width, (y + 1) * width), y * stride);
    return pixmap.asPNG().slice();
  } finally {
    pixmap.destroy();
  }
}

/** `image` shifted by (dx, dy) pixels, uncovered pixels white; for tests of the comparison itself. */
export async function shiftImage(image: Omit<PageImage, "png">, dx: number, dy: number): Promise<PageImage> {
  const { width, height } = image;
  const gray = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    const sy = y - dy;
    if (sy < 0 || sy >= height) continue;
    for (let x = 0; x < width; x++) {
      const sx = x - dx;
      if (sx >= 0 && sx < width) gray[y * width + x] = image.gray[sy * width + sx]!;
    }
  }
  return { width, height, gray, png: await encodePng(width, height, gray) };
}

export type ReferenceOptions = {
  /** Share of pixels that may differ (default 0.005 = 0.5 %). */
  tolerance?: number;
  /** Folder of the references (default test/reference). */
  dir?: string;
  /** Write the reference instead of comparing (default: env UPDATE_REFERENCE=1). */
  update?: boolean;
};

/**
 * Compares `image` with `<dir>/<name>.png`, or writes that file when
 * updating. Fails when the reference is missing, has another size, or more
 * than `tolerance` of its pixels differ; then writes `<name>.actual.png`.
 * Returns the comparison (ratio 0 when updating).
 */
export async function expectMatchesReference(name: string, image: PageImage, options: ReferenceOptions = {}): Promise<Comparison> {
  const { tolerance = DEFAULT_TOLERANCE, dir = REFERENCE_DIR, update = process.env.UPDATE_REFERENCE === "1" } = options;
  const reference = path.join(dir, `${name}.png`);
  const actualFile = path.join(dir, `${name}.actual.png`);
  if (update) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(reference, image.png);
    rmSync(actualFile, { force: true });
    return { differing: 0, total: image.width * image.height, ratio: 0 };
  }
  const relative = path.relative(repoRoot, reference);
  if (!existsSync(reference)) {
    assert.fail(`reference image ${relative} is missing: run UPDATE_REFERENCE=1 npx vitest run <this test file> and look at it before committing`);
  }
  const expected = await decodePng(new Uint8Array(readFileSync(reference)));
  if (expected.width !== image.width || expected.height !== image.height) {
    writeFileSync(actualFile, image.png);
    assert.fail(`${name}: rendered page is ${image.width}×${image.height} px, reference ${relative} is ${expected.width}×${expected.height} px (rendered image written to ${path.relative(repoRoot, actualFile)})`);
  }
  const result = compareImages(image, expected);
  if (result.ratio > tolerance) {
    writeFileSync(actualFile, image.png);
    assert.fail(
      `${name}: ${(result.ratio * 100).toFixed(3)} % of pixels differ from ${relative} (${result.differing} of ${result.total}; ` +
        `tolerance ${(tolerance * 100).toFixed(3)} %); compare it with ${path.relative(repoRoot, actualFile)}`,
    );
  }
  rmSync(actualFile, { force: true });
  return result;
}
