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
 *   font's space and never past 0.62 em (rivers), 0.58 em right to left
 *   (see `MAX_SPACE_EM_RTL`); past that a line in a script whose
 *   letters stand apart gets up to 0.06 em between letters (the line
 *   breaker plans for 0.025 em at most, and none right to left), Arabic
 *   gets kashidas of up to 0.09 em between joined letters, and a line that
 *   still falls short ends short at its end edge;
 * - the last line of a paragraph is set at its start edge: left, or right
 *   in a right-to-left paragraph;
 * - a line that textkit squeezed to fit (ragged text too) takes the squeeze
 *   from its word spaces only, never from the letters.
 */
import type { RunText } from "./logical.ts";
import type { FontkitFont } from "./tree.ts";

/** Widest a word space may grow, as a multiple of the font's own space… */
export const MAX_SPACE_STRETCH = 2.5;
/** …and in em… */
export const MAX_SPACE_EM = 0.62;
/**
 * …or, right to left, a little less where the line allows: PDF.js
 * (Firefox) ends a text item at a gap wider than 0.6 em and reads the items
 * of a line in visual order, so the words of a right-to-left line with a
 * wider space are read backwards. A right-to-left line that still falls
 * short gets letter spacing (Hebrew) or kashidas (Arabic) instead.
 */
export const MAX_SPACE_EM_RTL = 0.58;
/** Letter spacing a justified line may get, in em per letter gap, as the line breaker plans it… */
export const MAX_LETTER_EM = 0.025;
/**
 * …and when there is no other way to fill the line (the next word cannot
 * move up or break): a line that ends short in a justified column reads as
 * the end of a paragraph.
 */
export const EMERGENCY_LETTER_EM = 0.06;
/**
 * The longest kashida (an Arabic joining stroke drawn between two joined
 * letters) a justified line may get at each join, when its word spaces are
 * at their limit. Kept short: PDF.js reads a gap of 0.1 em inside a word as
 * a word break, and a kashida glyph is not text it reads.
 */
export const KASHIDA_EM = 0.09;
/**
 * Letter spacing a right-to-left line may get at last, when its spaces
 * (which stop at `MAX_SPACE_EM_RTL`) and kashidas are at their limits:
 * below the 0.1 em at which PDF.js reads a word break.
 */
export const RTL_LAST_LETTER_EM = 0.09;

/** Word spaces, and a forced newline that textkit left in a right-to-left line: both hang at a line's ends. */
const isSpaceGlyph = (codePoints: readonly number[]) => codePoints.length === 1 && (codePoints[0] === 0x20 || codePoints[0] === 0xa0 || codePoints[0] === 0x0a);

/**
 * `letterGap`: letter spacing may widen the glyph's advance. `kashida`: an
 * Arabic joining stroke may be drawn after the glyph (to its left: the
 * glyph is the left one of two joined letters), see `kashidaSlots`.
 */
type Slot = { run: number; glyph: number; natural: number; space: boolean; letterGap: boolean; kashida: boolean; size: number };

export type LineSpacing = {
  /** Each glyph's advance, per run (visual order, as the runs). */
  advances: number[][];
  /** The part of each advance that is a kashida drawn after the glyph (0 for most), per run. */
  kashidas: number[][];
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
        slots.push({ run: ri, glyph: g, natural, space, letterGap: false, kashida: false, size });
      } else {
        // Letter spacing only in scripts whose letters stand apart (Latin, Cyrillic, Greek, Hebrew…), never in Arabic.
        const joined = glyph.codePoints.some(isArabic);
        slots.push({ run: ri, glyph: g, natural: advance, space, letterGap: !joined && advance > 0, kashida: false, size });
      }
    });
    if (r.rtl) markKashidas(r, slots.slice(slots.length - r.run.glyphs.length));
  });
  return slots;
}

/** ARABIC TATWEEL, whose shape a kashida takes. */
const TATWEEL = 0x0640;

/** A font's tatweel as a bar, in em: from `bottom` to `top` above the baseline, reaching `left` and `right` past its ends. */
export type KashidaBar = { bottom: number; top: number; left: number; right: number };
const bars = new WeakMap<object, KashidaBar | null>();

/**
 * The bar a kashida is drawn as: the font's tatweel, when that is a plain
 * rectangle on the baseline (as in Vazirmatn); otherwise none, and the font
 * gets no kashidas. Drawn as a path, not as the tatweel glyph: a glyph
 * would be text, which PDF.js and copy and paste would read inside words.
 */
export function kashidaBar(font: FontkitFont): KashidaBar | undefined {
  let bar = bars.get(font);
  if (bar === undefined) {
    bar = null;
    if (font.hasGlyphForCodePoint(TATWEEL)) {
      const glyph = font.glyphForCodePoint(TATWEEL) as unknown as {
        advanceWidth: number; bbox: { minX: number; minY: number; maxX: number; maxY: number }; path: { commands: { command: string; args: number[] }[] };
      };
      const lines = glyph.path.commands.filter((c) => c.command === "lineTo" || c.command === "moveTo");
      const { minX, minY, maxX, maxY } = glyph.bbox;
      const rectangle = lines.length === 4 && lines.every((c) => (c.args[0] === minX || c.args[0] === maxX) && (c.args[1] === minY || c.args[1] === maxY));
      if (rectangle && maxY > minY && glyph.advanceWidth > 0) {
        const em = font.unitsPerEm;
        bar = { bottom: minY / em, top: maxY / em, left: Math.max(0, -minX) / em, right: Math.max(0, maxX - glyph.advanceWidth) / em };
      }
    }
    bars.set(font, bar);
  }
  return bar ?? undefined;
}
export const isArabic = (cp: number) => (cp >= 0x0620 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff);
/** Arabic letters that join only to the letter before them (Unicode joining type R), and the hamza (U). */
const RIGHT_JOINING = new Set([..."\u0622\u0623\u0624\u0625\u0627\u0629\u062f\u0630\u0631\u0632\u0648\u0649\u0671\u0688\u0691\u0698\u06c0\u06c3\u06c4\u06c5\u06c6\u06c7\u06c8\u06c9\u06ca\u06cb\u06cd\u06cf\u06d2\u06d3"].map((c) => c.codePointAt(0)!));
const NON_JOINING = new Set([0x0621, 0x0640]);
/** An Arabic letter (not a mark, digit or punctuation). */
const isArabicLetter = (cp: number) => isArabic(cp) && /\p{L}/u.test(String.fromCodePoint(cp)) && !NON_JOINING.has(cp);
const joinsForward = (cp: number) => isArabicLetter(cp) && !RIGHT_JOINING.has(cp);
/** Whether a kashida may join Arabic letter `cp` to the letter after it, `next` (logical order). */
export const kashidaBetween = (cp: number, next: number) => joinsForward(cp) && isArabicLetter(next);

/**
 * Where a kashida may go in a right-to-left run (glyphs in visual order):
 * between two letters of a word that join, i.e. after a glyph whose last
 * letter joins forward and before the logically next glyph with a letter,
 * marks in between being drawn with their letter. The slot that gets the
 * kashida is the left glyph of the pair (its advance grows).
 */
function markKashidas(r: RunText, slots: readonly Slot[]): void {
  const font = r.run.attributes.font[0];
  if (!font || !kashidaBar(font)) return;
  const glyphs = r.run.glyphs;
  for (let right = glyphs.length - 1; right > 0; right--) {
    const before = glyphs[right]!.codePoints;
    if (!before.length) continue;
    // The logically next glyph is to the left; zero-advance marks sit between.
    let left = right - 1;
    while (left >= 0 && slots[left]!.natural === 0) left--;
    if (left < 0) continue;
    const after = glyphs[left]!.codePoints;
    if (after.length && kashidaBetween(before[before.length - 1]!, after[0]!)) slots[left]!.kashida = true;
  }
}

/** Each glyph's own advance (kerning kept, textkit's squeeze taken out), per run. */
export function naturalAdvances(runs: readonly RunText[]): number[][] {
  const advances = runs.map((r) => r.run.glyphs.map(() => 0));
  for (const s of slotsOf(runs)) advances[s.run]![s.glyph] = s.natural;
  return advances;
}

/** The most a word space may be widened to, in points. */
export const spaceLimit = (natural: number, size: number, rtl = false) =>
  Math.max(natural, Math.min(natural * MAX_SPACE_STRETCH, size * (rtl ? MAX_SPACE_EM_RTL : MAX_SPACE_EM)));

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
  const kashida = new Map<Slot, number>();

  let slack = width - used;
  if (slack < 0 && spaces.length) {
    // Squeezed: from the word spaces only, none below half its width.
    const room = spaces.reduce((sum, s) => sum + s.natural / 2, 0);
    const take = Math.min(-slack, room);
    for (const s of spaces) advance.set(s, s.natural - (take * (s.natural / 2)) / room);
    slack += take;
  } else if (slack > 0 && options.justify) {
    slack = stretch(spaces, slack, advance, options.rtl);
    // Then letters that stand apart, then Arabic joins; right to left, where word spaces stop
    // early, the letters at last go a little further.
    const gaps = inner.slice(0, -1).filter((s, i) => s.letterGap && inner[i + 1]!.letterGap);
    if (slack > 0 && gaps.length) {
      const each = Math.min(slack / gaps.length, EMERGENCY_LETTER_EM * gaps[0]!.size);
      for (const s of gaps) advance.set(s, advance.get(s)! + each);
      slack -= each * gaps.length;
    }
    const joins = inner.filter((s) => s.kashida);
    if (slack > 0 && joins.length) {
      const each = Math.min(slack / joins.length, KASHIDA_EM * joins[0]!.size);
      for (const s of joins) {
        advance.set(s, advance.get(s)! + each);
        kashida.set(s, each);
      }
      slack -= each * joins.length;
    }
    if (slack > 0 && gaps.length && options.rtl) {
      const each = Math.min(slack / gaps.length, (RTL_LAST_LETTER_EM - EMERGENCY_LETTER_EM) * gaps[0]!.size);
      for (const s of gaps) advance.set(s, advance.get(s)! + each);
      slack -= each * gaps.length;
    }
  }

  const lead = slots.slice(0, first).reduce((sum, s) => sum + advance.get(s)!, 0);
  const body = inner.reduce((sum, s) => sum + advance.get(s)!, 0);
  // A line that does not fill the measure sits at the start edge.
  const start = (options.rtl ? width - body : 0) - lead;
  const advances = runs.map((r) => r.run.glyphs.map(() => 0));
  const kashidas = runs.map((r) => r.run.glyphs.map(() => 0));
  for (const s of slots) {
    advances[s.run]![s.glyph] = advance.get(s)!;
    kashidas[s.run]![s.glyph] = kashida.get(s) ?? 0;
  }
  return { advances, kashidas, start };
}

/** Widens the spaces evenly, each up to its limit; returns the slack left over. */
function stretch(spaces: readonly Slot[], slack: number, advance: Map<Slot, number>, rtl: boolean): number {
  const limitOf = (s: Slot) => spaceLimit(s.natural, s.size, rtl);
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
