/**
 * Scaling: one generated release of about 10, 100 (and 1000) A4 handout
 * pages, built whole-process by Pressroom (`-l handout-a4`, fresh folders)
 * and by the Typst child, with each child's peak RSS. Prints time per page
 * and the marginal cost per page between sizes, which is flat when the cost
 * is linear in length.
 *
 * Sizes come from BENCH_SCALE (default "10,100"): the 1000-page Pressroom
 * build takes minutes, so it runs only when asked for. Each size runs
 * BENCH_SCALE_ROUNDS times (default 1), alternating the two tools.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freshDir, runPressroom, runTypst, type ChildRun } from "../process/run.ts";
import { heading, mb, median, ms, ratio, s, table } from "../report.ts";
import { loadSamples, writeTypstSources } from "../typst/corpus.ts";
import { generateLongRelease } from "./generate.ts";

type Side = { ms: number; cpuMs?: number; peakMb?: number; pages: number };
export type ScaleRow = { target: number; words: number; pressroom: Side; typst: Side };

function summarise(runs: (ChildRun & { pages: number[] })[]): Side {
  const peaks = runs.flatMap((r) => r.peakMb ?? []);
  const cpu = runs.flatMap((r) => r.cpuMs ?? []);
  return {
    ms: median(runs.map((r) => r.ms)), pages: runs[0]?.pages[0] ?? 0,
    ...(peaks.length ? { peakMb: Math.max(...peaks) } : {}), ...(cpu.length ? { cpuMs: median(cpu) } : {}),
  };
}

async function scaleOne(target: number, rounds: number, log: (line: string) => void): Promise<ScaleRow> {
  const contentDir = freshDir(`bench-scale-${target}-`);
  const markdown = generateLongRelease(target);
  mkdirSync(path.join(contentDir, `long-${target}`));
  writeFileSync(path.join(contentDir, `long-${target}`, "en.md"), markdown);
  const typDir = freshDir("bench-scale-typ-");
  const typFiles = writeTypstSources(await loadSamples([contentDir]), typDir);
  const a: (ChildRun & { pages: number[] })[] = [];
  const b: (ChildRun & { pages: number[] })[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await runPressroom(contentDir));
    b.push(await runTypst(typFiles));
    log(`  ~${target} pages, round ${i + 1}: pressroom ${s(a.at(-1)!.ms)} s (${a.at(-1)!.pages[0]} pages), typst ${s(b.at(-1)!.ms)} s (${b.at(-1)!.pages[0]} pages)`);
  }
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(typDir, { recursive: true, force: true });
  const words = markdown.split(/\s+/).length;
  return { target, words, pressroom: summarise(a), typst: summarise(b) };
}

export function scaleSizes(env = process.env.BENCH_SCALE): number[] {
  return (env ?? "10,100").split(",").map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && n > 0);
}

export async function scaling(sizes: readonly number[], rounds: number, log: (line: string) => void): Promise<ScaleRow[]> {
  log(heading(`Scaling: one long release of about ${sizes.join(" / ")} A4 handout pages, whole process, ${rounds} round${rounds === 1 ? "" : "s"} each`));
  if (!sizes.includes(1000)) log("(1000 pages skipped: the Pressroom build takes minutes; run with BENCH_SCALE=10,100,1000 for the full table)");
  const rows: ScaleRow[] = [];
  for (const n of sizes) rows.push(await scaleOne(n, rounds, log));
  printScaling(rows, log);
  return rows;
}

function printScaling(rows: ScaleRow[], log: (line: string) => void): void {
  const perPage = (x: Side) => ms(x.ms / Math.max(1, x.pages));
  log("");
  log(table(
    ["release", "words", "pages P/T", "pressroom s", "CPU s", "MB", "ms/page", "typst s", "CPU s", "MB", "ms/page", "P/T time", "P/T RSS"],
    rows.map((r) => [
      `~${r.target} pages`, String(r.words), `${r.pressroom.pages}/${r.typst.pages}`,
      s(r.pressroom.ms), s(r.pressroom.cpuMs ?? NaN), mb(r.pressroom.peakMb), perPage(r.pressroom),
      s(r.typst.ms), s(r.typst.cpuMs ?? NaN), mb(r.typst.peakMb), perPage(r.typst),
      ratio(r.pressroom.ms, r.typst.ms),
      r.pressroom.peakMb && r.typst.peakMb ? ratio(r.pressroom.peakMb, r.typst.peakMb) : "–",
    ]),
  ));
  // Marginal cost: the extra time per extra page between consecutive sizes; startup cancels out.
  for (let i = 1; i < rows.length; i++) {
    const [p, q] = [rows[i - 1]!, rows[i]!];
    const marginal = (x: Side, y: Side) => ms((y.ms - x.ms) / Math.max(1, y.pages - x.pages));
    const mem = (x: Side, y: Side) => (x.peakMb && y.peakMb ? ((y.peakMb - x.peakMb) / Math.max(1, y.pages - x.pages)).toFixed(2) : "–");
    log(`~${p.target} → ~${q.target} pages, per extra page: pressroom ${marginal(p.pressroom, q.pressroom)} ms and ${mem(p.pressroom, q.pressroom)} MB, typst ${marginal(p.typst, q.typst)} ms and ${mem(p.typst, q.typst)} MB`);
  }
  const hundred = rows.find((r) => r.target === 100);
  if (hundred) {
    log(`100-page release: pressroom ${s(hundred.pressroom.ms)} s, ${mb(hundred.pressroom.peakMb)} MB peak, ${hundred.pressroom.pages} pages; ` +
      `typst ${s(hundred.typst.ms)} s, ${mb(hundred.typst.peakMb)} MB peak, ${hundred.typst.pages} pages; pressroom/typst ${ratio(hundred.pressroom.ms, hundred.typst.ms)}`);
  }
}
