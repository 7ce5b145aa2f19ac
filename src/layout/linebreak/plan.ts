/**
 * Line breaks for justified paragraphs, chosen by Pressroom.
 *
 * textkit 7.0.1 breaks lines with Knuth–Plass, but with weights no layout
 * can set: a hyphen costs as much as a badly spaced line, consecutive
 * hyphens cost almost nothing extra (so hyphen "ladders" are common), and a
 * line may need more stretch than the render stage gives it without
 * spacing out letters. So the body is laid out once, each justified
 * paragraph is measured (measure.ts) and broken here with the stretch the
 * render stage really has (src/layout/spacing.ts), TeX's weights, at most
 * two hyphenated lines in a row, and names hyphenated only when nothing
 * else fits. The body is then laid out again with only the chosen breaks
 * open to textkit (src/compose/forced-breaks.ts).
 */
import { INFINITE_PENALTY, knuthPlass, type Item, type Options } from "./knuth-plass.ts";
import { measureParagraph, type ParagraphMetrics } from "./measure.ts";
import { isArabic, kashidaBetween, KASHIDA_EM, MAX_LETTER_EM, spaceLimit } from "../spacing.ts";
import { sourceTextOf, type LayoutNode } from "../tree.ts";

/** Where a paragraph breaks: after which spaces, and before which characters inside a word. */
export type LineBreakPlan = ForcedBreaks;

import type { BreakCandidate, ForcedBreaks } from "../../compose/forced-breaks.ts";

const LETTER = /[\p{L}\p{M}]/u;
const HARD_HYPHENS = new Set(["-", "\u2010"]);

const OPTIONS: Omit<Options, "width" | "tolerance" | "overstretch" | "stretchScale"> = {
  linePenalty: 10,
  doubleHyphenDemerits: 3000,
  fitnessDemerits: 3000,
  maxHyphensInARow: 2,
  // A forced break keeps the space before it on the line: textkit sees it when it lays the line out.
  countEndingSpace: true,
};

/**
 * Lines may need up to ten times their stretch, at a steep cost past all of
 * it: a paragraph with one line that cannot be filled keeps every other
 * line within its stretch.
 */
const TOLERANCES = [10];
const OVERSTRETCH = 100_000;
/** A word space may grow to 2.5 times its width, but 1.5 times is what TeX would call comfortable (ratio 1). */
const STRETCH_SCALE = 3;

function itemsOf(source: readonly string[], m: ParagraphMetrics, candidates: ReadonlyMap<number, number>, squeeze: boolean): { items: Item[]; offsets: number[] } {
  const items: Item[] = [];
  const offsets: number[] = [];
  const push = (item: Item, offset: number) => {
    items.push(item);
    offsets.push(offset);
  };
  source.forEach((ch, i) => {
    const width = m.width[i]!;
    const size = m.size[i]!;
    const penalty = candidates.get(i);
    if (penalty !== undefined && i > 0) {
      // A hyphen is drawn only between two letters (src/render/text.ts).
      const hyphen = LETTER.test(source[i - 1]!) && LETTER.test(ch);
      push({ type: "penalty", width: hyphen ? m.hyphen : 0, penalty, flagged: hyphen || HARD_HYPHENS.has(source[i - 1]!) }, i);
    }
    if (ch === " ") {
      // textkit lets a space shrink by a third: a planned line must fit its idea of a line too.
      push({ type: "glue", width, stretch: spaceLimit(width, size, m.rtl) - width, shrink: squeeze ? width / 3 : 0 }, i);
    } else if (ch === "\u00a0") {
      // A no-break space stretches like any word space, but never breaks.
      push({ type: "box", width, stretch: spaceLimit(width, size, m.rtl) - width, shrink: 0 }, i);
    } else {
      push({ type: "box", width, stretch: letterStretch(ch, source[i + 1]) * size, shrink: 0 }, i);
    }
  });
  push({ type: "glue", width: 0, stretch: 1e9, shrink: 0 }, source.length);
  push({ type: "penalty", width: 0, penalty: -INFINITE_PENALTY, flagged: false }, source.length);
  return { items, offsets };
}

/**
 * How far the render stage may widen a letter, in em, as the line breaker
 * plans it: letter spacing in scripts whose letters stand apart, a kashida
 * (at two thirds of its longest) where an Arabic letter joins the next.
 */
function letterStretch(ch: string, next: string | undefined): number {
  const cp = ch.codePointAt(0)!;
  if (next !== undefined && kashidaBetween(cp, next.codePointAt(0)!)) return (KASHIDA_EM * 2) / 3;
  return LETTER.test(ch) && !isArabic(cp) ? MAX_LETTER_EM : 0;
}

/**
 * The plan for one laid-out justified paragraph, or `undefined` to keep
 * textkit's breaks. `squeeze: false` plans no line that needs its spaces
 * narrowed (for a paragraph whose squeezed line textkit did not keep).
 */
export function planParagraph(node: LayoutNode, squeeze = true): LineBreakPlan | undefined {
  const source = [...((node.props?.sourceText as string | undefined) ?? sourceTextOf(node))];
  const metrics = measureParagraph(node, source);
  if (!metrics || !node.box) return undefined;
  const width = node.box.width - (node.box.paddingLeft ?? 0) - (node.box.paddingRight ?? 0);
  // A right-to-left paragraph is not hyphenated: a hyphen forced into a word of an embedded
  // left-to-right phrase would be ordered to the far end of the line by the bidi algorithm. It
  // breaks at spaces, and inside an address where no hyphen is drawn (after "/", before ".").
  const all = (node.props?.breakCandidates as BreakCandidate[] | undefined) ?? [];
  const candidates = new Map(metrics.rtl ? all.filter(([at]) => !(LETTER.test(source[at - 1] ?? "") && LETTER.test(source[at] ?? ""))) : all);
  const { items, offsets } = itemsOf(source, metrics, candidates, squeeze);
  for (const tolerance of TOLERANCES) {
    const breaks = knuthPlass(items, { ...OPTIONS, width, tolerance, overstretch: OVERSTRETCH, stretchScale: STRETCH_SCALE });
    if (!breaks) continue;
    const spaces: number[] = [];
    const inside: number[] = [];
    for (const b of breaks.slice(0, -1)) (items[b]!.type === "glue" ? spaces : inside).push(offsets[b]!);
    return { spaces, inside };
  }
  return undefined;
}

/**
 * Plans for every justified paragraph of a laid-out flow, by `paragraphKey`;
 * the paragraphs in `unsqueezed` are planned without narrowed spaces.
 */
export function planFlow(nodes: readonly LayoutNode[], unsqueezed: ReadonlySet<string> = new Set(), out = new Map<string, LineBreakPlan>()): Map<string, LineBreakPlan> {
  for (const node of nodes) {
    const key = node.props?.paragraphKey;
    if (node.type === "TEXT" && key && node.props?.justify && node.lines && node.lines.length > 1) {
      const plan = planParagraph(node, !unsqueezed.has(key));
      if (plan) out.set(key, plan);
    }
    if (node.children) planFlow(node.children, unsqueezed, out);
  }
  return out;
}

/**
 * The paragraphs of a flow laid out with `plans` whose lines are not the
 * planned ones: textkit measures a little differently, and where a planned
 * line needed its spaces narrowed it may not fit, so textkit moves the
 * line's last word down and the forced break leaves it alone on a line.
 */
export function unkeptPlans(nodes: readonly LayoutNode[], plans: ReadonlyMap<string, LineBreakPlan>, out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    const key = node.props?.paragraphKey;
    const plan = key ? plans.get(key) : undefined;
    if (node.type === "TEXT" && key && plan && (node.lines?.length ?? 0) !== plan.spaces.length + plan.inside.length + 1) out.add(key);
    if (node.children) unkeptPlans(node.children, plans, out);
  }
  return out;
}
