/**
 * Whole-process time, side by side: the one-language releases of
 * test/fixtures/releases/ built by `node bin/pressroom.js build … -l handout-a4`
 * (A) and compiled by a Node process running the Typst compiler (B), in
 * alternation A B A B … so that machine noise hits both alike.
 *
 * Constraints:
 * - Every Pressroom run builds a fresh copy of the content into a fresh
 *   empty output folder (runPressroom): nothing from an earlier run (an
 *   incremental cache, old PDFs) can be reused.
 * - The Typst sources are written before timing starts (from Pressroom's
 *   parse and prepare), so B times what a Typst user's build does: start,
 *   load the compiler and fonts, compile, write PDF/UA-1 files. B does not
 *   read its PDFs back to check them; A does (every Pressroom build does).
 * - One untimed round of each first (file cache, lazy binaries); it is
 *   printed, not counted.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { heading, mb, median, ratio, s, table } from "../report.ts";
import { loadSamples, writeTypstSources } from "../typst/corpus.ts";
import { freshDir, repoRoot, runPressroom, runTypst, type ChildRun } from "./run.ts";

const FIXTURES = "test/fixtures/releases";

export type SideBySide = { releases: number; pressroom: ChildRun[]; typst: ChildRun[] };

export async function sideBySide(rounds: number, log: (line: string) => void): Promise<SideBySide> {
  const contentDir = path.join(repoRoot, FIXTURES);
  const samples = await loadSamples([contentDir]);
  const typDir = freshDir("bench-typ-");
  const typFiles = writeTypstSources(samples, typDir);

  log(heading(`Whole process, side by side: ${samples.length} releases of ${FIXTURES}/ (${samples.map((x) => x.prepared.lang).join(", ")}), A4 handout, ${rounds} rounds`));
  const warmA = await runPressroom(contentDir);
  const warmB = await runTypst(typFiles);
  log(`untimed first round: pressroom ${s(warmA.ms)} s (${sum(warmA.pages)} pages), typst ${s(warmB.ms)} s (${sum(warmB.pages)} pages)`);

  const result: SideBySide = { releases: samples.length, pressroom: [], typst: [] };
  for (let i = 0; i < rounds; i++) {
    const a = await runPressroom(contentDir);
    const b = await runTypst(typFiles);
    result.pressroom.push(a);
    result.typst.push(b);
    log(`  round ${i + 1}: pressroom ${s(a.ms)} s, typst ${s(b.ms)} s`);
  }
  rmSync(typDir, { recursive: true, force: true });
  printSideBySide(result, warmA.pages, warmB.pages, log);
  return result;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function printSideBySide(r: SideBySide, pagesA: number[], pagesB: number[], log: (line: string) => void): void {
  const row = (name: string, runs: ChildRun[], pages: number[]) => {
    const times = runs.map((x) => x.ms);
    const of = (f: (x: ChildRun) => number | undefined) => median(runs.flatMap((x) => f(x) ?? []));
    return [name, String(sum(pages)), s(median(times)), s(Math.min(...times)), s(Math.max(...times)), s(of((x) => x.cpuMs)), mb(of((x) => x.peakMb))];
  };
  log("");
  log(table(
    ["whole process", "pages", "median s", "min s", "max s", "CPU s", "peak RSS MB"],
    [row("pressroom build", r.pressroom, pagesA), row("typst (node + compiler)", r.typst, pagesB)],
  ));
  const a = median(r.pressroom.map((x) => x.ms));
  const b = median(r.typst.map((x) => x.ms));
  // CPU time moves less than wall time when other processes share the CPUs.
  const cpu = (runs: ChildRun[]) => median(runs.flatMap((x) => x.cpuMs ?? []));
  log(`pressroom / typst (medians): ${ratio(a, b)} wall, ${ratio(cpu(r.pressroom), cpu(r.typst))} CPU; per release: pressroom ${s(a / r.releases)} s, typst ${s(b / r.releases)} s`);
}
