/**
 * The release's images in the e-mail: a small JPEG, PNG or GIF travels
 * inside the message as a `cid:` part next to the HTML (no remote images:
 * mail clients block them, and they would tell the sender who opened the
 * message). A larger image, or another format, is left to the attached
 * PDF, and the message shows its caption or alt text instead.
 *
 * The only file access of the e-mail stage: reading a figure's file, which
 * the parse stage resolved inside the release folder (checked again here).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrandLogo } from "../model/brand.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Block, Release } from "../model/release.ts";

export type FigureBlock = Extract<Block, { kind: "figure" }>;

/** Below this size an image is sent inline; the attached PDF carries every image anyway. */
export const INLINE_IMAGE_LIMIT = 100 * 1024;
/** The HTML body's text width in CSS pixels: wider images are shown at this width. */
export const CONTENT_WIDTH = 600;

export type InlineImage = {
  /** Content-ID without angle brackets; the HTML refers to it as `cid:…`. */
  cid: string;
  contentType: "image/jpeg" | "image/png" | "image/gif";
  filename: string;
  bytes: Uint8Array;
  /** Display size in CSS pixels (the intrinsic size, scaled down to the content width), when it could be read. */
  width?: number;
  height?: number;
};

/** The figures that travel inline, by block. Figures not in the map are shown as text. */
export type InlineImages = ReadonlyMap<FigureBlock, InlineImage>;

function sniff(bytes: Uint8Array): InlineImage["contentType"] | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x38) return "image/gif";
  return undefined;
}

/** Intrinsic pixel size from the file header (PNG IHDR, GIF screen, JPEG SOFn). */
export function imageSize(bytes: Uint8Array, type: InlineImage["contentType"]): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === "image/png" && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (type === "image/gif" && bytes.length >= 10) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (type === "image/jpeg") {
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const length = view.getUint16(at + 2);
      // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
      }
      at += 2 + length;
    }
  }
  return undefined;
}

const EXTENSION: Record<InlineImage["contentType"], string> = { "image/jpeg": "jpg", "image/png": "png", "image/gif": "gif" };

export async function inlineImages(release: Release): Promise<{ images: InlineImages; diagnostics: Diagnostic[] }> {
  const images = new Map<FigureBlock, InlineImage>();
  const diagnostics: Diagnostic[] = [];
  const folder = path.dirname(release.file);
  const figures: FigureBlock[] = [];
  const collect = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.kind === "figure") figures.push(b);
      else if (b.kind === "quote") collect(b.blocks);
      else if (b.kind === "list") b.items.forEach(collect);
    }
  };
  collect(release.blocks);

  for (const [i, figure] of figures.entries()) {
    const relative = path.relative(folder, figure.src);
    if (relative.startsWith("..") || path.isAbsolute(relative)) continue; // never read outside the release folder
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(figure.src));
    } catch (e) {
      diagnostics.push({
        severity: "warning", file: release.file, ...figure.pos,
        message: `the image ${relative} could not be read for the e-mail (${(e as NodeJS.ErrnoException).code ?? String(e)}); the message shows its alt text`,
      });
      continue;
    }
    const contentType = sniff(bytes);
    if (!contentType || bytes.length >= INLINE_IMAGE_LIMIT) continue; // left to the PDF
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    const size = imageSize(bytes, contentType);
    const scale = size && size.width > CONTENT_WIDTH ? CONTENT_WIDTH / size.width : 1;
    images.set(figure, {
      // Stable: the same image gives the same id, so the same input gives the same message.
      cid: `figure-${i + 1}.${hash}@${release.slug}`,
      contentType,
      filename: `${path.basename(figure.src, path.extname(figure.src))}.${EXTENSION[contentType]}`,
      bytes,
      ...(size && size.width > 0 && size.height > 0 ? { width: Math.round(size.width * scale), height: Math.round(size.height * scale) } : {}),
    });
  }
  return { images, diagnostics };
}

/** The logo's height in the message's masthead, in CSS pixels (it is never wider than half the column). */
const LOGO_HEIGHT = 40;
/** Pixels per CSS pixel of the logo's image: sharp on high-density screens, small in the message. */
const LOGO_DENSITY = 2;

/**
 * The brand logo (pressroom.config.json) as an inline part: the PNG the
 * configuration resolved (for print, 334 px high), scaled to twice the
 * size it is shown at, 40 px high. None when the release has no brand logo.
 */
export async function logoImage(logo: BrandLogo | undefined, slug: string): Promise<InlineImage | undefined> {
  const match = logo && /^data:image\/png;base64,(.+)$/u.exec(logo.src);
  if (!logo || !match || logo.width <= 0 || logo.height <= 0) return undefined;
  const scale = Math.min(LOGO_HEIGHT / logo.height, CONTENT_WIDTH / 2 / logo.width);
  const width = Math.max(1, Math.round(logo.width * scale));
  const height = Math.max(1, Math.round(logo.height * scale));
  const { default: sharp } = await import("sharp");
  const bytes = new Uint8Array(await sharp(Buffer.from(match[1]!, "base64"))
    .resize(width * LOGO_DENSITY, height * LOGO_DENSITY, { fit: "fill" })
    .png({ compressionLevel: 9 })
    .toBuffer());
  if (bytes.length >= INLINE_IMAGE_LIMIT) return undefined;
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  return { cid: `logo.${hash}@${slug}`, contentType: "image/png", filename: "logo.png", bytes, width, height };
}
