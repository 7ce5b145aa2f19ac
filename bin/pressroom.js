#!/usr/bin/env node
// Pressroom is written in TypeScript and runs compiled from dist/ (scripts/compile.mjs, run by `npm ci`).
// When dist/ is missing or its stamp no longer matches the files in src/ and layouts/ (scripts/sources.mjs),
// it is recompiled first, silently: output and exit codes stay those of the CLI. When that cannot be done
// (no esbuild, a compile error), Pressroom runs from source through tsx, which reports a compile error as
// it always has.
import { fileURLToPath } from "node:url";
import { distIsFresh } from "../scripts/sources.mjs";

// React's development build keeps debug data for every element: a build tool runs the production build.
process.env.NODE_ENV ??= "production";
const root = new URL("..", import.meta.url);
const rootDir = fileURLToPath(root);

let fresh = distIsFresh(rootDir);
if (!fresh) {
  try {
    const { compile } = await import("../scripts/compile.mjs");
    await compile(rootDir, { logLevel: "silent" });
  } catch {
    // Below: another process may have compiled it meanwhile, else tsx.
  }
  fresh = distIsFresh(rootDir);
}

let main;
if (fresh) {
  ({ main } = await import(new URL("dist/cli.js", root).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
