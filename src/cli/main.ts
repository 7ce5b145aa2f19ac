/**
 * The `pressroom` command: turns argv into a call of `build` or `check`.
 * Exit codes: 0 success, 1 an input or output has an error, 2 bad usage.
 */
import { readFile } from "node:fs/promises";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
// build and check load react-pdf, fontkit, pdfkit, zod, mupdf…: imported in their actions, so that --help and usage errors start fast.
import { mergeManifests, serialiseManifest } from "../build/manifest.ts";
import { defaultJobs, parseShard, type Shard } from "../build/units.ts";
import { UsageError } from "../build/usage-error.ts";
import { writeAtomic } from "../build/write.ts";
import { formatDiagnostic, hasErrors, type Diagnostic } from "../model/diagnostic.ts";

const splitList = (value: string): string[] => value.split(",").map((s) => s.trim()).filter(Boolean);

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("give a whole number of 1 or more");
  return n;
}

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('give "i/n" with 1 ≤ i ≤ n, e.g. 2/4');
  return shard;
}

async function mergeCommand(parts: string[], out: string): Promise<number> {
  const read = await Promise.all(parts.map(async (file) => ({ file, text: await readFile(file, "utf8").catch(() => "") })));
  const missing = read.filter((p) => p.text === "");
  if (missing.length) {
    for (const p of missing) console.error(`${p.file}: error: cannot read this file`);
    return 1;
  }
  const merged = mergeManifests(read);
  report(merged.diagnostics);
  if (!merged.manifest) return 1;
  await writeAtomic(out, serialiseManifest(merged.manifest));
  console.log(`${merged.manifest.outputs.length} outputs from ${parts.length} parts written to ${out}`);
  return 0;
}

function report(diagnostics: readonly Diagnostic[], oneLine = false): void {
  for (const d of diagnostics) console.error(formatDiagnostic(d, { oneLine }));
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command("pressroom")
    .description("Lays out press releases written in Markdown into tagged, accessible PDFs.")
    .exitOverride()
    .showHelpAfterError("(run pressroom --help for usage)");

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
    .action(async (contentDir: string, opts: { out: string; layout?: string[]; lang?: string[]; jobs?: number; force?: boolean; shard?: Shard }) => {
      const { build } = await import("../build/build.ts");
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
      exitCode = hasErrors(result.diagnostics) ? 1 : 0;
    });

  program
    .command("manifest")
    .description("work with manifests")
    .command("merge")
    .description("join the manifest parts of a sharded build into one manifest.json")
    .argument("<parts...>", "manifest-part-<i>-of-<n>.json files, one per shard")
    .option("-o, --out <file>", "the merged manifest", "out/manifest.json")
    .action(async (parts: string[], opts: { out: string }) => {
      exitCode = await mergeCommand(parts, opts.out);
    });

  program
    .command("check")
    .description("check PDFs against the PDF/UA-1 rules Pressroom enforces (and the print rules for print masters); one line per problem")
    .argument("<files...>", "PDF files")
    .addOption(new Option("--profile <profile>", "rules to apply: ua, print, or auto (print rules too when the file declares PDF/X)").choices(["auto", "ua", "print"]).default("auto"))
    .action(async (files: string[], opts: { profile: "auto" | "ua" | "print" }) => {
      const { checkFiles } = await import("../build/check-files.ts");
      const result = await checkFiles(files, opts.profile);
      report(result.diagnostics, true);
      console.log(`${files.length} file${files.length === 1 ? "" : "s"} checked, ${result.diagnostics.filter((d) => d.severity === "error").length} problem(s)`);
      exitCode = hasErrors(result.diagnostics) ? 1 : 0;
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : 2;
    }
    if (e instanceof UsageError) {
      console.error(`pressroom: ${e.message}`);
      return 2;
    }
    console.error(`pressroom: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
