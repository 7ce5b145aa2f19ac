/**
 * `npm run bench`: Pressroom's speed, told side by side with react-pdf's
 * own renderer and with Typst (0.14, through @myriaddreamin/typst-ts-node-compiler)
 * compiling the equivalent PDF/UA-1 documents. Three parts, in this order:
 *
 *   warm     per document, warm, in one process (bench/warm.ts)
 *   process  whole child processes, alternating, on test/fixtures/releases (bench/process/)
 *   scale    one long release of ~10/100(/1000) pages, time and peak RSS (bench/scale/)
 *   watch    `pressroom watch`: save → reload of a one-page release (bench/watch.ts)
 *
 * Environment (README, `npm run bench`):
 *   BENCH_PARTS           parts to run, comma-separated (default "warm,process,scale")
 *   BENCH_ROUNDS          warm rounds per document (default 15)
 *   BENCH_LAYOUT          layout of the warm part (default handout-a4; Typst columns need it)
 *   BENCH_CONTENT         content folders of the warm part (default "content,test/fixtures/releases")
 *   BENCH_PROCESS_ROUNDS  alternating whole-process rounds (default 5)
 *   BENCH_SCALE           page counts of the scaling part (default "10,100"; "10,100,1000" for the full run)
 *   BENCH_SCALE_ROUNDS    rounds per size (default 1)
 *   BENCH_WATCH_ROUNDS    saves timed in the watch part (default 10)
 *
 * Targets (2-core machine): warm median ≤ 50 ms for a one-page release;
 * tagged ≤ 1.15 × untagged; peak RSS ≤ 300 MB.
 */
import os from "node:os";
import { sideBySide } from "./process/side-by-side.ts";
import { scaleSizes, scaling } from "./scale/scale.ts";
import { loadNote } from "./report.ts";
import { loadSamples } from "./typst/corpus.ts";
import { warm } from "./warm.ts";
import { watchLatency } from "./watch.ts";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v < 1) throw new Error(`${name} must be a positive number`);
  return Math.floor(v);
};
const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(",").map((x) => x.trim()).filter(Boolean);

const parts = new Set(list("BENCH_PARTS", "warm,process,scale,watch"));
const log = (line: string) => console.log(line);
const load = () => log(loadNote(os.cpus().length, os.loadavg()[0]!));

log(`Pressroom bench: Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; parts: ${[...parts].join(", ")}`);
load();
const started = performance.now();

if (parts.has("warm")) {
  const samples = await loadSamples(list("BENCH_CONTENT", "content,test/fixtures/releases"));
  await warm(samples, num("BENCH_ROUNDS", 15), process.env.BENCH_LAYOUT ?? "handout-a4", log);
  load();
}
if (parts.has("process")) {
  await sideBySide(num("BENCH_PROCESS_ROUNDS", 5), log);
  load();
}
if (parts.has("scale")) {
  await scaling(scaleSizes(), num("BENCH_SCALE_ROUNDS", 1), log);
  load();
}

if (parts.has("watch")) {
  await watchLatency(num("BENCH_WATCH_ROUNDS", 10), log);
  load();
}

log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
