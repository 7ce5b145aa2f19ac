/**
 * A project's brand (the `brand` key of `pressroom.config.json`), resolved:
 * the logo as image data, colour tokens and font families. Plain data, so
 * that it travels to the worker threads with each work unit.
 */
import type { FontFamily, FontRole } from "../prepare/font-manifest.ts";
import type { ColourToken } from "../render/colour.ts";

/** The design colour tokens a brand may override (layouts/shared/tokens.ts has a value for each). */
export const COLOUR_NAMES = ["ink", "muted", "accent", "accentSoft", "link"] as const;
export type ColourName = (typeof COLOUR_NAMES)[number];

/** Colour tokens used for text (checked for contrast on white paper); `accentSoft` is a background. */
export const TEXT_COLOURS: readonly ColourName[] = ["ink", "muted", "accent", "link"];

/** Layouts draw the logo at most this high, in pt; SVG logos are rasterised for this size (src/config/logo.ts). */
export const LOGO_MAX_HEIGHT = 40;

export type BrandLogo = {
  /** The file as the configuration names it, for messages. */
  file: string;
  /**
   * A `data:image/png;base64,…` URL: the PNG (8-bit sRGB, alpha kept) or the
   * SVG rasterised at print resolution. Print masters convert it to a CMYK
   * JPEG (src/finish/prepare-print.ts).
   */
  src: string;
  /** Pixel size of `src`: the aspect ratio layouts keep. */
  width: number;
  height: number;
  /** What the file was. */
  format: "svg" | "png";
};

/** What layouts see of the brand (PreparedRelease.brand); brand fonts are already in the font stacks. */
export type ReleaseBrand = {
  logo?: BrandLogo;
  /** Tokens replacing the design's defaults; the others keep theirs. */
  colours?: Partial<Record<ColourName, ColourToken>>;
};

export type Brand = ReleaseBrand & {
  /** Brand families (ids `brand-<role>`), each first in the stacks of the roles that name it. */
  fonts?: { families: FontFamily[]; stacks: Partial<Record<FontRole, string>> };
  /** SHA-256 of everything the brand is made of: its configuration and the bytes of its files. */
  digest: string;
};
