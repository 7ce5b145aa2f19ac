/**
 * The bench's documents for both tools: each release parsed and prepared by
 * Pressroom's own stages (so the Typst document has exactly Pressroom's
 * printed text), and its Typst source. Writes the `.typ` files and the job
 * file that bench/typst/child.mjs reads.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { discoverSources } from "../../src/discover/discover.ts";
import { formatDiagnostic } from "../../src/model/diagnostic.ts";
import type { PreparedRelease } from "../../src/model/prepared.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { loadFontManifest, type FontManifest } from "../../src/prepare/fonts.ts";
import { prepareRelease } from "../../src/prepare/prepare.ts";
import { manifestFontFiles } from "./compile.ts";
import { releaseToTypst } from "./document.ts";

export type Sample = { name: string; prepared: PreparedRelease; typst: string };

let manifestPromise: Promise<FontManifest> | undefined;
export function fontManifest(): Promise<FontManifest> {
  manifestPromise ??= loadFontManifest().then((r) => {
    if (!r.manifest) throw new Error(`font manifest failed to load: ${r.diagnostics.map((d) => formatDiagnostic(d)).join("\n")}`);
    return r.manifest;
  });
  return manifestPromise;
}

/** Every release in the content folders, parsed, prepared and converted; a release with an error stops the bench. */
export async function loadSamples(contentDirs: readonly string[]): Promise<Sample[]> {
  const manifest = await fontManifest();
  const samples: Sample[] = [];
  for (const dir of contentDirs) {
    for (const source of (await discoverSources(dir)).sources) {
      const parsed = parseRelease(source);
      const prepared = parsed.release && prepareRelease(parsed.release, manifest).prepared;
      if (!prepared) throw new Error(`${source.path} does not build: ${parsed.diagnostics.map((d) => formatDiagnostic(d)).join("\n")}`);
      samples.push({ name: `${source.slug}/${prepared.lang}`, prepared, typst: releaseToTypst(prepared, manifest) });
    }
  }
  return samples;
}

/** Writes `<dir>/<slug>-<lang>.typ` per sample; returns the paths. */
export function writeTypstSources(samples: readonly Sample[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return samples.map((s) => {
    const file = path.join(dir, `${s.name.replace("/", "-")}.typ`);
    writeFileSync(file, s.typst);
    return file;
  });
}

/** A job for bench/typst/child.mjs: Pressroom's font files, and each `.typ` → `<outDir>/<name>.pdf`. */
export async function writeTypstJob(typFiles: readonly string[], outDir: string, jobFile: string): Promise<string> {
  const fonts = manifestFontFiles(await fontManifest());
  const jobs = typFiles.map((typ) => ({ typ, pdf: path.join(outDir, path.basename(typ, ".typ"), "handout-a4.pdf") }));
  writeFileSync(jobFile, JSON.stringify({ fonts, jobs }));
  return jobFile;
}
