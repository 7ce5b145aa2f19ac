#!/usr/bin/env node
/**
 * Compiles src/ and layouts/ to dist/ with esbuild: `npm ci` runs it as the
 * `prepare` script, `npm run prepare` by hand, and bin/pressroom.js when
 * dist/ is stale (scripts/sources.mjs).
 *
 * One build with code splitting: the CLI, the worker and every layout are
 * entry points, so a module they share (the React context of
 * src/compose/components.tsx, the layout registry) exists once, in
 * dist/chunks/. node_modules stay external, imported at run time as from
 * source. Output is deterministic: same sources, same bytes (paths in it are
 * relative to the package root).
 *
 * The output is written to a temporary folder next to dist/ and renamed into
 * place, so no process ever sees a half-written dist/. A running process
 * imports chunks lazily, by name, from dist/: a dist/ compiled from the same
 * sources is therefore never replaced (several starts that find dist/ stale
 * all compile, the first one's build stays). Only when the sources are
 * edited while a process runs can its later imports meet the new build.
 *
 * Plain JavaScript, like scripts/sources.mjs: it runs before anything can
 * compile TypeScript.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { distStamp, sourceStamp, STAMP_FILE } from "./sources.mjs";

export const packageRoot = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Temporary folders (new builds, replaced builds) are `.dist-*` in the package root. */
const TEMP_PREFIX = ".dist-";
/** A temporary folder older than this was left by a process that died: removed. */
const LEFTOVER_MS = 10 * 60 * 1000;

/** Output name (in dist/, without .js) → source, sorted so that the build is deterministic. */
export function entryPoints(root) {
  const entries = { cli: "src/cli/main.ts", worker: "src/build/worker.ts" };
  const layouts = readdirSync(path.join(root, "layouts"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(root, "layouts", e.name, "index.tsx")))
    .map((e) => e.name)
    .sort();
  for (const id of layouts) entries[`layouts/${id}/index`] = `layouts/${id}/index.tsx`;
  return entries;
}

/**
 * Compiles `root`'s sources into `root/dist`. Throws when esbuild is missing
 * or the sources do not compile (esbuild prints why unless `logLevel` is
 * "silent"); dist/ is then left as it was. `force` replaces a dist/ whose
 * stamp says it is up to date (`npm run prepare` repairs a damaged dist/).
 */
export async function compile(root = packageRoot, { logLevel = "warning", force = false } = {}) {
  const esbuild = await import("esbuild");
  removeLeftovers(root);
  // Listed before esbuild reads the files: an edit during the build leaves dist/ stale, not wrongly fresh.
  const stamp = sourceStamp(root);
  const tmp = path.join(root, `${TEMP_PREFIX}new-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: entryPoints(root),
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      // tsconfig.json: "jsx": "react-jsx".
      jsx: "automatic",
      chunkNames: "chunks/[name]-[hash]",
      charset: "utf8",
      logLevel,
    });
    writeFileSync(path.join(tmp, STAMP_FILE), stamp);
    // Another process compiled the same sources meanwhile: its dist/ is this one (deterministic output) and
    // may be in use, so it stays. Only a build of other sources replaces dist/.
    if (force || distStamp(root) !== stamp) swapIn(root, tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    // esbuild keeps a service process for further builds: a CLI has none.
    await esbuild.stop();
  }
}

/** Renames the new build `tmp` to dist/, moving the previous dist/ out of the way first. */
function swapIn(root, tmp) {
  const dist = path.join(root, "dist");
  const replaced = [];
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        renameSync(tmp, dist);
        return;
      } catch (e) {
        // A directory cannot be renamed over a non-empty one (ENOTEMPTY, EEXIST; EPERM on Windows).
        if (!["ENOTEMPTY", "EEXIST", "EPERM", "EISDIR"].includes(e.code) || attempt === 5) throw e;
      }
      const old = path.join(root, `${TEMP_PREFIX}old-${process.pid}-${randomBytes(4).toString("hex")}`);
      try {
        renameSync(dist, old);
        replaced.push(old);
      } catch (e) {
        // Another process moved it away first: try again.
        if (e.code !== "ENOENT") throw e;
      }
    }
  } finally {
    for (const old of replaced) rmSync(old, { recursive: true, force: true });
  }
}

function removeLeftovers(root) {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const file = path.join(root, name);
    const st = statSync(file, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > LEFTOVER_MS) rmSync(file, { recursive: true, force: true });
  }
}

// `node scripts/compile.mjs`: the prepare script.
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const started = performance.now();
  try {
    await compile(packageRoot, { force: true });
    console.log(`pressroom: compiled src/ and layouts/ to dist/ in ${Math.round(performance.now() - started)} ms`);
  } catch (e) {
    if (e?.code === "ERR_MODULE_NOT_FOUND" && /esbuild/.test(e.message)) {
      // An install without devDependencies: bin/pressroom.js runs from source through tsx.
      console.log("pressroom: esbuild is not installed; Pressroom will run from source (tsx)");
    } else {
      // esbuild has printed the errors.
      if (!e?.errors) console.error(`pressroom: cannot compile: ${e?.message ?? e}`);
      process.exitCode = 1;
    }
  }
}
