/**
 * Work units: one output each, a release's language in one edition: a PDF
 * layout, or the press e-mail (`release.eml`), which attaches a handout PDF
 * and so comes after it. The orchestrator hashes each unit's inputs
 * (unit-hash.ts), skips the ones whose hash has not changed, and hands the
 * rest to the pool.
 */
import { availableParallelism } from "node:os";
import type { SourceFile } from "../model/release.ts";

/**
 * Worker threads when none are asked for: one per core on machines with 3
 * cores or more; on 1 or 2 cores none, the build runs in the calling thread.
 * Each worker loads the modules and fonts and warms up on its own, and the
 * collector's threads need a core: on 2 cores, 40 outputs took 5.0 s in
 * the calling thread, 6.1 s on one worker and 6.8 s on two (347, 358 and
 * 512 MB peak RSS).
 */
export const defaultJobs = (cores = availableParallelism()) => (cores <= 2 ? 0 : cores);

/** The edition id of the press e-mail; every other edition is a layout in `layouts/`. */
export const EMAIL = "email";
/** Its file name in `<slug>/<lang>/`. */
export const EMAIL_FILE = "release.eml";

export type Unit = {
  /** `<slug>/<lang>/<layout>.pdf` (or `release.eml`), relative to the output folder. */
  file: string;
  source: SourceFile;
  /** A layout id, or EMAIL. */
  layout: string;
  /** For the e-mail: the file of the handout unit it attaches. */
  attach?: string;
};

/**
 * The handout the e-mail attaches: the A4 one, unless the editions have the
 * US Letter handout and not the A4 one (a release set up for Letter).
 */
export function attachedLayout(editions: readonly string[]): string {
  return !editions.includes("handout-a4") && editions.includes("handout-letter") ? "handout-letter" : "handout-a4";
}

/** An edition's file, relative to the output folder: `<slug>/<lang>/<layout>.pdf`, or `<slug>/<lang>/release.eml`. */
export function outputFile(slug: string, lang: string, edition: string): string {
  return [slug, lang, edition === EMAIL ? EMAIL_FILE : `${edition}.pdf`].join("/");
}

/** `i` of `n` (1-based): which share of the units this run builds. */
export type Shard = { index: number; count: number };

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every unit, in a stable order: by slug, language, then file name. With
 * the e-mail among the editions, its handout is built too, even when it is
 * not among them (the message attaches it).
 */
export function planUnits(sources: readonly SourceFile[], editions: readonly string[]): Unit[] {
  const email = editions.includes(EMAIL);
  const layouts = editions.filter((e) => e !== EMAIL);
  const attach = attachedLayout(layouts);
  if (email && !layouts.includes(attach)) layouts.push(attach);
  const units = sources.flatMap((source) => {
    const file = (edition: string) => outputFile(source.slug, source.lang, edition);
    const pdfs: Unit[] = layouts.map((layout) => ({ file: file(layout), source, layout }));
    return email ? [...pdfs, { file: file(EMAIL), source, layout: EMAIL, attach: file(attach) }] : pdfs;
  });
  return units.sort((a, b) => byCodeUnit(a.file, b.file));
}

/**
 * The units of one shard: every `count`-th PDF unit of the stable order,
 * starting at `index`, and the e-mails whose handout is among them. The
 * shards of one plan are disjoint, cover it together, and differ in size by
 * one PDF at most.
 */
export function shardUnits(units: readonly Unit[], shard: Shard | undefined): Unit[] {
  if (!shard) return [...units];
  const mine = new Set(units.filter((u) => !u.attach).filter((_, i) => i % shard.count === shard.index - 1).map((u) => u.file));
  return units.filter((u) => mine.has(u.attach ?? u.file));
}

/** Parses "2/3" into a shard; `undefined` when it is not `i/n` with 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]), count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}
