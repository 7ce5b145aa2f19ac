/**
 * The brand logo: an SVG or PNG file checked and turned into the PNG that
 * layouts draw. SVG is rasterised with sharp (librsvg) at twice print
 * resolution for the largest size a layout draws it; a PNG is normalised to
 * 8-bit sRGB. Print masters convert the result to a CMYK JPEG later
 * (src/finish/prepare-print.ts).
 */
import { readFile, stat } from "node:fs/promises";
import { relative } from "node:path";
import { LOGO_MAX_HEIGHT, type BrandLogo } from "../model/brand.ts";
/** Resolution print needs at the printed size. */
export const PRINT_DPI = 300;
/** Pixel height of a rasterised SVG: twice print resolution at the largest height (334 px). */
export const RASTER_HEIGHT = Math.ceil((LOGO_MAX_HEIGHT / 72) * PRINT_DPI * 2);
/** No logo is wider than this many pixels (a very wide SVG is rasterised to fit). */
const MAX_WIDTH = 4000;

export type LogoProblem = { problem: string; hint: string };
export type LoadedLogo = { logo: BrandLogo; bytes: Buffer; warnings: LogoProblem[] };

const SVG_HINT = "use an SVG with a width and height or a viewBox, and check that it opens in a browser";

/**
 * Reads, checks and rasterises the logo at `path` (`spec`: as the
 * configuration writes it, for messages).
 */
export async function loadLogo(path: string, spec: string): Promise<LoadedLogo | LogoProblem> {
  let bytes: Buffer;
  try {
    if ((await stat(path)).isDirectory()) return { problem: `logo ${spec} is a folder, not a file`, hint: "name the SVG or PNG file itself" };
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? { problem: `logo file ${spec} not found (looked for ${relative(process.cwd(), path) || path})`, hint: "the path is relative to pressroom.config.json; check the name, including upper and lower case" }
      : { problem: `cannot read logo file ${spec}: ${(e as Error).message}`, hint: "check the file's permissions" };
  }
  // Loaded on first use: builds without a logo never load libvips.
  const { default: sharp } = await import("sharp");
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(bytes).metadata();
  } catch (e) {
    if (looksLikeSvg(bytes)) return { problem: `logo ${spec} is an SVG that cannot be read: ${cleanMessage(e)}`, hint: SVG_HINT };
    return { problem: `logo ${spec} is not an image (${cleanMessage(e)})`, hint: "use an SVG or PNG file" };
  }
  if (meta.format !== "svg" && meta.format !== "png") {
    return { problem: `logo ${spec} is a ${meta.format.toUpperCase()} image`, hint: "use an SVG (sharpest in print) or a PNG file" };
  }
  if (!(meta.width > 0 && meta.height > 0)) return { problem: `logo ${spec} has no size`, hint: SVG_HINT };
  const warnings: LogoProblem[] = [];
  let png: Buffer;
  try {
    if (meta.format === "svg") {
      // librsvg draws 1 user unit per pixel at 72 dpi: choose the density that gives RASTER_HEIGHT pixels.
      const scale = Math.min(RASTER_HEIGHT / meta.height, MAX_WIDTH / meta.width);
      const density = Math.min(100_000, Math.max(1, 72 * scale));
      png = await sharp(bytes, { density })
        .resize({ width: MAX_WIDTH, height: RASTER_HEIGHT, fit: "inside", withoutEnlargement: true })
        .toColourspace("srgb").png().toBuffer();
      if (/<text[\s>]/.test(bytes.toString("utf8"))) {
        warnings.push({
          problem: `logo ${spec} has <text>: it is drawn with whatever fonts this machine has, so it may look different elsewhere`,
          hint: "convert the text to outlines (paths) in your drawing program",
        });
      }
    } else {
      png = await sharp(bytes)
        .resize({ width: MAX_WIDTH, height: RASTER_HEIGHT, fit: "inside", withoutEnlargement: true })
        .toColourspace("srgb").png().toBuffer();
      const needed = Math.ceil((LOGO_MAX_HEIGHT / 72) * PRINT_DPI);
      if (meta.height < needed) {
        warnings.push({
          problem: `logo ${spec} is ${meta.height} px high: printed up to ${LOGO_MAX_HEIGHT} pt high, that is ${Math.round((meta.height * 72) / LOGO_MAX_HEIGHT)} dpi, below the ${PRINT_DPI} dpi print needs`,
          hint: `use an SVG, or a PNG at least ${needed} px high`,
        });
      }
    }
  } catch (e) {
    return meta.format === "svg"
      ? { problem: `logo ${spec} is an SVG that does not render: ${cleanMessage(e)}`, hint: SVG_HINT }
      : { problem: `logo ${spec} cannot be read as a PNG: ${cleanMessage(e)}`, hint: "save the PNG again from an image editor" };
  }
  const raster = sharp(png);
  const [info, stats] = await Promise.all([raster.metadata(), raster.stats()]);
  const alpha = stats.channels[3];
  if (alpha && alpha.max === 0) {
    return { problem: `logo ${spec} draws nothing: every pixel is transparent`, hint: meta.format === "svg" ? "check that the SVG's shapes have a fill or stroke and lie inside its viewBox" : "use a PNG with a visible logo" };
  }
  return {
    logo: { file: spec, src: `data:image/png;base64,${png.toString("base64")}`, width: info.width, height: info.height, format: meta.format },
    bytes,
    warnings,
  };
}

function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 512).toString("utf8").trimStart();
  return head.startsWith("<?xml") || head.startsWith("<svg") || head.includes("<svg");
}

/** libvips messages end with newlines and sometimes repeat the input's name. */
function cleanMessage(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim();
}
