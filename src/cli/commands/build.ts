/** `pressroom build [contentDir]`: every release into PDFs, the manifest and the cache. */
import { InvalidArgumentError } from "commander";
import { defaultJobs, parseShard, type Shard } from "../../build/units.ts";
import { hasErrors } from "../../model/diagnostic.ts";
import { positiveInteger, report, splitList, type RegisterCommand } from "../shared.ts";

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('give "i/n" with 1 ≤ i ≤ n, e.g. 2/4');
  return shard;
}

type BuildFlags = { out: string; layout?: string[]; lang?: string[]; jobs?: number; force?: boolean; shard?: Shard };

export const registerBuild: RegisterCommand = (program, exit) => {
  program
    .command("build")
    .description("build every release in the content folder into out/<slug>/<lang>/<layout>.pdf and out/manifest.json")
    .argument("[contentDir]", "folder of releases, content/<slug>/<lang>.md", "content")
    .option("-o, --out <dir>", "output folder", "out")
    .option("-l, --layout <ids>", "comma-separated layout ids (default: every layout in layouts/)", splitList)
    .option("--lang <tags>", "comma-separated language tags to build (default: all)", splitList)
    .option("-j, --jobs <n>", `worker threads (default: one per core, ${defaultJobs()} here)`, positiveInteger)
    .option("--force", "rebuild every output, also those whose inputs have not changed")
    .option("--shard <i/n>", "build only the i-th of n shares of the outputs (CI runners); writes manifest-part-<i>-of-<n>.json", shardOption)
    .action(async (contentDir: string, opts: BuildFlags) => {
      const { build } = await import("../../build/build.ts");
      const result = await build({
        contentDir,
        outDir: opts.out,
        ...(opts.layout ? { layouts: opts.layout } : {}),
        ...(opts.lang ? { langs: opts.lang } : {}),
        jobs: opts.jobs ?? defaultJobs(),
        ...(opts.force ? { force: true } : {}),
        ...(opts.shard ? { shard: opts.shard } : {}),
        log: (line) => console.log(line),
      });
      report(result.diagnostics);
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      const counts = [`${result.built} PDF${result.built === 1 ? "" : "s"} written`];
      if (result.reused) counts.push(`${result.reused} up to date`);
      counts.push(`${errors} error${errors === 1 ? "" : "s"}`);
      console.log(counts.join(", "));
      exit.code = hasErrors(result.diagnostics) ? 1 : 0;
    });
};
