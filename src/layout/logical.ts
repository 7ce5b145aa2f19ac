/**
 * From a laid-out line (runs in visual order, odd-level runs reversed and
 * mirrored) back to logical text, and from there to the source characters
 * each glyph stands for.
 */
import bidiModule from "bidi-js";
import type { Line, Run } from "./tree.ts";

// bidi-js is CommonJS: its default import is the factory itself, whatever its typings say.
const bidi = (bidiModule as unknown as () => { getMirroredCharacter(ch: string): string | null })();

/** What line breaking inserts at a line end: a hyphen, or an ellipsis where text is cut. */
const INSERTABLE = new Set(["-", "\u2026"]);

/** A run with its text in visual and in logical order. */
export type RunText = {
  run: Run;
  /** The run's characters as drawn (code points). */
  visual: string[];
  /** Offset of the run's first logical character in the line's logical text. */
  logicalStart: number;
  rtl: boolean;
};

const unmirror = (ch: string): string => bidi.getMirroredCharacter(ch) ?? ch;

/** UAX #9 rule L2 on a sequence of levels; it is its own inverse. */
export function reorderByLevels<T>(items: readonly T[], level: (item: T) => number): T[] {
  const out = [...items];
  const levels = out.map(level);
  const max = Math.max(0, ...levels);
  const minOdd = Math.min(...levels.filter((l) => l % 2 === 1), max + 1);
  for (let l = max; l >= minOdd; l--) {
    for (let i = 0; i < out.length; ) {
      if (levels[i]! < l) { i++; continue; }
      let j = i;
      while (j < out.length && levels[j]! >= l) j++;
      reverseRange(out, i, j);
      reverseRange(levels, i, j);
      i = j;
    }
  }
  return out;
}

function reverseRange<T>(a: T[], from: number, to: number): void {
  for (let i = from, j = to - 1; i < j; i++, j--) [a[i], a[j]] = [a[j]!, a[i]!];
}

/**
 * The line's runs with their logical offsets, the line's logical text, and
 * which of its characters layout inserted (a hyphen at a break, an ellipsis):
 * their glyph positions have no `advanceWidth` (layout-tree reference §3).
 */
export function logicalLine(line: Line): { runs: RunText[]; text: string[]; inserted: Set<number> } {
  const runs: RunText[] = line.runs.map((run) => ({
    run,
    visual: [...line.string.slice(run.start, run.end)],
    logicalStart: 0,
    rtl: (run.attributes.bidiLevel ?? 0) % 2 === 1,
  }));
  const text: string[] = [];
  for (const r of reorderByLevels(runs, (x) => x.run.attributes.bidiLevel ?? 0)) {
    r.logicalStart = text.length;
    text.push(...(r.rtl ? [...r.visual].reverse().map(unmirror) : r.visual));
  }
  // Only the line's logically last character can have been inserted: a glyph that
  // textkit re-made when a break fell inside a ligature ("bezif-" + "fert" from
  // "ff") lacks `advanceWidth` too, but stands for source text.
  const inserted = new Set<number>();
  for (const r of runs) {
    r.run.positions.forEach((p, g) => {
      if ("advanceWidth" in p) return;
      const [from, to] = glyphRange(r, g);
      if (to === text.length && to - from === 1 && INSERTABLE.has(text[from]!)) inserted.add(from);
    });
  }
  return { runs, text, inserted };
}

/** Logical character range [from, to) of the line that glyph `g` of a run covers. */
export function glyphRange(r: RunText, g: number): [number, number] {
  const k0 = r.run.glyphIndices[g] ?? 0;
  let k1 = r.visual.length;
  for (let h = g + 1; h < r.run.glyphs.length; h++) {
    const next = r.run.glyphIndices[h] ?? k1;
    if (next > k0) { k1 = next; break; }
  }
  if (g + 1 < r.run.glyphs.length && (r.run.glyphIndices[g + 1] ?? k1) === k0) k1 = k0; // a mark sharing its base's character
  return r.rtl
    ? [r.logicalStart + r.visual.length - k1, r.logicalStart + r.visual.length - k0]
    : [r.logicalStart + k0, r.logicalStart + k1];
}

/**
 * Aligns a line's logical text with the source from `cursor` on. Returns, per
 * line character, its index in the source or -1 where layout inserted it (a
 * hyphen at a hyphenation break, an ellipsis: `inserted`, or a final "-" or
 * "…" the source lacks); soft hyphens in the source, which layout drops, are
 * skipped. `undefined` when the two disagree.
 */
export function alignWithSource(
  line: readonly string[], source: readonly string[], cursor: number, inserted: ReadonlySet<number> = new Set(),
): { map: number[]; next: number } | undefined {
  const map: number[] = [];
  let j = cursor;
  let end = line.length - 1;
  while (end > 0 && line[end] === "\n") end--;
  for (let i = 0; i < line.length; i++) {
    while (source[j] === "\u00ad" && line[i] !== "\u00ad") j++;
    // A forced line break (src/compose/forced-breaks.ts): textkit keeps it in right-to-left lines.
    if (line[i] === "\n" && source[j] !== "\n") {
      map.push(-1);
      continue;
    }
    if (inserted.has(i)) {
      map.push(-1);
    } else if (source[j] === line[i]) {
      map.push(j++);
    } else if (i === end && (line[i] === "-" || line[i] === "\u2026")) {
      map.push(-1);
    } else {
      return undefined;
    }
  }
  return { map, next: j };
}
