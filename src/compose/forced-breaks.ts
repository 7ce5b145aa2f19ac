/**
 * The compose side of Pressroom's line breaking (src/layout/linebreak/):
 * where a justified paragraph may break inside a word and at what cost,
 * and, once the layout stage has chosen the breaks, the text that makes
 * textkit break exactly there.
 *
 * textkit starts a new paragraph after every "\n" and keeps it out of the
 * laid-out lines, so the chosen breaks become newlines: after a space that
 * ends a line, and before the rest of a word, with a "-" first where a
 * hyphen is drawn (between two letters). Nothing else may break: the text
 * gets no hyphenation callback and textkit's break penalty is infinite.
 * The render stage reads the paragraph's own text (`sourceText`), so the
 * newlines and added hyphens never reach the structure tree.
 */
import type { Hyphenate } from "../prepare/hyphenate.ts";
import { isLongAddress } from "./hyphenation.ts";

/** What a break inside a word costs: TeX's \hyphenpenalty and \exhyphenpenalty… */
export const HYPHEN_PENALTY = 50;
/** …and a name's, which only breaks when nothing else fits. */
export const NAME_PENALTY = 1000;

/** A place inside a word where a line may break: before code point `offset`, at a cost. */
export type BreakCandidate = [offset: number, penalty: number];

const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const LETTER = /[\p{L}\p{M}]/u;
const HARD_HYPHENS = new Set(["-", "\u2010"]);

/**
 * Break candidates of a paragraph: the pieces `hyphenate` cuts each
 * space-separated chunk into, and the place after a hard hyphen ("re-" +
 * "iterates"). `last` is never broken (no fragment alone on the last
 * line); chunks holding one of `names` cost NAME_PENALTY.
 */
export function breakCandidates(text: string, hyphenate: Hyphenate, names: ReadonlySet<string>): BreakCandidate[] {
  const chars = [...text];
  const out: BreakCandidate[] = [];
  let offset = 0;
  const chunks = text.split(" ");
  let lastWordChunk = chunks.length - 1;
  while (lastWordChunk > 0 && !LETTER.test(chunks[lastWordChunk]!)) lastWordChunk--;
  chunks.forEach((chunk, c) => {
    const length = [...chunk].length;
    // The last word stays whole; a long address at the end may still break where it can.
    if ((c !== lastWordChunk || isLongAddress(chunk)) && chunk !== "") {
      const named = [...chunk.matchAll(WORD)].some((m) => names.has(m[0]) || m[0].split(/['’ʼ]/u).some((part) => names.has(part)));
      const penalty = named ? NAME_PENALTY : HYPHEN_PENALTY;
      let at = offset;
      const pieces = hyphenate(chunk);
      for (const piece of pieces.slice(0, -1)) {
        at += [...piece].length;
        out.push([at, penalty]);
      }
      for (let k = 1; k < length - 1; k++) {
        const i = offset + k;
        if (HARD_HYPHENS.has(chars[i - 1]!) && LETTER.test(chars[i]!) && LETTER.test(chars[i - 2] ?? "")) out.push([i, penalty]);
      }
    }
    offset += length + 1;
  });
  const seen = new Set<number>();
  return out.filter(([at]) => (seen.has(at) ? false : (seen.add(at), true))).sort((a, b) => a[0] - b[0]);
}

/** A layout stage's plan: breaks after these spaces, and before these characters inside a word. */
export type ForcedBreaks = { spaces: readonly number[]; inside: readonly number[] };

/** A piece of rewritten text: text, or a forced line break. */
export type Piece = string | typeof NEWLINE;
/** A forced line break. It is set in its own tiny run (see inlines.tsx): textkit measures the newline as a .notdef glyph. */
export const NEWLINE: unique symbol = Symbol("newline");

/**
 * Rewrites a stretch of the paragraph's text that starts at code point
 * `start` so that textkit breaks only where `plan` says.
 */
export function forcingBreaks(plan: ForcedBreaks, paragraph: readonly string[]): (start: number, text: string) => Piece[] {
  const after = new Set(plan.spaces);
  const before = new Set(plan.inside);
  return (start, text) => {
    const out: Piece[] = [];
    let run = "";
    const flush = () => {
      if (run) out.push(run);
      run = "";
    };
    [...text].forEach((ch, k) => {
      const i = start + k;
      if (before.has(i)) {
        if (LETTER.test(paragraph[i - 1] ?? "") && LETTER.test(ch)) run += "-";
        flush();
        out.push(NEWLINE);
      }
      run += ch;
      if (after.has(i)) {
        flush();
        out.push(NEWLINE);
      }
    });
    flush();
    return out;
  };
}

/** No break at all, as textkit's own hyphenation callback would offer none. */
export const unbroken: Hyphenate = (word) => (typeof word === "string" && word !== "" ? [word] : []);
