/** Where a diagnostic points: a file and, when known, a 1-based line and column. */
export type SourceLocation = { file: string; line?: number; column?: number };

export type Diagnostic = SourceLocation & {
  severity: "error" | "warning";
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** A checkpoint id (Matterhorn number, `PR-*`) for checks on PDFs. */
  code?: string;
};

export function error(at: SourceLocation, message: string, hint?: string, code?: string): Diagnostic {
  return { severity: "error", ...at, message, ...(hint ? { hint } : {}), ...(code ? { code } : {}) };
}

/** `path:line:col: error: message`, then the hint on an indented line (or after " hint: " on one line). */
export function formatDiagnostic(d: Diagnostic, options: { oneLine?: boolean } = {}): string {
  const where = [d.file, d.line, d.line !== undefined ? (d.column ?? 1) : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  const head = `${where}: ${d.severity}: ${d.code ? `[${d.code}] ` : ""}${d.message}`;
  if (!d.hint) return head;
  return options.oneLine ? `${head} (hint: ${d.hint})` : `${head}\n  hint: ${d.hint}`;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === "error");
