/**
 * Where each glyph of a line goes across the line: Pressroom's own
 * justification.
 *
 * Justified paragraphs are laid out by textkit as start-aligned text (same
 * line breaks: the hyphen penalty is set to textkit's value for justified
 * text), and justified here, because textkit 7.0.1 justifies badly: once
 * word spaces have grown by 1 pt each it spaces out the letters, and it
 * gives half of every space's stretch to the glyph before the space.
 * Here:
 *
 * - only word spaces grow, each by the same amount, up to 2.5 times the
 *   font's space and never past 0.62 em (rivers); past that a line in a
 *   left-to-right script gets up to 0.06 em between letters (the line
 *   breaker plans for 0.025 em at most), and a line that still falls short
 *   ends short at its end edge;
 * - the last line of a paragraph is set at its start edge: left, or right
 *   in a right-to-left paragraph;
 * - a line that textkit squeezed to fit (ragged text too) takes the squeeze
 *   from its word spaces only, never from the letters.
 */
import type { RunText } from "./logical.ts";

/** Widest a word space may grow, as a multiple of the font's own space… */
export const MAX_SPACE_STRETCH = 2.5;
/** …and in em. */
export const MAX_SPACE_EM = 0.62;
/** Letter spacing a justified line may get, in em per letter gap, as the line breaker plans it… */
export const MAX_LETTER_EM = 0.025;
/**
 * …and when there is no other way to fill the line (the next word cannot
 * move up or break): a line that ends short in a justified column reads as
 * the end of a paragraph.
 */
export const EMERGENCY_LETTER_EM = 0.06;

/** Word spaces, and a forced newline that textkit left in a right-to-left line: both hang at a line's ends. */
const isSpaceGlyph = (codePoints: readonly number[]) => codePoints.length === 1 && (codePoints[0] === 0x20 || codePoints[0] === 0xa0 || codePoints[0] === 0x0a);

type Slot = { run: number; glyph: number; natural: number; space: boolean; letterGap: boolean; size: number };

export type LineSpacing = {
  /** Each glyph's advance, per run (visual order, as the runs). */
  advances: number[][];
  /** Where the first glyph starts, from the left edge of the text box. */
  start: number;
};

/** A glyph's own advance with letter spacing, before any justification. */
function naturalAdvance(r: RunText, g: number): number {
  const attrs = r.run.attributes as { fontSize: number; font: { unitsPerEm?: number }[]; characterSpacing?: number };
  const glyph = r.run.glyphs[g]!;
  return (glyph.advanceWidth * attrs.fontSize) / (attrs.font[0]?.unitsPerEm ?? 1000) + (attrs.characterSpacing ?? 0);
}

/**
 * The line's glyphs with textkit's own adjustment taken out. textkit only
 * adjusts a start-aligned line it had to squeeze, and then (as long as the
 * word spaces suffice) moves each space and the glyph before it by the same
 * amount; the space's own advance tells the amount.
 */
function slotsOf(runs: readonly RunText[]): Slot[] {
  const slots: Slot[] = [];
  const count = runs.reduce((n, r) => n + r.run.glyphs.length, 0);
  let lastMove = 0;
  runs.forEach((r, ri) => {
    const size = r.run.attributes.fontSize;
    r.run.glyphs.forEach((glyph, g) => {
      const advance = r.run.positions[g]!.xAdvance;
      const space = isSpaceGlyph(glyph.codePoints);
      if (space) {
        const natural = naturalAdvance(r, g);
        // The line's last glyph gets no share of its own: its move shows only on the glyph before.
        const moved = slots.length === count - 1 ? lastMove : advance - natural;
        if (Math.abs(moved) > 1e-6) lastMove = moved;
        const previous = slots[slots.length - 1];
        if (Math.abs(moved) > 1e-6 && previous && !previous.space) previous.natural -= moved;
        slots.push({ run: ri, glyph: g, natural, space, letterGap: false, size });
      } else {
        // Letter spacing only in scripts whose letters stand apart: not in joined right-to-left text.
        slots.push({ run: ri, glyph: g, natural: advance, space, letterGap: !r.rtl && advance > 0, size });
      }
    });
  });
  return slots;
}

/** Each glyph's own advance (kerning kept, textkit's squeeze taken out), per run. */
export function naturalAdvances(runs: readonly RunText[]): number[][] {
  const advances = runs.map((r) => r.run.glyphs.map(() => 0));
  for (const s of slotsOf(runs)) advances[s.run]![s.glyph] = s.natural;
  return advances;
}

/** The most a word space may be widened to, in points. */
export const spaceLimit = (natural: number, size: number) => Math.max(natural, Math.min(natural * MAX_SPACE_STRETCH, size * MAX_SPACE_EM));

/**
 * Advances for a line of `width` points available. `justify`: the line is
 * to fill the width (a justified paragraph's line other than its last);
 * `rtl`: the paragraph's start edge is the right one.
 */
export function spaceLine(runs: readonly RunText[], width: number, options: { justify: boolean; rtl: boolean }): LineSpacing {
  const slots = slotsOf(runs);
  // Spaces at either end hang outside the measure.
  let first = 0;
  while (first < slots.length && slots[first]!.space) first++;
  let last = slots.length - 1;
  while (last >= first && slots[last]!.space) last--;
  const inner = slots.slice(first, last + 1);
  const spaces = inner.filter((s) => s.space);
  const used = inner.reduce((sum, s) => sum + s.natural, 0);
  const advance = new Map<Slot, number>(slots.map((s) => [s, s.natural]));

  let slack = width - used;
  if (slack < 0 && spaces.length) {
    // Squeezed: from the word spaces only, none below half its width.
    const room = spaces.reduce((sum, s) => sum + s.natural / 2, 0);
    const take = Math.min(-slack, room);
    for (const s of spaces) advance.set(s, s.natural - (take * (s.natural / 2)) / room);
    slack += take;
  } else if (slack > 0 && options.justify) {
    slack = stretch(spaces, slack, advance);
    const gaps = inner.slice(0, -1).filter((s, i) => s.letterGap && inner[i + 1]!.letterGap);
    if (slack > 0 && gaps.length) {
      const each = Math.min(slack / gaps.length, EMERGENCY_LETTER_EM * gaps[0]!.size);
      for (const s of gaps) advance.set(s, advance.get(s)! + each);
      slack -= each * gaps.length;
    }
  }

  const lead = slots.slice(0, first).reduce((sum, s) => sum + advance.get(s)!, 0);
  const body = inner.reduce((sum, s) => sum + advance.get(s)!, 0);
  // A line that does not fill the measure sits at the start edge.
  const start = (options.rtl ? width - body : 0) - lead;
  const advances = runs.map((r) => r.run.glyphs.map(() => 0));
  for (const s of slots) advances[s.run]![s.glyph] = advance.get(s)!;
  return { advances, start };
}

/** Widens the spaces evenly, each up to its limit; returns the slack left over. */
function stretch(spaces: readonly Slot[], slack: number, advance: Map<Slot, number>): number {
  let open = spaces.filter((s) => limitOf(s) > s.natural);
  while (slack > 1e-6 && open.length) {
    const each = slack / open.length;
    const next: Slot[] = [];
    for (const s of open) {
      const grown = Math.min(advance.get(s)! + each, limitOf(s));
      slack -= grown - advance.get(s)!;
      advance.set(s, grown);
      if (grown < limitOf(s) - 1e-9) next.push(s);
    }
    if (next.length === open.length) break;
    open = next;
  }
  return Math.max(0, slack);
}

const limitOf = (s: Slot) => spaceLimit(s.natural, s.size);
