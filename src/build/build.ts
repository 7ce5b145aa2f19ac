/**
 * The orchestrator. Reads as the recipe it is: discover, parse, prepare,
 * then for every release × layout compose, lay out, render, verify, write.
 * Diagnostics are collected, not thrown: a failing release or output stops
 * only itself.
 */
import path from "node:path";
import type { Layout } from "../compose/define-layout.ts";
import { discoverSources } from "../discover/discover.ts";
import { hasErrors, type Diagnostic } from "../model/diagnostic.ts";
import { parseRelease } from "../parse/parse-release.ts";
import { createFontStore, loadFontManifest } from "../prepare/fonts.ts";
import { prepareRelease } from "../prepare/prepare.ts";
import { loadLayouts } from "./layouts.ts";
import { buildTarget } from "./target.ts";
import { UsageError } from "./usage-error.ts";
import { sha256, writeAtomic, writeManifest, type ManifestEntry } from "./write.ts";

export { UsageError };

export type BuildOptions = {
  contentDir: string;
  outDir: string;
  /** Layout ids; all layouts when absent. */
  layouts?: string[];
  /** Language tags; all languages when absent. */
  langs?: string[];
  /** Font manifest folder. */
  fontsDir?: string;
  /** Progress lines ("wrote out/…"). */
  log?: (line: string) => void;
};

export type BuildResult = { outputs: ManifestEntry[]; diagnostics: Diagnostic[] };

export async function build(options: BuildOptions): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  const outputs: ManifestEntry[] = [];
  const log = options.log ?? (() => {});

  const layouts = selectLayouts(await loadLayouts(), options.layouts, diagnostics);
  const fonts = await loadFontManifest(options.fontsDir);
  diagnostics.push(...fonts.diagnostics);
  if (!fonts.manifest) return { outputs, diagnostics };

  // discover: content/<slug>/<lang>.md
  const discovered = await discoverSources(options.contentDir, options.langs ? { langs: options.langs } : undefined);
  diagnostics.push(...discovered.diagnostics);

  for (const source of discovered.sources) {
    // parse: front matter and Markdown into a Release
    const parsed = parseRelease(source);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.release || hasErrors(parsed.diagnostics)) continue;
    // prepare: language, direction, hyphenation, fonts, glyph coverage
    const prepared = prepareRelease(parsed.release, fonts.manifest);
    diagnostics.push(...prepared.diagnostics);
    if (!prepared.prepared || hasErrors(prepared.diagnostics)) continue;

    for (const layout of layouts) {
      const relative = [source.slug, source.lang, `${layout.id}.pdf`].join("/");
      const file = path.join(options.outDir, relative);
      // compose, layout, render, verify
      // A fresh font store per document: fontkit's glyph caches never carry over (findings.md).
      const result = await buildTarget(prepared.prepared, layout, createFontStore(fonts.manifest), file);
      diagnostics.push(...result.diagnostics);
      if (!result.bytes || hasErrors(result.diagnostics)) continue;
      // write: atomically, never over a good file with a bad one
      await writeAtomic(file, result.bytes);
      log(`wrote ${file} (${result.pages} ${result.pages === 1 ? "page" : "pages"}, ${Math.round(result.bytes.length / 1024)} KB)`);
      outputs.push({
        slug: source.slug, lang: source.lang, layout: layout.id, file: relative,
        title: parsed.release.meta.title, pages: result.pages, bytes: result.bytes.length, sha256: sha256(result.bytes),
      });
    }
  }
  if (outputs.length) await writeManifest(options.outDir, outputs);
  return { outputs, diagnostics };
}

function selectLayouts(loaded: { layouts: Map<string, Layout>; diagnostics: Diagnostic[] }, wanted: string[] | undefined, diagnostics: Diagnostic[]): Layout[] {
  diagnostics.push(...loaded.diagnostics);
  if (!wanted) return [...loaded.layouts.values()];
  const unknown = wanted.filter((id) => !loaded.layouts.has(id));
  if (unknown.length) {
    throw new UsageError(`unknown layout ${unknown.map((u) => `"${u}"`).join(", ")}; available: ${[...loaded.layouts.keys()].join(", ")}`);
  }
  return wanted.map((id) => loaded.layouts.get(id)!);
}
