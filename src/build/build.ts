/**
 * The orchestrator. Reads as the recipe it is: discover the releases, plan
 * one work unit per release × language × layout, skip the units whose
 * inputs have not changed, run the rest (parse, prepare, compose, lay out,
 * render) on a pool of workers, verify each PDF, write the good ones, then the
 * manifest. Diagnostics are collected, not thrown: a failing release or
 * output stops only itself.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../paths.ts";
import { discoverSources } from "../discover/discover.ts";
import type { Brand } from "../model/brand.ts";
import { error, hasErrors, type Diagnostic } from "../model/diagnostic.ts";
import { loadFontManifest } from "../prepare/font-manifest.ts";
import { BuildCache, cacheFile } from "./cache.ts";
import { layoutIds, layoutsDir } from "./layouts.ts";
import { writeManifestFor } from "./manifest.ts";
import { unitRunner, type UnitRunner } from "./pool.ts";
import type { UnitResult, UnitTask } from "./run-unit.ts";
import { verifyTarget } from "./verify-output.ts";
import { unitHasher } from "./unit-hash.ts";
import { EMAIL, planUnits, shardUnits, type Shard, type Unit } from "./units.ts";
import { UsageError } from "./usage-error.ts";
import { sha256, writeAtomic, type ManifestEntry } from "./write.ts";

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
  /** Worker threads; none given: the calling thread does the work. The CLI uses one per core. */
  jobs?: number;
  /** Rebuild every output, whatever the cache says. */
  force?: boolean;
  /** Build only this share of the outputs (CI runners). */
  shard?: Shard;
  /** The project's brand, resolved by `loadConfig` (pressroom.config.json); none: the design's defaults. */
  brand?: Brand;
  /** Progress lines ("wrote out/…"). */
  log?: (line: string) => void;
  /** Called as each output to build finishes. */
  progress?: (event: BuildProgress) => void;
  /** A pool that outlives this build (watch mode keeps its workers warm); `jobs` is then ignored. */
  runner?: UnitRunner;
  /** Write `index.html`, the contact sheet (not for a shard: its part lacks the others' outputs). */
  contactSheet?: boolean;
};

/** How long one output took: rendering (in a worker) and checking (here), in milliseconds. */
export type UnitTiming = { file: string; renderMs: number; verifyMs: number };

export type BuildResult = {
  outputs: ManifestEntry[];
  diagnostics: Diagnostic[];
  /** Outputs written by this run, and outputs whose inputs had not changed. */
  built: number;
  reused: number;
  timings: { totalMs: number; units: UnitTiming[] };
};

/** One output finished (written or failed). */
export type BuildProgress = { done: number; total: number; file: string };



export { defaultJobs } from "./units.ts";

/** Every edition id: the layouts in `layouts/`, then the press e-mail. */
export const editionIds = (): string[] => [...layoutIds(), EMAIL];

export async function build(options: BuildOptions): Promise<BuildResult> {
  const startedAt = performance.now();
  const diagnostics: Diagnostic[] = [];
  const log = options.log ?? (() => {});

  // The editions to build (layout code is loaded by the workers) and the fonts.
  const editions = selectEditions(editionIds(), options.layouts);
  const fontsDir = options.fontsDir ?? "fonts";
  // The workers parse the font files (and report bad ones); this thread needs only the manifest.
  const fonts = await loadFontManifest(fontsDir, { parseFiles: options.jobs === undefined && !options.runner });
  diagnostics.push(...fonts.diagnostics);
  if (!fonts.manifest) return { outputs: [], diagnostics, built: 0, reused: 0, timings: { totalMs: performance.now() - startedAt, units: [] } };

  // discover: content/<slug>/<lang>.md
  const discovered = await discoverSources(options.contentDir, options.langs ? { langs: options.langs } : undefined);
  diagnostics.push(...discovered.diagnostics);

  // plan: one unit per output, this shard's share; skip the ones whose inputs are unchanged
  const units = shardUnits(planUnits(discovered.sources, editions), options.shard);
  const cache = BuildCache.read(cacheFile(options.outDir, options.shard));
  const hashOf = unitHasher({ root: packageRoot, layoutsDir, fontsDir: path.resolve(fontsDir), fonts: fonts.manifest, ...(options.brand ? { brand: options.brand.digest } : {}) });
  const byFile = new Map(units.map((u) => [u.file, u]));
  // The e-mail depends on everything its handout depends on.
  const inputsOf = (unit: Unit) => (unit.attach ? sha256(new TextEncoder().encode(hashOf(unit) + hashOf(byFile.get(unit.attach)!))) : hashOf(unit));
  const outputs = new Map<string, ManifestEntry>();
  const todo: Todo[] = [];
  for (const unit of units) {
    const inputs = inputsOf(unit);
    const reused = options.force ? undefined : cache.reusable(options.outDir, unit.file, inputs);
    if (reused) outputs.set(unit.file, reused);
    else todo.push({ unit, inputs, diagnostics: [] });
  }
  if (outputs.size) log(`${outputs.size} ${outputs.size === 1 ? "output is" : "outputs are"} up to date`);

  const timings: UnitTiming[] = [];
  const attached = new Set(todo.flatMap(({ unit }) => (unit.attach ? [unit.attach] : [])));
  const handouts = new Map<string, Uint8Array>();
  let built = 0;
  let done = 0;
  const finish = async (item: Todo, rendered: UnitResult) => {
    const { unit, inputs } = item;
    const started = performance.now();
    // verify: read the PDF back; any finding fails the output
    const findings = rendered.bytes && rendered.checks && !hasErrors(rendered.diagnostics) ? await verifyTarget(rendered.bytes, rendered.checks) : [];
    item.diagnostics = [...rendered.diagnostics, ...findings];
    timings.push({ file: unit.file, renderMs: rendered.ms ?? 0, verifyMs: performance.now() - started });
    options.progress?.({ done: ++done, total: todo.length, file: unit.file });
    if (!rendered.bytes || hasErrors(item.diagnostics)) { cache.forget(unit.file); return; }
    // write: atomically, never over a good file with a bad one
    const file = path.join(options.outDir, unit.file);
    await writeAtomic(file, rendered.bytes);
    const size = `${Math.round(rendered.bytes.length / 1024)} KB`;
    log(`wrote ${file} (${unit.attach ? size : `${rendered.pages} ${rendered.pages === 1 ? "page" : "pages"}, ${size}`})`);
    const entry: ManifestEntry = {
      slug: unit.source.slug, lang: unit.source.lang, layout: unit.layout, file: unit.file,
      title: rendered.title ?? "", pages: rendered.pages, bytes: rendered.bytes.length, sha256: sha256(rendered.bytes),
    };
    outputs.set(unit.file, entry);
    cache.record(unit.file, inputs, entry);
    if (attached.has(unit.file)) handouts.set(unit.file, rendered.bytes);
    built++;
  };

  // parse, prepare, compose, lay out, render: on the pool; verify and write each as it comes back.
  // Then the e-mails, which attach the handouts written (or kept) just before.
  const pdfs = todo.filter(({ unit }) => !unit.attach);
  const emails = todo.filter(({ unit }) => unit.attach);
  if (todo.length) {
    const runner = options.runner ?? (await unitRunner(options.jobs === undefined ? 0 : Math.max(1, Math.min(options.jobs, pdfs.length || 1))));
    try {
      const run = (items: Todo[]) => runner.run(items.map((item) => taskFor(item.unit, options)), (i, result) => finish(items[i]!, result));
      await run(pdfs);
      const ready = emails.filter((item) => {
        const bytes = handouts.get(item.unit.attach!) ?? keptHandout(options.outDir, outputs.get(item.unit.attach!));
        if (bytes) item.attachment = bytes;
        else {
          cache.forget(item.unit.file);
          item.diagnostics.push(error({ file: path.join(options.outDir, item.unit.file) }, `the press e-mail was not written: its handout ${item.unit.attach} failed`, "fix the handout's errors above; the e-mail attaches it"));
        }
        return bytes !== undefined;
      });
      done += emails.length - ready.length;
      await runner.run(ready.map((item) => ({ ...taskFor(item.unit, options), attachment: { layout: layoutOfFile(item.unit.attach!), bytes: item.attachment! } })), (i, result) => finish(ready[i]!, result));
    } finally {
      if (!options.runner) await runner.close();
    }
  }
  // Messages in plan order, whatever order the units finished in; each once (an edition repeats its release's).
  const seen = new Set<string>();
  for (const d of todo.flatMap((item) => item.diagnostics)) {
    const key = JSON.stringify(d);
    if (!seen.has(key)) { seen.add(key); diagnostics.push(d); }
  }

  const list = [...outputs.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (list.length) await writeManifestFor(options.outDir, list, options.shard);
  if (units.length) await cache.save();
  timings.sort((x, y) => (x.file < y.file ? -1 : 1));
  if (options.contactSheet && !options.shard) {
    // sheet: every output with its page-1 image and its checks, for people (out/index.html)
    const { entriesFromBuild, writeContactSheet } = await import("../sheet/index.ts");
    await writeContactSheet(options.outDir, entriesFromBuild({ outputs: list, diagnostics }, { contentDir: options.contentDir, outDir: options.outDir, layouts: editions }));
  }
  return { outputs: list, diagnostics, built, reused: units.length - todo.length, timings: { totalMs: performance.now() - startedAt, units: timings } };
}

/** A unit to build, its inputs' hash, and what building it said. */
type Todo = { unit: Unit; inputs: string; diagnostics: Diagnostic[]; attachment?: Uint8Array };

function taskFor(unit: Unit, options: BuildOptions): UnitTask {
  return {
    source: unit.source, layout: unit.layout, outputName: path.join(options.outDir, unit.file),
    ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
    ...(options.brand ? { brand: options.brand } : {}),
  };
}

/** `<slug>/<lang>/handout-a4.pdf` → `handout-a4`. */
const layoutOfFile = (file: string) => path.posix.basename(file, ".pdf");

/** The bytes of a handout kept from an earlier build, if they are still the ones its manifest entry names. */
function keptHandout(outDir: string, entry: ManifestEntry | undefined): Uint8Array | undefined {
  if (!entry) return undefined;
  const bytes = readFileSync(path.join(outDir, entry.file));
  return sha256(bytes) === entry.sha256 ? new Uint8Array(bytes) : undefined;
}

function selectEditions(available: readonly string[], wanted: string[] | undefined): string[] {
  if (!wanted) return [...available];
  const unknown = wanted.filter((id) => !available.includes(id));
  if (unknown.length) {
    throw new UsageError(`unknown layout ${unknown.map((u) => `"${u}"`).join(", ")}; available: ${available.join(", ")}`);
  }
  return wanted;
}
