/**
 * How a paragraph may break into lines, as react-pdf props: the
 * hyphenation callback, textkit's break penalty, the break candidates the
 * layout stage's line breaker weighs, and, once that has chosen the
 * breaks, the rewrite that makes textkit keep to them.
 */
import { useMemo } from "react";
import type { PreparedRelease } from "../model/prepared.ts";
import type { Inline } from "../model/release.ts";
import type { Hyphenate } from "../prepare/hyphenate.ts";
import { breakCandidates, forcingBreaks, unbroken, type BreakCandidate, type ForcedBreaks, type Piece } from "./forced-breaks.ts";
import { paragraphHyphenator, withAddressBreaks } from "./hyphenation.ts";
import { keepingWhole, releaseNames, wordsKeptWhole } from "./keep-whole.ts";

/**
 * textkit 7.0.1 puts a hyphenation penalty between two pieces of a word in
 * different runs too (a number and the Arabic comma after it, an italic
 * stem and its plain ending) and may break the line there. A penalty of
 * 10 000 (its "infinity") is never a break. Text with no hyphenation point
 * of its own gets that penalty, so it breaks at spaces only.
 */
export const NO_BREAK = 10_000;
/** textkit's own hyphen penalty for justified text: justified text is laid out start-aligned, but breaks alike. */
const JUSTIFIED_HYPHEN_PENALTY = 100;

export const noHyphenation: Hyphenate = (word) => [word];

export type Breaking = {
  hyphenationCallback: Hyphenate;
  hyphenationPenalty?: number;
  /** For the line breaker (src/layout/linebreak/): where the paragraph may break inside a word. */
  breakCandidates?: BreakCandidate[];
  /** The text react-pdf is given, by code point offset in the paragraph (see forced-breaks.ts). */
  rewrite?: (start: number, text: string) => Piece[];
};

function breakPenalty(hyphenation: Hyphenate, text: string): number | undefined {
  return text.split(/ +/).some((chunk) => chunk !== "" && hyphenation(chunk).length > 1) ? undefined : NO_BREAK;
}

/**
 * `text` is the paragraph's whole text (dateline included); `plan` the
 * breaks the layout stage chose for it, if any.
 */
export function useBreaking(prepared: PreparedRelease, inlines: readonly Inline[], text: string, options: { hyphenate: boolean; justify: boolean; plan?: ForcedBreaks }): Breaking {
  const { hyphenate, justify, plan } = options;
  return useMemo((): Breaking => {
    if (plan) return { hyphenationCallback: unbroken, hyphenationPenalty: NO_BREAK, rewrite: forcingBreaks(plan, [...text]) };
    const kept = wordsKeptWhole(text, prepared.lang, releaseNames(prepared.release.meta));
    // Language spans are hyphenated with their own language's patterns.
    const full = withAddressBreaks(hyphenate ? paragraphHyphenator(prepared.lang, inlines, prepared.hyphenate) : noHyphenation);
    const callback = withAddressBreaks(hyphenate ? keepingWhole(paragraphHyphenator(prepared.lang, inlines, prepared.hyphenate), kept.all) : noHyphenation);
    return {
      hyphenationCallback: callback,
      hyphenationPenalty: breakPenalty(callback, text) ?? (justify ? JUSTIFIED_HYPHEN_PENALTY : undefined),
      ...(justify ? { breakCandidates: breakCandidates(text, full, kept.names) } : {}),
    };
  }, [prepared, inlines, text, hyphenate, justify, plan]);
}
