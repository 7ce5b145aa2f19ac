/**
 * Justified lines never open gaps wider than twice a normal word space.
 * textkit stretches spaces as far as a line needs (a long unbreakable word
 * can leave a line with three words); past the limit Pressroom caps each
 * space and lets that one line end short of the margin, as a typesetter
 * would rather than open rivers.
 */
import type { RunText } from "./logical.ts";

/** Widest a justified word space may be, as a multiple of the font's own space. */
export const MAX_SPACE_STRETCH = 2;

const isSpaceGlyph = (codePoints: readonly number[]) => codePoints.length === 1 && codePoints[0] === 0x20;

/** Each glyph's advance after capping, per run, and the width given back. */
export function cappedAdvances(runs: readonly RunText[]): { advances: number[][]; saved: number } {
  let saved = 0;
  const advances = runs.map((r) => {
    const { font, fontSize } = r.run.attributes;
    const justified = (r.run.attributes as { align?: string }).align === "justify";
    const unitsPerEm = font[0]?.unitsPerEm ?? 1000;
    return r.run.glyphs.map((glyph, g) => {
      const advance = r.run.positions[g]!.xAdvance;
      if (!justified || !isSpaceGlyph(glyph.codePoints)) return advance;
      const limit = (glyph.advanceWidth * fontSize * MAX_SPACE_STRETCH) / unitsPerEm;
      if (advance <= limit) return advance;
      saved += advance - limit;
      return limit;
    });
  });
  return { advances, saved };
}
