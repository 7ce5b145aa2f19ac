/**
 * How `pressroom build` talks while it works: on a terminal, one status
 * line redrawn in place ("[12/32] harbour-library/uk/print.pdf"); in a pipe
 * or on CI, a plain line per file written. Nothing at all with --quiet or
 * --json.
 */
export type Reporter = {
  line(text: string): void;
  progress(done: number, total: number, file: string): void;
  /** Clears the status line before other output. */
  done(): void;
};

export function reporterFor(mode: "quiet" | "json" | "normal", stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): Reporter {
  if (mode !== "normal") return { line() {}, progress() {}, done() {} };
  const live = Boolean(stream.isTTY) && !env.CI;
  if (!live) return { line: (text) => stream.write(`${text}\n`), progress() {}, done() {} };
  let shown = false;
  const clear = () => {
    if (shown) stream.write("\r\x1b[2K");
    shown = false;
  };
  return {
    line() {
      // On a terminal the status line says the same, more briefly.
    },
    progress(done, total, file) {
      const width = stream.columns ?? 80;
      const text = `[${done}/${total}] ${file}`;
      clear();
      stream.write(text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text);
      shown = true;
    },
    done: clear,
  };
}
