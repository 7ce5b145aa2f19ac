/** `pressroom check <files…>`: the PDF/UA-1 (and print) rules on existing PDFs, one line per problem. */
import { Option } from "commander";
import { hasErrors } from "../../model/diagnostic.ts";
import { report, type RegisterCommand } from "../shared.ts";

export const registerCheck: RegisterCommand = (program, exit) => {
  program
    .command("check")
    .description("check PDFs against the PDF/UA-1 rules Pressroom enforces (and the print rules for print masters); one line per problem")
    .argument("<files...>", "PDF files")
    .addOption(new Option("--profile <profile>", "rules to apply: ua, print, or auto (print rules too when the file declares PDF/X)").choices(["auto", "ua", "print"]).default("auto"))
    .action(async (files: string[], opts: { profile: "auto" | "ua" | "print" }) => {
      const { checkFiles } = await import("../../build/check-files.ts");
      const result = await checkFiles(files, opts.profile);
      report(result.diagnostics, true);
      console.log(`${files.length} file${files.length === 1 ? "" : "s"} checked, ${result.diagnostics.filter((d) => d.severity === "error").length} problem(s)`);
      exit.code = hasErrors(result.diagnostics) ? 1 : 0;
    });
};
