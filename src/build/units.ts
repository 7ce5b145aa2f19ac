/**
 * Work units: one output each, a release's language in one layout. The
 * orchestrator hashes each unit's inputs (unit-hash.ts), skips the ones
 * whose hash has not changed, and hands the rest to the pool.
 */
import { availableParallelism } from "node:os";
import type { SourceFile } from "../model/release.ts";

/** Worker threads when none are asked for: one per core. */
export const defaultJobs = () => Math.max(1, availableParallelism());

export type Unit = {
  /** `<slug>/<lang>/<layout>.pdf`, relative to the output folder. */
  file: string;
  source: SourceFile;
  layout: string;
};

/** `i` of `n` (1-based): which share of the units this run builds. */
export type Shard = { index: number; count: number };

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every unit, in a stable order: by slug, language, then layout. */
export function planUnits(sources: readonly SourceFile[], layouts: readonly string[]): Unit[] {
  const units = sources.flatMap((source) =>
    layouts.map((layout) => ({ file: [source.slug, source.lang, `${layout}.pdf`].join("/"), source, layout })));
  return units.sort((a, b) => byCodeUnit(a.file, b.file));
}

/**
 * The units of one shard: every `count`-th unit of the stable order,
 * starting at `index`. The shards of one plan are disjoint, cover it
 * together, and differ in size by one unit at most.
 */
export function shardUnits(units: readonly Unit[], shard: Shard | undefined): Unit[] {
  if (!shard) return [...units];
  return units.filter((_, i) => i % shard.count === shard.index - 1);
}

/** Parses "2/3" into a shard; `undefined` when it is not `i/n` with 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]), count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}
