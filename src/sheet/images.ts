/**
 * Page images of the PDFs, rendered with MuPDF and cached on disk next to
 * each PDF:
 *
 *   <slug>/<lang>/<layout>.<key>.w360.png        page-1 thumbnail, 360 px wide (shown at 180 CSS px)
 *   <slug>/<lang>/<layout>.<key>.100dpi.p<n>.png  page n at 100 dpi (the previews)
 *
 * `<key>` is the first 16 hex digits of the PDF's SHA-256, so an image is
 * re-rendered only when its PDF changed, a cached file never needs a stamp
 * (it exists or it does not), and a browser never shows a stale image after
 * a live reload (a new PDF gives a new URL). Writing an output's images
 * removes that output's images of other PDFs. Not in a dot-folder: static
 * servers often refuse dotfiles.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { open, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { loadMupdf } from "../verify/pdf.ts";
import { writeFileAtomic } from "./html.ts";

/** An image of a page: `src` relative to the output folder, forward slashes; its size in pixels. */
export type PageImage = { src: string; width: number; height: number };

/** Thumbnails are rendered at twice their CSS width (180 px), for high-density screens. */
export const THUMB_PIXELS = 360;
export const THUMB_CSS_WIDTH = 180;
export const PREVIEW_DPI = 100;

/** A PDF on disk: its size and the key of its images. */
export type PdfOnDisk = { bytes: number; sha256: string };

/** The PDF at `outDir/file`, or undefined when there is none. `sha256`, when known, saves hashing it. */
export async function pdfOnDisk(outDir: string, file: string, sha256?: string): Promise<PdfOnDisk | undefined> {
  const full = path.join(outDir, file);
  try {
    const info = await stat(full);
    if (!info.isFile()) return undefined;
    return { bytes: info.size, sha256: sha256 ?? createHash("sha256").update(await readFile(full)).digest("hex") };
  } catch {
    return undefined;
  }
}

const keyOf = (sha256: string) => sha256.slice(0, 16);
const baseOf = (file: string) => file.slice(0, -".pdf".length);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The page-1 thumbnail of the PDF at `outDir/file` (whose hash is `sha256`), rendered unless cached. */
export async function thumbnail(outDir: string, file: string, sha256: string): Promise<PageImage> {
  const src = `${baseOf(file)}.${keyOf(sha256)}.w${THUMB_PIXELS}.png`;
  await prune(outDir, file, /\.w\d+\.png$/, new Set([src]));
  const cached = await cachedImage(outDir, src);
  if (cached) return cached;
  return once(path.join(outDir, src), async () => {
    const [image] = await render(outDir, file, [0], { pixels: THUMB_PIXELS });
    return save(outDir, src, image!);
  });
}

/**
 * Every page of the PDF at `outDir/file` at 100 dpi, rendered unless
 * cached. `pages` (from the build) saves opening the PDF when all are cached.
 */
export async function pageImages(outDir: string, file: string, sha256: string, pages?: number): Promise<PageImage[]> {
  const count = pages ?? (await countPages(path.join(outDir, file)));
  const srcs = Array.from({ length: count }, (_, i) => `${baseOf(file)}.${keyOf(sha256)}.${PREVIEW_DPI}dpi.p${i + 1}.png`);
  await prune(outDir, file, /\.\d+dpi\.p\d+\.png$/, new Set(srcs));
  const cached = await Promise.all(srcs.map((src) => cachedImage(outDir, src)));
  const missing = cached.flatMap((c, i) => (c ? [] : [i]));
  if (!missing.length) return cached as PageImage[];
  const rendered = await once(`${path.join(outDir, srcs[0]!)} ${missing.join(",")}`, async () => {
    const images = await render(outDir, file, missing, { dpi: PREVIEW_DPI });
    return Promise.all(images.map((image, j) => save(outDir, srcs[missing[j]!]!, image)));
  });
  missing.forEach((i, j) => (cached[i] = rendered[j]!));
  return cached as PageImage[];
}

type Rendered = { png: Uint8Array; width: number; height: number };

/** Renders pages (0-based) in RGB without alpha, either `pixels` wide or at `dpi`. Deterministic. */
async function render(outDir: string, file: string, indices: readonly number[], size: { pixels: number } | { dpi: number }): Promise<Rendered[]> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(await readFile(path.join(outDir, file)), "application/pdf");
  try {
    return indices.map((index) => {
      const page = doc.loadPage(index);
      try {
        const [x0, , x1] = page.getBounds();
        const scale = "pixels" in size ? size.pixels / (x1 - x0) : size.dpi / 72;
        const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
        try {
          return { png: pixmap.asPNG().slice(), width: pixmap.getWidth(), height: pixmap.getHeight() };
        } finally {
          pixmap.destroy();
        }
      } finally {
        page.destroy();
      }
    });
  } finally {
    doc.destroy();
  }
}

async function countPages(pdf: string): Promise<number> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(await readFile(pdf), "application/pdf");
  try {
    return doc.countPages();
  } finally {
    doc.destroy();
  }
}

async function save(outDir: string, src: string, image: Rendered): Promise<PageImage> {
  await writeFileAtomic(path.join(outDir, src), image.png);
  return { src, width: image.width, height: image.height };
}

/** A cached image's size from its PNG header (IHDR), without decoding it. */
async function cachedImage(outDir: string, src: string): Promise<PageImage | undefined> {
  const full = path.join(outDir, src);
  if (!existsSync(full)) return undefined;
  const handle = await open(full, "r");
  try {
    const header = Buffer.alloc(24);
    const { bytesRead } = await handle.read(header, 0, 24, 0);
    if (bytesRead < 24 || header.toString("latin1", 12, 16) !== "IHDR") return undefined; // damaged: render again
    return { src, width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
  } finally {
    await handle.close();
  }
}

/** Removes this output's images of one kind (`kind` matches the name's tail) that are not in `keep`. */
async function prune(outDir: string, file: string, kind: RegExp, keep: ReadonlySet<string>): Promise<void> {
  const dir = path.posix.dirname(file);
  const mine = new RegExp(`^${escapeRe(path.posix.basename(baseOf(file)))}\\.[0-9a-f]{16}\\.`);
  let names: string[];
  try {
    names = await readdir(path.join(outDir, dir));
  } catch {
    return;
  }
  const stale = names.filter((n) => mine.test(n) && kind.test(n) && !keep.has(`${dir}/${n}`));
  await Promise.all(stale.map((n) => rm(path.join(outDir, dir, n), { force: true })));
}

/** Concurrent requests for the same images (two page writes in watch mode) share one render. */
const inFlight = new Map<string, Promise<unknown>>();
function once<T>(key: string, work: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const p = work().finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}
