/**
 * The `pressroom` command: turns argv into a call of one of its commands
 * (one module each in `commands/`).
 * Exit codes: 0 success, 1 an input or output has an error, 2 bad usage.
 */
import { Command, CommanderError } from "commander";
import { UsageError } from "../build/usage-error.ts";
import { registerBuild } from "./commands/build.ts";
import { registerCheck } from "./commands/check.ts";
import { registerImport } from "./commands/import.ts";
import { registerManifest } from "./commands/manifest.ts";
import { registerNew } from "./commands/new.ts";
import { registerSend } from "./commands/send.ts";
import { registerWatch } from "./commands/watch.ts";
import type { ExitCode, RegisterCommand } from "./shared.ts";

/** Every command, in the order `--help` lists them. */
const COMMANDS: RegisterCommand[] = [registerBuild, registerWatch, registerNew, registerImport, registerCheck, registerManifest, registerSend];

export async function main(argv: string[]): Promise<number> {
  const exit: ExitCode = { code: 0 };
  const program = new Command("pressroom")
    .description("Lays out press releases written in Markdown into tagged, accessible PDFs.")
    .exitOverride()
    .showHelpAfterError("(run pressroom --help for usage)");
  for (const register of COMMANDS) register(program, exit);

  try {
    await program.parseAsync(argv, { from: "user" });
    return exit.code;
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
