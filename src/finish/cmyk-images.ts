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
    url = convert(file, file);
    converted.set(key, url);
    url.catch(() => converted.delete(key));
  }
  return url;
}

/** Converted data URLs (the brand logo), by source URL; one brand per build, so a few entries at most. */
const convertedData = new Map<string, Promise<string>>();
const MAX_DATA_ENTRIES = 4;

/** The same for an image given as a `data:` URL (the brand logo, a PNG). */
export function dataUrlToCmykJpeg(url: string): Promise<string> {
  let converted = convertedData.get(url);
  if (!converted) {
    const m = /^data:image\/[a-z+]+;base64,(.*)$/s.exec(url);
    if (!m) return Promise.reject(new Error("not a base64 data URL of an image"));
    if (convertedData.size >= MAX_DATA_ENTRIES) convertedData.clear();
    converted = convert(Buffer.from(m[1]!, "base64"), "the logo");
    convertedData.set(url, converted);
    converted.catch(() => convertedData.delete(url));
  }
  return converted;
}

async function convert(input: string | Buffer, name: string): Promise<string> {
  // Loaded on first use: builds without print layouts never load libvips.
  const { default: sharp } = await import("sharp");
  const jpeg = await sharp(input)
    .rotate()
    .flatten({ background: "#ffffff" })
    .withIccProfile(fileURLToPath(OUTPUT_PROFILE_FILE), { attach: false })
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: "4:4:4" })
    .toBuffer();
  // toBuffer's `info.channels` describes the pipeline before the ICC transform: read the JPEG itself.
  const { space, channels } = await sharp(jpeg).metadata();
  if (space !== "cmyk" || channels !== 4) throw new Error(`${name}: converted to ${space} with ${channels} channels, not CMYK`);
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}
