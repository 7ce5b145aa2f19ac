/**
 * Balanced headlines: a headline that breaks into several lines gets the
 * narrowest measure that keeps the same number of lines, so its lines are of
 * similar length instead of a long line and a lone word.
 */
import type { Line } from "./tree.ts";

/** Word widths and the width of a space, read from laid-out lines (left-aligned, not justified). */
function words(lines: readonly Line[]): { widths: number[]; space: number } {
  const widths: number[] = [];
  let space = 0;
  for (const line of lines) {
    let current = 0;
    for (const run of line.runs) {
      run.glyphs.forEach((g, i) => {
        const advance = run.positions[i]!.xAdvance;
        if (g.codePoints.length === 1 && g.codePoints[0] === 0x20) {
          space = Math.max(space, advance);
          if (current > 0) widths.push(current);
          current = 0;
        } else {
          current += advance;
        }
      });
    }
    if (current > 0) widths.push(current);
  }
  return { widths, space };
}

function linesAt(width: number, widths: readonly number[], space: number): number {
  let lines = 1, used = 0;
  for (const w of widths) {
    if (used === 0) used = w;
    else if (used + space + w <= width) used += space + w;
    else { lines++; used = w; }
  }
  return lines;
}

/**
 * The measure that balances the headline's lines, or `undefined` when it
 * already fits on one line or is balanced enough (last line ≥ 70 % of the
 * longest).
 */
export function balancedMeasure(lines: readonly Line[], measure: number): number | undefined {
  if (lines.length < 2) return undefined;
  const lengths = lines.map((l) => l.runs.reduce((sum, r) => sum + r.xAdvance, 0));
  if (lengths[lengths.length - 1]! >= 0.7 * Math.max(...lengths)) return undefined;
  const { widths, space } = words(lines);
  const count = linesAt(measure, widths, space);
  let lo = Math.max(...widths), hi = measure;
  if (linesAt(lo, widths, space) > count) {
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (linesAt(mid, widths, space) <= count) hi = mid; else lo = mid;
    }
  } else {
    hi = lo;
  }
  // A little slack: react-pdf's line breaker is not greedy.
  return Math.min(measure, hi * 1.05 + space);
}
