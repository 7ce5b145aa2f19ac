/**
 * Runs work units on all cores: a piscina pool of worker threads (one per
 * job), or, with one job, in the calling thread. Results come back in the
 * order the units were given, whatever order they finished in.
 */
import path from "node:path";
import { compiled, distDir, packageRoot } from "../paths.ts";
import { runUnit, type UnitResult, type UnitTask } from "./run-unit.ts";

export type RunUnits = (tasks: readonly UnitTask[], onDone?: (index: number, result: UnitResult) => void) => Promise<UnitResult[]>;

/**
 * The worker module next to this one: compiled JavaScript when Pressroom
 * runs compiled, else a small module that loads the TypeScript source
 * through tsx.
 */
function workerEntry(): { filename: string } {
  return { filename: compiled ? path.join(distDir, "worker.js") : path.join(packageRoot, "src", "build", "worker-from-source.mjs") };
}

export async function unitRunner(jobs: number): Promise<{ run: RunUnits; close: () => Promise<void> }> {
  if (jobs <= 1) {
    return {
      run: async (tasks, onDone) => {
        const results: UnitResult[] = [];
        for (const [i, task] of tasks.entries()) {
          results.push(await runUnit(task));
          onDone?.(i, results[i]!);
        }
        return results;
      },
      close: async () => {},
    };
  }
  const { Piscina } = await import("piscina");
  const pool = new Piscina({ ...workerEntry(), minThreads: jobs, maxThreads: jobs, idleTimeout: 60_000 });
  return {
    run: (tasks, onDone) => Promise.all(tasks.map(async (task, i) => {
      const result = (await pool.run(task)) as UnitResult;
      onDone?.(i, result);
      return result;
    })),
    close: () => pool.destroy(),
  };
}
