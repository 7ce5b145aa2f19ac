// Preloaded into a timed child process (`node --import <this file> …`): at
// exit, writes the process's peak resident set size in KiB and its user +
// system CPU time in µs, as JSON, to $BENCH_RSS_FILE.
//
// Peak RSS is /proc/self/status VmHWM, not getrusage's ru_maxrss: on Linux
// ru_maxrss survives exec, and a child forked from a big parent (this bench
// holds hundreds of MB) starts with the parent's RSS as its maximum, so
// every child would report at least the bench's own size. VmHWM belongs to
// the address space that exec creates. Worker threads share it, so a worker
// pool is counted; child processes of the child are not. Elsewhere than
// Linux, ru_maxrss is the fallback. Plain JS, so it costs no loader time.
import { readFileSync, writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

/** @returns {number} peak RSS in KiB */
function peakRssKb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch { /* not Linux */ }
  return process.resourceUsage().maxRSS;
}

const file = process.env.BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: peakRssKb(), cpuUs: u.userCPUTime + u.systemCPUTime }));
  });
}
