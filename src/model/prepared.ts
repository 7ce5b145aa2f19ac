import type { ReleaseBrand } from "./brand.ts";
import type { Release } from "./release.ts";

/**
 * The prepare stage's product: one release with the typographic decisions a
 * layout needs (language, writing direction, hyphenation, font stacks).
 */
export type PreparedRelease = {
  release: Release;
  /** BCP 47 tag: `release.lang` in canonical case (`en-gb` → `en-GB`). */
  lang: string;
  /** From the language's script (Arabic, Hebrew, … → `rtl`). */
  direction: "ltr" | "rtl";
  /**
   * react-pdf `hyphenationCallback` for body text: a word → its pieces
   * (`"hyphenation"` → `["hy", "phen", "ation"]`). Absent when the language
   * has no hyphenation patterns: don't hyphenate then.
   */
  hyphenate?: (word: string) => string[];
  /** react-pdf `fontFamily` lists (family ids registered by `registerFonts`). */
  fonts: { body: string[]; heading: string[]; ui: string[] };
  /** The project's brand (pressroom.config.json): logo and colours for the layouts. Absent: the design's defaults. */
  brand?: ReleaseBrand;
};
