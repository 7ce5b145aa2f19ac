/**
 * The layout registry: every folder in `layouts/` with an `index.tsx` whose
 * default export is a `defineLayout(...)` value. Adding a layout needs no
 * change in `src/`.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Layout } from "../compose/define-layout.ts";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { compiled, distDir, packageRoot } from "../paths.ts";

export const layoutsDir = path.join(packageRoot, "layouts");

/**
 * The module to import for `<dir>/<name>/index.tsx`. Compiled, Node cannot
 * import TypeScript: the layouts of `layoutsDir` are imported from their
 * compiled copies in `dist/layouts/`, which `bin/pressroom.js` keeps up to
 * date. They share one copy of `src/` with the CLI (one React context for the
 * semantic components). From source (tsx, vitest) the .tsx itself.
 */
function moduleOf(dir: string, name: string): string {
  if (compiled && path.resolve(dir) === layoutsDir) return path.join(distDir, "layouts", name, "index.js");
  return path.join(dir, name, "index.tsx");
}

/** The layout ids (folder names with an `index.tsx`), sorted, without loading any layout code. */
export function layoutIds(dir = layoutsDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "index.tsx")))
    .map((e) => e.name)
    .sort();
}

export async function loadLayouts(dir = layoutsDir): Promise<{ layouts: Map<string, Layout>; diagnostics: Diagnostic[] }> {
  const layouts = new Map<string, Layout>();
  const diagnostics: Diagnostic[] = [];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "index.tsx")))
    .map((e) => e.name)
    .sort();
  for (const name of folders) {
    const file = path.join(dir, name, "index.tsx");
    const mod = (await import(pathToFileURL(moduleOf(dir, name)).href)) as { default?: Layout };
    const layout = mod.default;
    if (!layout || typeof layout.parts?.Body !== "function") {
      diagnostics.push(error({ file }, `layout folder "${name}" has no layout as its default export`, "end index.tsx with `export default defineLayout({ id, description, page, profile, parts })`"));
    } else if (layout.id !== name) {
      diagnostics.push(error({ file }, `layout id "${layout.id}" differs from its folder name "${name}"`, `set id: "${name}" or rename the folder`));
    } else {
      layouts.set(name, layout);
    }
  }
  return { layouts, diagnostics };
}
