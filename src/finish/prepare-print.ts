/**
 * A prepared release made ready for a print master: every figure's image
 * and the brand logo replaced by CMYK JPEGs (transparency flattened onto
 * white paper). A new value; the input is not changed.
 */
import type { PreparedRelease } from "../model/prepared.ts";
import type { Block } from "../model/release.ts";
import { dataUrlToCmykJpeg, toCmykJpeg } from "./cmyk-images.ts";

export async function prepareForPrint(prepared: PreparedRelease): Promise<PreparedRelease> {
  const blocks = await Promise.all(prepared.release.blocks.map(cmykBlock));
  const logo = prepared.brand?.logo;
  // A logo that cannot be converted stays RGB: the print checks then fail the output (PR-004).
  const brand = logo ? { ...prepared.brand, logo: { ...logo, src: await dataUrlToCmykJpeg(logo.src).catch(() => logo.src) } } : prepared.brand;
  return { ...prepared, release: { ...prepared.release, blocks }, ...(brand ? { brand } : {}) };
}

async function cmykBlock(block: Block): Promise<Block> {
  switch (block.kind) {
    case "figure":
      return { ...block, src: await cmykSource(block.src) };
    case "quote":
      return { ...block, blocks: await Promise.all(block.blocks.map(cmykBlock)) };
    case "list":
      return { ...block, items: await Promise.all(block.items.map((item) => Promise.all(item.map(cmykBlock)))) };
    default:
      return block;
  }
}

/**
 * The CMYK data URL; the original path when sharp cannot read the file (then
 * neither can react-pdf, or the print checks report the RGB image by object).
 */
async function cmykSource(src: string): Promise<string> {
  try {
    return await toCmykJpeg(src);
  } catch {
    return src;
  }
}
