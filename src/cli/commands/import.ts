/** `pressroom import <file>`: a release from Word (.docx) or text (.txt, .md) into content/<slug>/<lang>.md, with its guesses. */
import { report, type RegisterCommand } from "../shared.ts";

type ImportFlags = { slug?: string; lang?: string; content: string };

export const registerImport: RegisterCommand = (program, exit) => {
  program
    .command("import")
    .description("turn a release written elsewhere (Word .docx, text .txt or Markdown .md) into content/<slug>/<lang>.md, and print what was guessed")
    .argument("<file>", "the release: .docx, .txt or .md")
    .option("--slug <slug>", "the release folder's name (default: made from the headline)")
    .option("--lang <tag>", "the language (default: guessed from the script; Latin script is read as en; required for Cyrillic, Arabic, Han and Devanagari)")
    .option("--content <dir>", "the content folder", "content")
    .addHelpText("after", "\nEach guess is printed as file:line: what ← where it came from. Never overwrites: exit code 1 when the file exists, 2 for a bad option.")
    .action(async (file: string, opts: ImportFlags) => {
      const { importRelease } = await import("../../import/import-release.ts");
      const result = await importRelease({ file, contentDir: opts.content, ...(opts.slug ? { slug: opts.slug } : {}), ...(opts.lang ? { lang: opts.lang } : {}) });
      report(result.diagnostics);
      for (const line of [...result.guesses, ...result.notes]) console.log(line);
      if (result.code === 0) {
        const images = result.written.length - 1;
        console.log(`wrote ${result.markdownFile}${images ? ` and ${images} image${images === 1 ? "" : "s"}` : ""}: check the guesses above`);
        if (result.problems.length) {
          report(result.problems);
          console.log(`${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} to fix in ${result.markdownFile} before pressroom build`);
        }
      }
      exit.code = result.code;
    });
};
