/**
 * Where Pressroom's own files are, whether it runs from source (`src/…/*.ts`
 * through tsx or vitest) or compiled (`dist/`, bundled by
 * `scripts/compile.mjs`). Bundling moves code into other files and folders,
 * so a path relative to a module's `import.meta.url` is wrong once compiled:
 * resolve files of the package from `packageRoot` instead.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** True when this code runs from `dist/` (compiled JavaScript), false from TypeScript source. */
export const compiled = import.meta.url.endsWith(".js");

/** The folder with Pressroom's package.json: the nearest one above this module (`src/` or `dist/…`). */
export const packageRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The compiled output: `dist/cli.js`, `dist/worker.js`, `dist/layouts/<id>/index.js`. */
export const distDir = path.join(packageRoot, "dist");

function findRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, "package.json"))) return d;
    if (path.dirname(d) === d) throw new Error(`no package.json above ${dir}`);
  }
}
