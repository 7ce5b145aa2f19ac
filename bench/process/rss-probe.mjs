// Preloaded into a timed child process (`node --import <this file> …`): at
// exit, writes the process's peak resident set size in KiB (getrusage
// ru_maxrss, via process.resourceUsage()) and its user + system CPU time in
// µs, as JSON, to $BENCH_RSS_FILE.
// Worker threads share the process, so a worker pool is counted; child
// processes of the child are not. Plain JS, so it costs no loader time.
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }));
  });
}
