/** `pressroom build [contentDir]`: every release into PDFs, the manifest and the cache. */
import { existsSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError } from "commander";
import { defaultJobs, parseShard, type Shard } from "../../build/units.ts";
import { hasErrors } from "../../model/diagnostic.ts";
import { packageRoot } from "../../paths.ts";
import type { BuildResult } from "../../build/build.ts";
import { reporterFor } from "../progress.ts";
import { report, splitList, wholeNumber, type RegisterCommand } from "../shared.ts";

/** `--json`: everything an editor or CI needs, in one object. */
function jsonReport(result: BuildResult, exitCode: number) {
  return {
    exitCode,
    built: result.built,
    reused: result.reused,
    outputs: result.outputs,
    diagnostics: result.diagnostics.map((d) => ({
      file: d.file, line: d.line ?? null, column: d.column ?? null, severity: d.severity, message: d.message, hint: d.hint ?? null, code: d.code ?? null,
    })),
    timings: {
      totalMs: Math.round(result.timings.totalMs),
      outputs: result.timings.units.map((u) => ({ file: u.file, renderMs: Math.round(u.renderMs), verifyMs: Math.round(u.verifyMs) })),
    },
  };
}

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('give "i/n" with 1 ≤ i ≤ n, e.g. 2/4');
  return shard;
}

type BuildFlags = { out?: string; layout?: string[]; lang?: string[]; jobs?: number; force?: boolean; shard?: Shard; quiet?: boolean; json?: boolean };

export const registerBuild: RegisterCommand = (program, exit) => {
  program
    .command("build")
    .description("build every release in the content folder into out/<slug>/<lang>/<layout>.pdf and out/manifest.json")
    .argument("[contentDir]", 'folder of releases, content/<slug>/<lang>.md (default: pressroom.config.json\'s "content", else content)')
    .option("-o, --out <dir>", 'output folder (default: pressroom.config.json\'s "out", else out)')
    .option("-l, --layout <ids>", 'comma-separated editions: layout ids and email (default: pressroom.config.json\'s "editions", else every layout and email)', splitList)
    .option("--lang <tags>", 'comma-separated language tags to build (default: pressroom.config.json\'s "languages", else all)', splitList)
    .option("-j, --jobs <n>", `worker threads, 0 for none (default: pressroom.config.json's "jobs", else ${defaultJobs()} here)`, wholeNumber)
    .option("--force", "rebuild every output, also those whose inputs have not changed")
    .option("--shard <i/n>", "build only the i-th of n shares of the outputs (CI runners); writes manifest-part-<i>-of-<n>.json", shardOption)
    .option("-q, --quiet", "print only errors and warnings")
    .option("--json", "print one JSON report (outputs, diagnostics, timings) on stdout and nothing else")
    .action(async (contentArg: string | undefined, opts: BuildFlags) => {
      const { build } = await import("../../build/build.ts");
      const { loadConfig } = await import("../../config/config.ts");
      const out = reporterFor(opts.json ? "json" : opts.quiet ? "quiet" : "normal");
      // pressroom.config.json in the current folder: options given here override its keys.
      const { config, diagnostics: configDiagnostics } = await loadConfig();
      const layouts = opts.layout ?? config?.editions;
      const langs = opts.lang ?? config?.languages;
      // No output is built with a broken configuration (a missing logo, an unknown font…).
      const result: BuildResult = hasErrors(configDiagnostics)
        ? { outputs: [], diagnostics: [], built: 0, reused: 0, timings: { totalMs: 0, units: [] } }
        : await build({
          contentDir: contentArg ?? config?.content ?? "content",
          outDir: opts.out ?? config?.out ?? "out",
          ...(layouts ? { layouts } : {}),
          ...(langs ? { langs } : {}),
          ...jobsOption(opts.jobs ?? config?.jobs ?? defaultJobs()),
          ...(opts.force ? { force: true } : {}),
          ...(opts.shard ? { shard: opts.shard } : {}),
          contactSheet: true,
          ...(config?.brand ? { brand: config.brand } : {}),
          // A project folder without its own fonts/manifest.json uses Pressroom's fonts.
          ...(existsSync(path.join("fonts", "manifest.json")) ? {} : { fontsDir: path.join(packageRoot, "fonts") }),
          log: (line) => out.line(line),
          progress: ({ done, total, file }) => out.progress(done, total, file),
        });
      result.diagnostics.unshift(...configDiagnostics);
      out.done();
      exit.code = hasErrors(result.diagnostics) ? 1 : 0;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(jsonReport(result, exit.code), null, 2)}\n`);
        return;
      }
      report(result.diagnostics);
      if (opts.quiet) return;
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      const counts = [`${result.built} ${result.built === 1 ? "file" : "files"} written`];
      if (result.reused) counts.push(`${result.reused} up to date`);
      counts.push(`${errors} error${errors === 1 ? "" : "s"}`);
      console.log(`${counts.join(", ")} (${(result.timings.totalMs / 1000).toFixed(1)} s)`);
    });
};

/** `--jobs 0`: no worker threads, every output is built in this process (the least memory). */
const jobsOption = (jobs: number) => (jobs > 0 ? { jobs } : {});
