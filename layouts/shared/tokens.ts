/**
 * Design colours, defined once. Each has the RGB value used on screen and the
 * CMYK value (percentages) used in print masters.
 */
import type { ColourToken } from "../../src/render/colour.ts";

export const colours = {
  ink: { rgb: "#1b1b1b", cmyk: [0, 0, 0, 92] },
  muted: { rgb: "#4a4a4a", cmyk: [0, 0, 0, 75] },
  accent: { rgb: "#0b5d6b", cmyk: [90, 30, 35, 25] },
  accentSoft: { rgb: "#e6f1f2", cmyk: [8, 0, 3, 0] },
  link: { rgb: "#0b4f8a", cmyk: [95, 55, 0, 15] },
} satisfies Record<string, ColourToken>;
