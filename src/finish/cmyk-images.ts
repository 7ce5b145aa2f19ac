/**
 * Images for print masters: converted to CMYK for the output condition
 * (FOGRA39, the profile of the output intent) and encoded as JPEG, which
 * pdfkit embeds as a `/DeviceCMYK` image. No RGB image reaches the PDF.
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OUTPUT_PROFILE_FILE } from "./output-intent.ts";

const JPEG_QUALITY = 92;

const converted = new Map<string, Promise<string>>();

/**
 * `file` (any format sharp reads) as a `data:image/jpeg;base64,…` URL that
 * react-pdf's Image accepts: EXIF orientation applied (the metadata is not
 * kept), transparency flattened onto white paper, colours converted from the
 * image's profile (sRGB when it has none) to ISO Coated v2 300%.
 *
 * libvips writes CMYK JPEGs Adobe-style (APP14 marker, inverted samples) and
 * pdfkit gives every 4-channel JPEG `/Decode [1 0 1 0 1 0 1 0]`: the two
 * agree, so the colours print as converted (test/finish/cmyk-images.test.ts).
 */
export function toCmykJpeg(file: string): Promise<string> {
  const { mtimeMs, size } = statSync(file);
  const key = `${file}\0${mtimeMs}\0${size}`;
  let url = converted.get(key);
  if (!url) {
    url = convert(file);
    converted.set(key, url);
    url.catch(() => converted.delete(key));
  }
  return url;
}

async function convert(file: string): Promise<string> {
  // Loaded on first use: builds without print layouts never load libvips.
  const { default: sharp } = await import("sharp");
  const jpeg = await sharp(file)
    .rotate()
    .flatten({ background: "#ffffff" })
    .withIccProfile(fileURLToPath(OUTPUT_PROFILE_FILE), { attach: false })
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: "4:4:4" })
    .toBuffer();
  // toBuffer's `info.channels` describes the pipeline before the ICC transform: read the JPEG itself.
  const { space, channels } = await sharp(jpeg).metadata();
  if (space !== "cmyk" || channels !== 4) throw new Error(`${file}: converted to ${space} with ${channels} channels, not CMYK`);
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}
