/**
 * Knuth and Plass's total-fit line breaking ("Breaking paragraphs into
 * lines", 1981), written for Pressroom: it finds the breaks that minimise
 * the paragraph's total demerits, where textkit's own breaker (7.0.1) has
 * fixed weights that let hyphens pile up. Two additions to the classic
 * algorithm: boxes may stretch (letter spacing, as a last resort), and no
 * more than `maxHyphensInARow` consecutive lines may end in a hyphen.
 */

export type Item =
  | { type: "box"; width: number; stretch: number; shrink: number }
  | { type: "glue"; width: number; stretch: number; shrink: number }
  | { type: "penalty"; width: number; penalty: number; flagged: boolean };

export type Options = {
  /** Line width, pt. */
  width: number;
  /** Largest adjustment ratio a line may have (1: all of its stretch). */
  tolerance: number;
  /** Badness added per unit of ratio past 1 (TeX has none; Pressroom's lines end short there). */
  overstretch: number;
  /**
   * How many "comfortable" stretches the items' stretch holds: badness is
   * TeX's, measured against the stretch a typesetter would like, while a
   * line stays feasible up to all of the stretch it has.
   */
  stretchScale: number;
  linePenalty: number;
  /** Added when two consecutive lines end in a hyphen (TeX's \doublehyphendemerits). */
  doubleHyphenDemerits: number;
  /** Added when neighbouring lines differ by more than one fitness class (TeX's \adjdemerits). */
  fitnessDemerits: number;
  maxHyphensInARow: number;
  /** A line must also fit with the space it ends at. */
  countEndingSpace?: boolean;
};

/** A penalty that forbids a break (and, negated, forces one). */
export const INFINITE_PENALTY = 10_000;

type Sums = { width: number; stretch: number; shrink: number };
type Active = { position: number; line: number; fitness: number; hyphens: number; totals: Sums; demerits: number; previous: Active | undefined };

/** What a line that runs past the measure costs: more than any line that fits. */
const OVERFULL_DEMERITS = 1e15;

const fitnessOf = (ratio: number) => (ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3);

/**
 * Indices of the items to break at (each a glue or a penalty; the final
 * forced break included), or `undefined` when no set of breaks keeps every
 * line within the tolerance.
 */
export function knuthPlass(items: readonly Item[], options: Options): number[] | undefined {
  const sums: Sums = { width: 0, stretch: 0, shrink: 0 };
  let active: Active[] = [{ position: 0, line: 0, fitness: 1, hyphens: 0, totals: { ...sums }, demerits: 0, previous: undefined }];

  /** Totals after a break at `index`: glue and penalties that follow it vanish at the line start. */
  const afterBreak = (index: number): Sums => {
    const totals = { ...sums };
    for (let i = index; i < items.length; i++) {
      const item = items[i]!;
      if (item.type === "box") break;
      if (item.type === "glue") {
        totals.width += item.width;
        totals.stretch += item.stretch;
        totals.shrink += item.shrink;
      } else if (item.penalty <= -INFINITE_PENALTY && i > index) break;
    }
    return totals;
  };

  const ratioOf = (a: Active, extra: number): number => {
    const length = sums.width - a.totals.width + extra;
    if (length < options.width) {
      const stretch = sums.stretch - a.totals.stretch;
      return stretch > 0 ? (options.width - length) / stretch : Infinity;
    }
    if (length > options.width) {
      const shrink = sums.shrink - a.totals.shrink;
      return shrink > 0 ? (options.width - length) / shrink : -Infinity;
    }
    return 0;
  };

  /** Whether the line also fits with `hang` (a space that ends it but is not shown) counted in. */
  const fitsWith = (a: Active, hang: Sums): boolean =>
    sums.width - a.totals.width + hang.width - (sums.shrink - a.totals.shrink + hang.shrink) <= options.width + 1e-9;

  const tryBreak = (index: number, penalty: number, flagged: boolean, extraWidth: number, hang?: Sums): void => {
    const forced = penalty <= -INFINITE_PENALTY;
    const candidates = new Map<string, Active>();
    const survivors: Active[] = [];
    for (const a of active) {
      const ratio = ratioOf(a, extraWidth);
      if (ratio < -1 || forced) {
        // Deactivated: this line is already too long (or the paragraph ends here).
      } else {
        survivors.push(a);
      }
      if (ratio < -1 || ratio > options.tolerance || (hang && !fitsWith(a, hang))) continue;
      const hyphens = flagged ? a.hyphens + 1 : 0;
      if (hyphens > options.maxHyphensInARow) continue;
      // Past a ratio of 1 a line needs more than its stretch: allowed only where nothing else fits.
      const badness = 100 * Math.abs(ratio * (ratio > 0 ? options.stretchScale : 1)) ** 3 + (ratio > 1 ? options.overstretch * (ratio - 1) : 0);
      let demerits = (options.linePenalty + badness) ** 2;
      if (penalty >= 0) demerits += penalty ** 2;
      else if (!forced) demerits -= penalty ** 2;
      if (flagged && a.hyphens > 0) demerits += options.doubleHyphenDemerits;
      const fitness = fitnessOf(ratio);
      if (Math.abs(fitness - a.fitness) > 1) demerits += options.fitnessDemerits;
      demerits += a.demerits;
      const key = `${fitness}:${hyphens}`;
      const best = candidates.get(key);
      if (!best || demerits < best.demerits) {
        candidates.set(key, { position: index, line: a.line + 1, fitness, hyphens, totals: { width: 0, stretch: 0, shrink: 0 }, demerits, previous: a });
      }
    }
    if (!survivors.length && !candidates.size && active.length) {
      // Every line from here would be too long (a word wider than the measure): as TeX does,
      // let the line from the best break so far run over, at a cost that rules it out elsewhere.
      const best = active.reduce((a, b) => (b.demerits < a.demerits ? b : a));
      candidates.set("overfull", { position: index, line: best.line + 1, fitness: 0, hyphens: 0, totals: best.totals, demerits: best.demerits + OVERFULL_DEMERITS, previous: best });
    }
    active = survivors;
    if (candidates.size) {
      const totals = afterBreak(index);
      for (const c of candidates.values()) active.push({ ...c, totals: { ...totals } });
    }
  };

  items.forEach((item, index) => {
    if (item.type === "box") {
      sums.width += item.width;
      sums.stretch += item.stretch;
      sums.shrink += item.shrink;
      return;
    }
    if (item.type === "glue") {
      // The space that ends a line stays at its end, shown or not: textkit counts it in (see plan.ts).
      if (index > 0 && items[index - 1]!.type === "box") tryBreak(index, 0, false, 0, options.countEndingSpace ? item : undefined);
      sums.width += item.width;
      sums.stretch += item.stretch;
      sums.shrink += item.shrink;
      return;
    }
    if (item.penalty < INFINITE_PENALTY) tryBreak(index, item.penalty, item.flagged, item.width);
  });

  const last = items.length - 1;
  const ends = active.filter((a) => a.position === last);
  if (!ends.length) return undefined;
  let best = ends[0]!;
  for (const a of ends) if (a.demerits < best.demerits) best = a;
  const breaks: number[] = [];
  for (let a: Active | undefined = best; a && a.position > 0; a = a.previous) breaks.push(a.position);
  return breaks.reverse();
}
