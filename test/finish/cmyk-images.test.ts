import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as mupdf from "mupdf";
import PDFDocument from "pdfkit";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { toCmykJpeg } from "../../src/finish/cmyk-images.ts";
import { items, nameOf, numOf, type Obj } from "../../src/verify/pdf.ts";
import { FIGURE_RGB, rgbPng } from "./print-master.tsx";

const dir = mkdtempSync(path.join(tmpdir(), "pressroom-cmyk-"));

async function file(name: string, data: Buffer | Promise<Buffer>): Promise<string> {
  const p = path.join(dir, name);
  writeFileSync(p, await data);
  return p;
}

const jpegOf = (url: string): Buffer => {
  const m = /^data:image\/jpeg;base64,(.+)$/.exec(url);
  expect(m).not.toBeNull();
  return Buffer.from(m![1]!, "base64");
};

/** A one-page PDF with the JPEG drawn over the whole 100 × 50 pt page, as the render stage draws images. */
function embed(jpeg: Buffer): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: [100, 50], margin: 0, pdfVersion: "1.7", info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.image(jpeg, 0, 0, { width: 100, height: 50 });
    doc.end();
  });
}

function firstImage(doc: mupdf.PDFDocument): Obj {
  const found: Obj[] = [];
  doc.findPage(0).get("Resources").get("XObject").forEach((v) => found.push(v));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("toCmykJpeg", () => {
  it("turns an RGB PNG with alpha into a CMYK JPEG data URL", async () => {
    const url = await toCmykJpeg(await file("blue.png", rgbPng(40, 20)));
    const jpeg = jpegOf(url);
    const meta = await sharp(jpeg).metadata();
    expect(meta).toMatchObject({ format: "jpeg", space: "cmyk", channels: 4, width: 40, height: 20, hasAlpha: false });
    // libvips marks its CMYK JPEGs Adobe-style: APP14 "Adobe" right after SOI, transform 0 (no YCCK)
    expect(jpeg.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xee]));
    expect(jpeg.subarray(6, 11).toString("latin1")).toBe("Adobe");
    expect(jpeg[17]).toBe(0);
  });

  it("is embedded by pdfkit as DeviceCMYK with the inverting Decode array, and prints the source's colour", async () => {
    const jpeg = jpegOf(await toCmykJpeg(await file("blue2.png", rgbPng(40, 20))));
    const pdf = await embed(jpeg);
    const doc = new mupdf.PDFDocument(pdf);
    try {
      const image = firstImage(doc);
      expect(nameOf(image.get("ColorSpace"))).toBe("DeviceCMYK");
      expect(nameOf(image.get("Filter"))).toBe("DCTDecode");
      expect(items(image.get("Decode")).map((v) => numOf(v))).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
      // libvips stores inverted samples (Adobe convention) and pdfkit's /Decode inverts them back:
      // rendered, the image is the source's blue; without /Decode it would be near black.
      const pixmap = doc.loadPage(0).toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceRGB, false, true);
      const i = (25 * pixmap.getWidth() + 50) * pixmap.getNumberOfComponents();
      const [r, g, b] = [...pixmap.getPixels().subarray(i, i + 3)] as [number, number, number];
      expect(Math.abs(r - FIGURE_RGB.r)).toBeLessThan(60);
      expect(Math.abs(g - FIGURE_RGB.g)).toBeLessThan(40);
      expect(Math.abs(b - FIGURE_RGB.b)).toBeLessThan(40);
    } finally {
      doc.destroy();
    }
  });

  it("applies the EXIF orientation, since the converted JPEG keeps no metadata", async () => {
    const rotated = sharp({ create: { width: 30, height: 10, channels: 3, background: FIGURE_RGB } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const jpeg = jpegOf(await toCmykJpeg(await file("rotated.jpg", rotated)));
    const meta = await sharp(jpeg).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([10, 30, undefined]);
  });

  it("converts a grey image to CMYK too", async () => {
    const grey = sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 90, g: 90, b: 90 } } }).greyscale().png().toBuffer();
    const meta = await sharp(jpegOf(await toCmykJpeg(await file("grey.png", grey)))).metadata();
    expect([meta.space, meta.channels]).toEqual(["cmyk", 4]);
  });

  it("converts a file once per process", async () => {
    const f = await file("once.png", rgbPng(4, 4));
    expect(toCmykJpeg(f)).toBe(toCmykJpeg(f));
  });
});
