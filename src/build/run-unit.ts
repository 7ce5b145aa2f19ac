/**
 * One work unit, from Markdown to PDF bytes: parse, prepare, compose, lay
 * out, render (the orchestrator verifies them). Runs in a worker thread (worker.ts) or
 * in the orchestrator's own thread. Fonts, layouts, hyphenation patterns
 * and prepared releases are loaded once per thread and reused.
 */
import type { Layout } from "../compose/define-layout.ts";
import type { Brand } from "../model/brand.ts";
import { error, hasErrors, type Diagnostic } from "../model/diagnostic.ts";
import type { PreparedRelease } from "../model/prepared.ts";
import type { SourceFile } from "../model/release.ts";
import { parseRelease } from "../parse/parse-release.ts";
import { createFontStore, loadFontManifest, newShapingMemo, type FontManifest, type ShapingMemo } from "../prepare/fonts.ts";
import { withBrandFonts } from "../prepare/brand.ts";
import { prepareRelease } from "../prepare/prepare.ts";
import { loadLayouts } from "./layouts.ts";
import type { CheckOptions } from "../verify/check.ts";
import { buildTarget } from "./target.ts";

export type UnitTask = {
  source: SourceFile;
  layout: string;
  /** Where the PDF will be written, for messages about it. */
  outputName: string;
  fontsDir?: string;
  /** The project's brand (plain data: it is copied to the worker with the task). */
  brand?: Brand;
  /** For the press e-mail (layout EMAIL): the handout it attaches, already checked and written. */
  attachment?: { layout: string; bytes: Uint8Array };
};

export type UnitResult = {
  /** The rendered PDF, not yet checked: the orchestrator verifies it (verifyTarget), in one thread for all units. */
  bytes?: Uint8Array;
  pages: number;
  title?: string;
  diagnostics: Diagnostic[];
  checks?: CheckOptions;
  /** Milliseconds this thread spent on the unit. */
  ms?: number;
};

type ThreadContext = { manifest?: FontManifest; layouts: Map<string, Layout>; diagnostics: Diagnostic[] };

const contexts = new Map<string, Promise<ThreadContext>>();
function contextFor(fontsDir = "fonts"): Promise<ThreadContext> {
  let context = contexts.get(fontsDir);
  if (!context) {
    context = (async () => {
      const [fonts, loaded] = await Promise.all([loadFontManifest(fontsDir), loadLayouts()]);
      return { ...(fonts.manifest ? { manifest: fonts.manifest } : {}), layouts: loaded.layouts, diagnostics: [...fonts.diagnostics, ...loaded.diagnostics] };
    })();
    contexts.set(fontsDir, context);
  }
  return context;
}

/** A parsed and prepared release, and the runs its documents shaped (for its other editions). */
type Prepared = { prepared?: PreparedRelease; title?: string; diagnostics: Diagnostic[]; memo: ShapingMemo };
/**
 * The last release prepared on this thread: its editions usually come one
 * after another. Replacing it lets the previous release's shaped runs go.
 */
let lastPrepared: { key: string; value: Prepared } | undefined;

function prepared(source: SourceFile, manifest: FontManifest, brand: Brand | undefined): Prepared {
  const key = `${source.path}\0${source.text}\0${brand?.digest ?? ""}`;
  if (lastPrepared?.key === key) return lastPrepared.value;
  // parse: front matter and Markdown into a Release
  const parsed = parseRelease(source);
  let value: Prepared = { diagnostics: parsed.diagnostics, memo: newShapingMemo() };
  if (parsed.release && !hasErrors(parsed.diagnostics)) {
    // prepare: language, direction, hyphenation, fonts, glyph coverage
    const ready = prepareRelease(parsed.release, manifest, brand);
    value = { ...value, title: parsed.release.meta.title, diagnostics: [...parsed.diagnostics, ...ready.diagnostics], ...(ready.prepared && !hasErrors(ready.diagnostics) ? { prepared: ready.prepared } : {}) };
  }
  lastPrepared = { key, value };
  return value;
}

export async function runUnit(task: UnitTask): Promise<UnitResult> {
  const started = performance.now();
  const result = await renderUnit(task);
  return { ...result, ms: performance.now() - started };
}

async function renderUnit(task: UnitTask): Promise<UnitResult> {
  const context = await contextFor(task.fontsDir);
  if (!context.manifest) return { pages: 0, diagnostics: context.diagnostics };
  const layout = context.layouts.get(task.layout);
  if (!layout && !task.attachment) {
    const own = context.diagnostics.filter((d) => d.file.includes(`${task.layout}`));
    return { pages: 0, diagnostics: own.length ? own : [error({ file: task.source.path }, `layout "${task.layout}" did not load`, "see the errors about layouts/")] };
  }
  const release = prepared(task.source, context.manifest, task.brand);
  if (!release.prepared) return { pages: 0, diagnostics: release.diagnostics };
  if (task.attachment) {
    // the press e-mail: its text from the prepared release, the handout attached
    const { composeReleaseEmail } = await import("../email/index.ts");
    const email = await composeReleaseEmail({ prepared: release.prepared, handout: task.attachment });
    return { ...(email.bytes.length ? { bytes: email.bytes } : {}), pages: 0, ...(release.title ? { title: release.title } : {}), diagnostics: [...release.diagnostics, ...email.diagnostics] };
  }
  if (!layout) return { pages: 0, diagnostics: release.diagnostics };
  // compose, layout, render. A fresh font store per document: fontkit's glyph caches
  // never carry over from one document to the next (the parsed tables are shared);
  // shaped runs carry over to the release's other editions only.
  const fonts = createFontStore(withBrandFonts(context.manifest, task.brand), release.memo);
  const result = await buildTarget(release.prepared, layout, fonts, task.outputName);
  return { ...result, ...(release.title ? { title: release.title } : {}), diagnostics: [...release.diagnostics, ...result.diagnostics] };
}
