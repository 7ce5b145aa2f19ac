/**
 * Columns and justification, decided from the glyphs alone.
 *
 * A *frame* is the set of text blocks on one page with the same direction,
 * the same font size (to 0.1 pt) and the same start edge (within 1 pt; the
 * start edge of a block is its lines' leftmost left edge, rightmost right
 * edge for right-to-left text). A body column is one frame; a list's item
 * text, a pull quote's padded box or a heading size are frames of their own.
 *
 * Its *far edge* is the end edge (right, or left in RTL) reached, within
 * 0.5 pt, by the most lines that are not the last line of their paragraph.
 * The frame is *justified* when at least 2 such lines and at least half of
 * them reach that far edge, and at least a quarter of the lines that reach
 * it (of those with space glyphs) have a median word gap more than 0.01 em
 * wider than the declared advance of their space glyphs. Justified text
 * lines up like that, apart from lines that end short (capped word spaces,
 * or the defects this report looks for); ragged text does not, and where a
 * ragged line reaches the edge it does so by squeezing, never by widening
 * its word spaces (textkit squeezes large-print lines to the margin). A paragraph is justified when it has 2 or
 * more lines and one of its blocks lies in a justified frame.
 *
 * Known limit: a 2-line paragraph alone in its frame whose first line ends
 * short cannot be told from ragged text, so it is not counted as justified.
 */
import { stretchOf, type Line, type Paragraph } from "./lines.ts";

export type Block = { paragraph: Paragraph; lines: Line[]; start: number };
export type Frame = { page: number; rtl: boolean; size: number; start: number; blocks: Block[]; justified: boolean; far?: number };

const START_TOLERANCE = 1;
const FAR_TOLERANCE = 0.5;
/** Word gaps this much (em) wider than the natural space count as stretched. */
const MIN_STRETCH = 0.01;

export const startOf = (l: Line, rtl: boolean) => (rtl ? l.right : l.left);
export const endOf = (l: Line, rtl: boolean) => (rtl ? l.left : l.right);
export const lineCount = (p: Paragraph) => p.blocks.reduce((n, b) => n + b.length, 0);
export const lastLine = (p: Paragraph): Line | undefined => p.blocks[p.blocks.length - 1]?.at(-1);

/** The value with the most others within `tolerance` (ties: the outermost). */
function densest(values: number[], tolerance: number, outermost: (a: number, b: number) => boolean): { value: number; count: number } | undefined {
  let best: { value: number; count: number } | undefined;
  for (const v of values) {
    const count = values.filter((w) => Math.abs(w - v) <= tolerance).length;
    if (!best || count > best.count || (count === best.count && outermost(v, best.value))) best = { value: v, count };
  }
  return best;
}

export function framesOf(paragraphs: readonly Paragraph[]): Frame[] {
  const frames: Frame[] = [];
  for (const paragraph of paragraphs) {
    const rtl = paragraph.rtl;
    for (const lines of paragraph.blocks) {
      const first = lines[0]!;
      const start = rtl ? Math.max(...lines.map((l) => l.right)) : Math.min(...lines.map((l) => l.left));
      const size = Math.round(Math.max(...lines.map((l) => l.size)) * 10) / 10;
      const block: Block = { paragraph, lines, start };
      const frame = frames.find((f) => f.page === first.page && f.rtl === rtl && f.size === size && Math.abs(f.start - start) <= START_TOLERANCE);
      if (frame) frame.blocks.push(block);
      else frames.push({ page: first.page, rtl, size, start, blocks: [block], justified: false });
    }
  }
  for (const f of frames) {
    const lines = f.blocks.flatMap((b) => b.lines.filter((l) => l !== lastLine(b.paragraph)));
    const far = densest(lines.map((l) => endOf(l, f.rtl)), FAR_TOLERANCE, (a, b) => (f.rtl ? a < b : a > b));
    if (!far) continue;
    f.far = far.value;
    const stretch = lines.filter((l) => Math.abs(endOf(l, f.rtl) - far.value) <= FAR_TOLERANCE).map(stretchOf).filter((s) => s !== undefined);
    const stretched = stretch.filter((s) => s > MIN_STRETCH).length;
    f.justified = far.count >= 2 && far.count * 2 >= lines.length && (stretch.length === 0 || stretched * 4 >= stretch.length);
  }
  return frames;
}

/** Paragraphs with 2 or more lines that have a block in a justified frame. */
export function justifiedParagraphs(frames: readonly Frame[]): Set<Paragraph> {
  const out = new Set<Paragraph>();
  for (const f of frames) if (f.justified) for (const b of f.blocks) if (lineCount(b.paragraph) >= 2) out.add(b.paragraph);
  return out;
}

export function frameOfBlock(frames: readonly Frame[], lines: Line[]): Frame | undefined {
  return frames.find((f) => f.blocks.some((b) => b.lines === lines));
}
