/**
 * Justified lines never open gaps wider than twice a normal word space.
 * textkit stretches spaces as far as a line needs (a long unbreakable word
 * can leave a line with three words); past the limit Pressroom caps each
 * space and lets that one line end short of the margin, as a typesetter
 * would rather than open rivers.
 */
import type { RunText } from "../layout/logical.ts";

/** Widest a justified word space may be, as a multiple of the font's own space. */
export const MAX_SPACE_STRETCH = 2;

const isSpaceGlyph = (codePoints: readonly number[]) => codePoints.length === 1 && codePoints[0] === 0x20;

/** Letters widened by more than this share of the type size count as letter-spaced. */
const LETTER_STRETCH = 0.05;

/**
 * Each glyph's advance after capping, per run, and the width given back.
 * When textkit ran out of word space it also spaces out the letters of the
 * line; those lines get their letters' own widths back.
 */
export function cappedAdvances(runs: readonly RunText[]): { advances: number[][]; saved: number } {
  let saved = 0;
  const letterSpaced = runs.some((r) => justified(r) && medianStretch(r) > LETTER_STRETCH * r.run.attributes.fontSize);
  const advances = runs.map((r) => {
    const { font, fontSize } = r.run.attributes;
    const unitsPerEm = font[0]?.unitsPerEm ?? 1000;
    return r.run.glyphs.map((glyph, g) => {
      const advance = r.run.positions[g]!.xAdvance;
      if (!justified(r)) return advance;
      const natural = (glyph.advanceWidth * fontSize) / unitsPerEm;
      const limit = isSpaceGlyph(glyph.codePoints) ? natural * MAX_SPACE_STRETCH : letterSpaced ? natural : Infinity;
      if (advance <= limit) return advance;
      saved += advance - limit;
      return limit;
    });
  });
  return { advances, saved };
}

const justified = (r: RunText) => (r.run.attributes as { align?: string }).align === "justify";

/** The median widening of a run's letters over their natural advance (kerning is small and signed). */
function medianStretch(r: RunText): number {
  const { font, fontSize } = r.run.attributes;
  const unitsPerEm = font[0]?.unitsPerEm ?? 1000;
  const deltas = r.run.glyphs
    .map((g, i) => (isSpaceGlyph(g.codePoints) ? undefined : r.run.positions[i]!.xAdvance - (g.advanceWidth * fontSize) / unitsPerEm))
    .filter((d): d is number => d !== undefined)
    .sort((a, b) => a - b);
  return deltas.length ? deltas[Math.floor(deltas.length / 2)]! : 0;
}
