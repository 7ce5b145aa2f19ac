/**
 * A prepared release made ready for a print master: every figure's image
 * replaced by its CMYK JPEG. A new value; the input is not changed.
 */
import type { PreparedRelease } from "../model/prepared.ts";
import type { Block } from "../model/release.ts";
import { toCmykJpeg } from "./cmyk-images.ts";

export async function prepareForPrint(prepared: PreparedRelease): Promise<PreparedRelease> {
  const blocks = await Promise.all(prepared.release.blocks.map(cmykBlock));
  return { ...prepared, release: { ...prepared.release, blocks } };
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
