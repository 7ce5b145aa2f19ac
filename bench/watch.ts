/**
 * `pressroom watch` latency: from saving a one-page release's Markdown to
 * the `reload` event reaching a page connected to the preview server, as a
 * browser tab receives it. Each round changes the headline, so each save
 * rebuilds the A4 handout (warm workers, incremental cache), writes it,
 * renders the contact sheet's and the preview's page images, and reloads.
 *
 *   save → reload   writeFile() until the event arrives on the SSE stream
 *   build           the watcher's own figure (from the file event to the reload)
 *
 * Target (2-core machine): save → reload ≤ 300 ms warm.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EVENTS_PATH } from "../src/watch/server.ts";
import { watch } from "../src/watch/watch.ts";
import { heading, median, ms, table } from "./report.ts";

const TARGET_MS = 300;

/** Resolves with each `reload` event's arrival time (rejects on an `error` event); the stream stays open. */
function listen(url: string): Promise<{ next(): Promise<number>; close(): void }> {
  return new Promise((resolve, reject) => {
    const waiting: { resolve: (t: number) => void; reject: (e: Error) => void }[] = [];
    const request = http.get(new URL(EVENTS_PATH, url), (res) => {
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.startsWith("event: reload")) waiting.shift()?.resolve(performance.now());
          if (event.startsWith("event: error")) waiting.shift()?.reject(new Error(`the build failed: ${event}`));
        }
      });
      resolve({ next: () => new Promise((ok, fail) => waiting.push({ resolve: ok, reject: fail })), close: () => request.destroy() });
    });
    request.on("error", reject);
  });
}

export async function watchLatency(rounds: number, log: (line: string) => void): Promise<void> {
  log(heading(`Watch: save → reload, one-page release (river-cleanup/en, handout-a4), ${rounds} rounds`));
  const content = mkdtempSync(path.join(os.tmpdir(), "pressroom-bench-watch-"));
  cpSync(path.resolve("content", "river-cleanup"), path.join(content, "river-cleanup"), { recursive: true });
  const outDir = mkdtempSync(path.join(os.tmpdir(), "pressroom-bench-watch-out-"));
  const file = path.join(content, "river-cleanup", "en.md");
  const builds: number[] = [];
  const handle = await watch({
    contentDir: content, outDir, port: 0, layouts: ["handout-a4"], langs: ["en"], jobs: 1,
    onBuild: (r) => { if (r.savedToReloadMs !== undefined) builds.push(r.savedToReloadMs); },
  });
  const events = await listen(handle.url);
  const original = readFileSync(file, "utf8");
  const latencies: number[] = [];
  try {
    // Two rounds to warm the workers and the page-image cache; not counted.
    for (let i = -2; i < rounds; i++) {
      const arrived = events.next();
      const saved = performance.now();
      writeFileSync(file, original.replace("title: Volunteers lift", `title: Round ${i + 3} – volunteers lift`));
      const at = await arrived;
      if (i >= 0) latencies.push(at - saved);
      await handle.idle();
    }
  } finally {
    events.close();
    await handle.close();
  }
  const counted = builds.slice(-rounds);
  const sorted = [...latencies].sort((a, b) => a - b);
  log(table(["", "median", "min", "p90", "max"], [
    ["save → reload (ms)", ms(median(latencies)), ms(sorted[0]!), ms(sorted[Math.floor(sorted.length * 0.9)] ?? NaN), ms(sorted[sorted.length - 1]!)],
    ["watcher's build (ms)", ms(median(counted)), ms(Math.min(...counted)), "", ms(Math.max(...counted))],
  ]));
  log(`target ≤ ${TARGET_MS} ms: ${median(latencies) <= TARGET_MS ? "met" : "NOT met"} (median ${ms(median(latencies))} ms)`);
}
