/**
 * The widths a line breaker needs, read from a paragraph that textkit has
 * already shaped and laid out once: for each source character, the advance
 * of the glyph that shows it (a ligature's whole advance goes to its first
 * character), its type size, and the width of the hyphen that a break
 * inside a word adds. Breaking the same text again only at spaces and
 * hyphenation points keeps every word's shaping, so the widths hold for any
 * set of breaks.
 */
import { alignWithSource, glyphRange, logicalLine } from "../logical.ts";
import { naturalAdvances } from "../spacing.ts";
import type { FontkitFont, LayoutNode } from "../tree.ts";

export type ParagraphMetrics = {
  /** Advance per source character (code point), 0 for characters without a glyph of their own. */
  width: number[];
  /** Type size per source character. */
  size: number[];
  /** Right-to-left paragraph. */
  rtl: boolean;
  /** Width of the hyphen added at a break inside a word. */
  hyphen: number;
};

function hyphenWidth(font: FontkitFont | undefined, size: number): number {
  const f = font as unknown as { glyphForCodePoint?(cp: number): { advanceWidth: number }; unitsPerEm?: number } | undefined;
  const glyph = f?.glyphForCodePoint?.(0x2d);
  return glyph ? (glyph.advanceWidth * size) / (f?.unitsPerEm ?? 1000) : size * 0.33;
}

/** Metrics of a laid-out `TEXT` node whose text is `source`; `undefined` when its lines do not read as the source. */
export function measureParagraph(node: LayoutNode, source: readonly string[]): ParagraphMetrics | undefined {
  const lines = node.lines ?? [];
  const width = new Array<number>(source.length).fill(0);
  const size = new Array<number>(source.length).fill(0);
  let cursor = 0;
  let rtl = false;
  let hyphen = 0;
  for (const line of lines) {
    const { runs, text, inserted } = logicalLine(line);
    const aligned = alignWithSource(text, source, cursor, inserted);
    if (!aligned) return undefined;
    cursor = aligned.next;
    const advances = naturalAdvances(runs);
    runs.forEach((r, ri) => {
      const attrs = r.run.attributes;
      if (r.rtl) rtl = true;
      if (!hyphen && r.run.glyphs.length) hyphen = hyphenWidth(attrs.font[0], attrs.fontSize);
      r.run.glyphs.forEach((_, g) => {
        const [from, to] = glyphRange(r, g);
        const chars = aligned.map.slice(from, to).filter((i) => i >= 0);
        if (chars.length === 0) return; // a hyphen or ellipsis that layout added
        width[chars[0]!]! += advances[ri]![g]!;
        for (const c of chars) size[c] = attrs.fontSize;
      });
    });
  }
  if (cursor < source.length && source.slice(cursor).some((ch) => ch !== "\u00ad")) return undefined;
  // Characters drawn by no glyph of their own (soft hyphens, marks in a ligature) take their neighbour's size.
  for (let i = 0; i < size.length; i++) if (!size[i]) size[i] = size[i - 1] ?? size.find((s) => s > 0) ?? 10;
  return { width, size, rtl, hyphen };
}
