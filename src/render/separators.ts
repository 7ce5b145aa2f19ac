/**
 * The order in which a right-to-left line's marked-content sequences are
 * painted, chosen so that PDF.js (Firefox's viewer, and what it hands to
 * assistive technology) reads a word break between two sequences exactly
 * where the logical text has a space.
 *
 * PDF.js reads each sequence on its own and the structure tree puts them
 * in logical order. It writes no space for a space glyph; it writes one at
 * the start of a sequence when the sequence's first glyph lies at least
 * about 0.1 em to the right of the end of the glyph painted just before it,
 * and a line end when that glyph was on another line. A sequence's own
 * leading or trailing space, and the space between two sequences in
 * different fonts or elements, is otherwise lost ("Lanternعند").
 *
 * So: the line's first painted sequence gets the line end (the break from
 * the line before); every other sequence that needs a break is painted
 * right after one that ends far enough to its left; and one that must not
 * get a break, but would, first gets an invisible artifact copy of its own
 * first glyph in the same place (extractors that read every glyph drop a
 * glyph drawn twice in one place, as for the hyphen continuation).
 */
import type { PlacedGlyph } from "./glyphs.ts";
import type { Segment } from "./segments.ts";

/** PDF.js reads a break after a gap of 0.102 em; this much is safely one. */
const BREAK_GAP_EM = 0.15;
/** PDF.js reads no break when the glyph starts less than 0.03 em after the last one ended. */
const JOIN_GAP_EM = 0.03;

/** A group of segments (one marked-content sequence) as the planner sees it. */
type Extent = {
  /** The first glyph PDF.js compares: the first one drawn that is not white space. */
  start?: { x: number; glyph: PlacedGlyph; segment: Segment; drawnFirst: boolean };
  /** The right edge of the last glyph drawn that is not white space. */
  end?: number;
  size: number;
  /** The logical text has a space at the sequence's start, or right before it on this line. */
  wantsBreak: boolean;
};

export type PaintStep<G> = {
  group: G;
  /** Draw an invisible artifact copy of this glyph (the group's first) right before the group. */
  join?: { segment: Segment; glyph: PlacedGlyph; x: number };
};

const blank = (g: PlacedGlyph) => g.text.trim() === "";

/** Where a group of segments starts in its line's logical text. */
export const groupStart = (group: readonly Segment[]) => Math.min(...group.map((seg) => seg.logical));

function extentOf(group: readonly Segment[], breakBefore: (logical: number) => boolean): Extent {
  let start: Extent["start"];
  let end: number | undefined;
  let drawn = 0;
  for (const seg of group) {
    let x = seg.x;
    for (const glyph of seg.glyphs) {
      if (!blank(glyph)) {
        start ??= { x, glyph, segment: seg, drawnFirst: drawn === 0 && glyph.xOffset === 0 && glyph.yOffset === 0 };
        end = x + glyph.xAdvance;
      }
      x += glyph.xAdvance;
      drawn++;
    }
  }
  return { ...(start ? { start } : {}), ...(end !== undefined ? { end } : {}), size: group[0]!.run.run.attributes.fontSize, wantsBreak: breakBefore(groupStart(group)) };
}

/** Whether PDF.js starts `next` with a break after `previous` was painted (undefined: not sure). */
function readsBreak(previous: Extent, next: Extent): boolean | undefined {
  if (previous.end === undefined || !next.start) return false;
  const gap = next.start.x - previous.end;
  const em = Math.max(previous.size, next.size);
  if (gap >= BREAK_GAP_EM * em) return true;
  if (gap <= JOIN_GAP_EM * em) return false;
  return undefined;
}

/** The end of the glyph painted last before the line (see `GlyphWriter.last`), with the line's baseline. */
export type Before = { x: number; y: number; size: number; baseline: number } | undefined;

/** Whether PDF.js starts the line's first painted sequence with a break: a line end, or a gap. */
function readsBreakAfter(before: Before, next: Extent): boolean | undefined {
  if (!before) return false; // the page's first text
  if (Math.abs(before.baseline - before.y) > Math.min(before.size, next.size)) return true;
  return readsBreak({ end: before.x, size: before.size, wantsBreak: false }, next);
}

/**
 * The painting plan of a line's tagged groups. `logicalChars` is the line's
 * text in logical order; `before` is where the last glyph painted before
 * the line ended.
 */
export function planSeparators<G extends readonly Segment[]>(groups: readonly G[], logicalChars: readonly string[], before: Before): PaintStep<G>[] {
  if (groups.length === 0) return [];
  const space = (i: number) => i >= 0 && /\s/u.test(logicalChars[i] ?? "");
  const breakBefore = (logical: number) => logical === 0 || space(logical) || space(logical - 1);
  const extents = groups.map((group) => extentOf(group, breakBefore));
  const byX = groups.map((_, i) => i).sort((a, b) => (extents[a]!.start?.x ?? Infinity) - (extents[b]!.start?.x ?? Infinity) || a - b);

  const plan = (first: number) => {
    const order = [first, ...byX.filter((i) => i !== first)];
    let misses = 0;
    // The last painted sequence with a glyph PDF.js compares with (white space it skips).
    let last: Extent | undefined;
    const steps = order.map((i): PaintStep<G> => {
      const want = extents[i]!.wantsBreak;
      const reads = last ? readsBreak(last, extents[i]!) : readsBreakAfter(before, extents[i]!);
      if (extents[i]!.end !== undefined) last = extents[i]!;
      if (reads === want) return { group: groups[i]! };
      const start = extents[i]!.start;
      if (!want && start?.drawnFirst) return { group: groups[i]!, join: { segment: start.segment, glyph: start.glyph, x: start.x } };
      misses++;
      return { group: groups[i]! };
    });
    return { steps, misses };
  };

  // The logically first sequence painted first is how PDF.js best finds the line's start; any other
  // sequence goes first only when that reads fewer breaks wrong.
  const candidates = groups.map((_, i) => i).sort((a, b) => groupStart(groups[a]!) - groupStart(groups[b]!));
  let best = plan(candidates[0]!);
  for (const first of candidates.slice(1)) {
    if (best.misses === 0) break;
    const tried = plan(first);
    if (tried.misses < best.misses) best = tried;
  }
  return best.steps;
}
