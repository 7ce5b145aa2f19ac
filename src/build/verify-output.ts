/**
 * The verify stage for the orchestrator: read a rendered PDF back and
 * check it. A module of its own, so that the thread that verifies (and
 * loads MuPDF) need not load the layout and render code.
 */
import type { Diagnostic } from "../model/diagnostic.ts";
import { checkPdf, type CheckOptions } from "../verify/check.ts";

/** Any finding fails the output. */
export function verifyTarget(bytes: Uint8Array, checks: CheckOptions): Promise<Diagnostic[]> {
  return checkPdf(bytes, checks);
}
