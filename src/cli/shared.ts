/**
 * What the CLI's commands share: option parsers, printing diagnostics, and
 * the exit code a command's action sets.
 */
import { InvalidArgumentError, type Command } from "commander";
import { formatDiagnostic, type Diagnostic } from "../model/diagnostic.ts";

export const splitList = (value: string): string[] => value.split(",").map((s) => s.trim()).filter(Boolean);

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("give a whole number of 1 or more");
  return n;
}

export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("give a whole number of 0 or more");
  return n;
}

/** Prints diagnostics on stderr: `file:line:col: error: message` and the hint. */
export function report(diagnostics: readonly Diagnostic[], oneLine = false): void {
  for (const d of diagnostics) console.error(formatDiagnostic(d, { oneLine }));
}

/** A command's action sets the process's exit code through this. */
export type ExitCode = { code: number };

/** Adds a command to the program. Heavy modules are imported inside actions, so that --help starts fast. */
export type RegisterCommand = (program: Command, exit: ExitCode) => void;
