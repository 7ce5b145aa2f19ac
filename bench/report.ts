/** Small helpers for the bench's printed report: statistics, numbers, aligned tables. */

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Milliseconds with one decimal below 100 ms, whole above. */
export const ms = (x: number): string => (Number.isNaN(x) ? "–" : x < 100 ? x.toFixed(1) : x.toFixed(0));
/** Seconds with two decimals. */
export const s = (x: number): string => (Number.isNaN(x) ? "–" : (x / 1000).toFixed(2));
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(a / b >= 100 ? 0 : a / b >= 10 ? 1 : 2)}×` : "–");
export const mb = (x: number | undefined): string => (x === undefined ? "–" : x.toFixed(0));

/**
 * An aligned text table: the first column left-aligned, the others right-
 * aligned, columns separated by two spaces, a rule under the header.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export const heading = (title: string): string => `\n${title}\n${"═".repeat(title.length)}`;

/**
 * The machine's 1-minute load average against its CPU count: figures taken
 * while other processes compete for the CPUs are slower and noisier, for
 * both tools alike (the whole-process part alternates them for that reason).
 */
export function loadNote(cpus: number, load1: number): string {
  // The bench itself keeps about one CPU busy: more than `cpus` means others are running too.
  return `load average (1 min, this bench included): ${load1.toFixed(2)} on ${cpus} CPUs${load1 > cpus ? " (busy machine: absolute times are inflated; compare ratios)" : ""}`;
}
