/**
 * The `pressroom` command: turns argv into a call of `build` or `check`.
 * Exit codes: 0 success, 1 an input or output has an error, 2 bad usage.
 */
import { Command, CommanderError, Option } from "commander";
// build and check load react-pdf, fontkit, pdfkit, zod, mupdf…: imported in their actions, so that --help and usage errors start fast.
import { UsageError } from "../build/usage-error.ts";
import { formatDiagnostic, hasErrors, type Diagnostic } from "../model/diagnostic.ts";

const splitList = (value: string): string[] => value.split(",").map((s) => s.trim()).filter(Boolean);

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
    .action(async (contentDir: string, opts: { out: string; layout?: string[]; lang?: string[] }) => {
      const { build } = await import("../build/build.ts");
      const result = await build({
        contentDir,
        outDir: opts.out,
        ...(opts.layout ? { layouts: opts.layout } : {}),
        ...(opts.lang ? { langs: opts.lang } : {}),
        log: (line) => console.log(line),
      });
      report(result.diagnostics);
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      console.log(`${result.outputs.length} PDF${result.outputs.length === 1 ? "" : "s"} written, ${errors} error${errors === 1 ? "" : "s"}`);
      exitCode = hasErrors(result.diagnostics) ? 1 : 0;
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
