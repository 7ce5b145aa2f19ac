/**
 * Runs work units: on a piscina pool of worker threads, or in the calling
 * thread. Results come back in the order the units were given, whatever
 * order they finished in.
 */
import path from "node:path";
import { compiled, distDir, packageRoot } from "../paths.ts";
import type { UnitResult, UnitTask } from "./run-unit.ts";

/** Runs the tasks; `onDone` gets each result with its task's index as soon as it is there. */
export type RunUnits = (tasks: readonly UnitTask[], onDone: (index: number, result: UnitResult) => Promise<void>) => Promise<void>;

/**
 * V8 grows a heap lazily and keeps what it grew: a worker that lays out many
 * documents would hold several hundred megabytes it no longer uses. A
 * worker's live heap is about 80 MB (modules, parsed fonts, the release's
 * shaped runs) plus the document in hand. At 128 MB the collector ran all
 * the time: 200 outputs took 44 s on one worker, against 21.5 s at 256 MB
 * (and 19.8 s at 512 MB, for 0–5 MB less peak RSS than 256).
 */
const WORKER_HEAP_MB = 256;

/**
 * The worker module: compiled JavaScript when Pressroom runs compiled, else
 * a small module that loads the TypeScript source through tsx.
 */
function workerEntry(): string {
  return compiled ? path.join(distDir, "worker.js") : path.join(packageRoot, "src", "build", "worker-from-source.mjs");
}

export type UnitRunner = { run: RunUnits; close: () => Promise<void> };

/**
 * `threads`: worker threads, or 0 to run in the calling thread.
 * `heapMb`: each worker's heap limit (tests make it small to see the fallback).
 */
export async function unitRunner(threads: number, heapMb = WORKER_HEAP_MB): Promise<UnitRunner> {
  if (threads <= 0) {
    const { runUnit } = await import("./run-unit.ts");
    return {
      run: async (tasks, onDone) => {
        for (const [i, task] of tasks.entries()) await onDone(i, await runUnit(task));
      },
      close: async () => {},
    };
  }
  const { Piscina } = await import("piscina");
  const pool = new Piscina({
    filename: workerEntry(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return {
    run: async (tasks, onDone) => {
      await Promise.all(tasks.map(async (task, i) => onDone(i, await runOnPool(pool, task))));
    },
    close: () => pool.destroy(),
  };
}

/**
 * One unit on the pool. A document too large for a worker's heap (a report
 * of a hundred pages or more) ends that worker; piscina starts another, and
 * the unit runs again in the calling thread, whose heap has no such limit.
 */
async function runOnPool(pool: { run(task: unknown): Promise<unknown> }, task: UnitTask): Promise<UnitResult> {
  try {
    return (await pool.run(task)) as UnitResult;
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_WORKER_OUT_OF_MEMORY") throw e;
    const { runUnit } = await import("./run-unit.ts");
    return runUnit(task);
  }
}
