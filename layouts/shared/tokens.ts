/**
 * Design colours, defined once. Each has the RGB value used on screen and the
 * CMYK value (percentages) used in print masters. A project's brand
 * (pressroom.config.json) may replace any of them: layouts take their
 * colours from `paletteOf(prepared)`.
 */
import type { ColourName } from "../../src/model/brand.ts";
import type { PreparedRelease } from "../../src/model/prepared.ts";
import type { ColourToken } from "../../src/render/colour.ts";

export const colours = {
  ink: { rgb: "#1b1b1b", cmyk: [0, 0, 0, 92] },
  muted: { rgb: "#4a4a4a", cmyk: [0, 0, 0, 75] },
  accent: { rgb: "#0b5d6b", cmyk: [90, 30, 35, 25] },
  accentSoft: { rgb: "#e6f1f2", cmyk: [8, 0, 3, 0] },
  link: { rgb: "#0b4f8a", cmyk: [95, 55, 0, 15] },
} satisfies Record<ColourName, ColourToken>;

export type Palette = Record<ColourName, ColourToken>;

/** The design colours for a release: the brand's where it sets them, the defaults above elsewhere. */
export function paletteOf(prepared: PreparedRelease): Palette {
  const brand = prepared.brand?.colours;
  return brand ? { ...colours, ...brand } : colours;
}
