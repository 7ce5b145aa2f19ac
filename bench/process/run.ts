/**
 * One timed child process: `node --import rss-probe.mjs <args>`, wall time
 * from spawn to exit (`performance.now()`, no external timing tool), and
 * the child's peak RSS (VmHWM) and CPU time as it reads them itself at exit
 * (rss-probe.mjs; CPU time above wall time means more than one thread was
 * busy: V8's compiler and garbage collector threads, a worker pool).
 *
 * The clock covers everything a user waits for: starting Node, loading
 * modules, the work, writing files, and exit.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { writeTypstJob } from "../typst/corpus.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const probe = pathToFileURL(path.join(repoRoot, "bench/process/rss-probe.mjs")).href;

export type ChildRun = {
  ms: number; code: number | null; stdout: string; stderr: string;
  /** Peak RSS, MiB, and CPU time (user + system, all threads), ms: undefined if the child died before its exit handler. */
  peakMb?: number; cpuMs?: number;
};

export function runNode(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ChildRun> {
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-rss-"));
  const rssFile = path.join(scratch, "maxrss");
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", probe, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "", stderr = "", ms = 0, code: number | null = null;
    child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d; });
    child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d; });
    child.on("error", reject);
    child.on("exit", (c) => { ms = performance.now() - t0; code = c; });
    child.on("close", () => {
      let usage: { peakMb: number; cpuMs: number } | undefined;
      try {
        const u = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKb: number; cpuUs: number };
        usage = { peakMb: u.maxRssKb / 1024, cpuMs: u.cpuUs / 1000 };
      } catch { /* no exit handler ran */ }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ ms, code, stdout, stderr, ...usage });
    });
  });
}

/** A fresh, empty folder: every build writes into one, so no incremental cache or old output is reused. */
export function freshDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * `node bin/pressroom.js build <copy> -o <fresh> -l handout-a4`; pages from
 * the written manifest. The content is copied to a fresh folder and built
 * into a fresh empty output folder each time (both outside the clock), so
 * no incremental cache, wherever a build keeps one next to its input or
 * output, and no earlier PDF can be reused.
 */
export async function runPressroom(contentDir: string): Promise<ChildRun & { pages: number[] }> {
  const copy = freshDir("bench-content-");
  cpSync(contentDir, copy, { recursive: true });
  const outDir = freshDir("bench-pressroom-out-");
  const run = await runNode(["bin/pressroom.js", "build", copy, "-o", outDir, "-l", "handout-a4"]);
  if (run.code !== 0) throw new Error(`pressroom build exited with ${run.code}:\n${run.stderr || run.stdout}`);
  const manifest = JSON.parse(readFileSync(path.join(outDir, "manifest.json"), "utf8")) as { outputs: { pages: number }[] };
  rmSync(outDir, { recursive: true, force: true });
  rmSync(copy, { recursive: true, force: true });
  return { ...run, pages: manifest.outputs.map((o) => o.pages) };
}

/**
 * `node bench/typst/child.mjs <job.json>` compiling each `.typ` into a fresh
 * output folder (the job file lists Pressroom's fonts and `.typ` → `.pdf`).
 */
export async function runTypst(typFiles: readonly string[]): Promise<ChildRun & { pages: number[] }> {
  const outDir = freshDir("bench-typst-out-");
  const jobDir = freshDir("bench-typst-job-");
  const job = await writeTypstJob(typFiles, outDir, path.join(jobDir, "job.json"));
  const run = await runNode(["bench/typst/child.mjs", job]);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(jobDir, { recursive: true, force: true });
  if (run.code !== 0) throw new Error(`typst child exited with ${run.code}:\n${run.stderr}`);
  const { pages } = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as { pages: number[] };
  return { ...run, pages };
}
