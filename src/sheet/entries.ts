/**
 * What the contact sheet and the previews show: one entry per output
 * (release × language × edition), good or failed, with its diagnostics.
 */
import path from "node:path";
import { hasErrors, type Diagnostic } from "../model/diagnostic.ts";
import type { ManifestEntry } from "../build/write.ts";
import { EMAIL, EMAIL_FILE, outputFile } from "../build/units.ts";
import { byCodeUnit, byEdition } from "./names.ts";

type EntryBase = {
  slug: string;
  lang: string;
  /** Layout id, e.g. `handout-a4`. */
  layout: string;
  /** `<slug>/<lang>/<layout>.pdf` (the press e-mail: `release.eml`), relative to the output folder, forward slashes. */
  file: string;
  /** The headline in the release's language; "" when unknown (the source did not parse). */
  title: string;
  /** This output's errors and warnings; for a failed output at least one error. */
  diagnostics: readonly Diagnostic[];
};

/**
 * A built output (`ok: true`, its PDF is on disk as described) or a failed
 * one (`ok: false`). A failed output may still have the PDF of an earlier
 * good build on disk; the writers find it and show it as such.
 */
export type SheetEntry =
  | (EntryBase & { ok: true; pages: number; bytes: number; /** Of the PDF; hashed from the file when absent. */ sha256?: string })
  | (EntryBase & { ok: false });

export type FailedEntry = Extract<SheetEntry, { ok: false }>;

export type SheetOptions = {
  /**
   * An EventSource URL (watch mode). When given, the page carries a small
   * inline script: `reload` events reload it, `error` events show the
   * diagnostics in an overlay (see live-reload.ts). Use an absolute path
   * (`/__events`): the previews are one folder below the contact sheet.
   */
  liveReload?: string;
};

/** Entries in display order: by slug, language, then edition. */
export function sortEntries<T extends SheetEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => byCodeUnit(a.slug, b.slug) || byCodeUnit(a.lang, b.lang) || byEdition(a.layout, b.layout));
}

/**
 * Entries from a build's result. A diagnostic belongs to an output when its
 * `file` is that output's PDF (checks of the written PDF), or to every
 * output of a release's language when it is that language's source
 * (`<contentDir>/<slug>/<lang>.md`). A source's errors that left no PDF
 * make failed entries, one per layout in `layouts` that has no output; an
 * output with an error of its own that is not in `outputs` is failed too.
 * Every output in `outputs` was written, so it is good and gets its
 * source's warnings only. Diagnostics about
 * neither (fonts, layouts) are not shown on the sheet: the build prints them.
 *
 * Limitation: layout warnings (e.g. a word wider than its column) point at
 * the source, so they are shown on every edition of that language.
 */
export function entriesFromBuild(
  result: { outputs: readonly ManifestEntry[]; diagnostics: readonly Diagnostic[] },
  where: { contentDir: string; outDir: string; layouts: readonly string[] },
): SheetEntry[] {
  const outputs = new Map(result.outputs.map((o) => [o.file, o]));
  const byOutput = new Map<string, Diagnostic[]>();
  const bySource = new Map<string, Diagnostic[]>(); // "<slug>/<lang>"
  const add = (map: Map<string, Diagnostic[]>, key: string, d: Diagnostic) => void (map.get(key) ?? map.set(key, []).get(key)!).push(d);
  for (const d of result.diagnostics) {
    const output = relativeParts(where.outDir, d.file);
    if (output?.length === 3 && (output[2]!.endsWith(".pdf") || output[2] === EMAIL_FILE)) {
      add(byOutput, output.join("/"), d);
      continue;
    }
    const source = relativeParts(where.contentDir, d.file);
    if (source?.length === 2 && source[1]!.endsWith(".md")) add(bySource, `${source[0]}/${source[1]!.slice(0, -3)}`, d);
  }

  const entries = new Map<string, SheetEntry>();
  for (const o of result.outputs) {
    // Written, so good: a source's errors (if any) stopped its other layouts, not this one.
    const warnings = (bySource.get(`${o.slug}/${o.lang}`) ?? []).filter((d) => d.severity === "warning");
    entries.set(o.file, { ...o, ok: true, diagnostics: [...warnings, ...(byOutput.get(o.file) ?? [])] });
  }
  const titleOf = (slug: string, lang: string) => result.outputs.find((o) => o.slug === slug && o.lang === lang && o.title)?.title ?? "";
  const fail = (slug: string, lang: string, layout: string) => {
    const file = outputFile(slug, lang, layout);
    if (outputs.has(file) || entries.has(file)) return;
    const diagnostics = [...(bySource.get(`${slug}/${lang}`) ?? []), ...(byOutput.get(file) ?? [])];
    entries.set(file, { slug, lang, layout, file, title: titleOf(slug, lang), ok: false, diagnostics });
  };
  for (const [key, ds] of bySource) {
    if (!hasErrors(ds)) continue;
    const [slug, lang] = key.split("/") as [string, string];
    for (const layout of where.layouts) fail(slug, lang, layout);
  }
  for (const [file, ds] of byOutput) {
    if (!hasErrors(ds)) continue;
    const [slug, lang, name] = file.split("/") as [string, string, string];
    fail(slug, lang, name === EMAIL_FILE ? EMAIL : name.slice(0, -4));
  }
  return sortEntries([...entries.values()]);
}

/** `file`'s path segments below `dir`, or undefined when it is not inside. */
function relativeParts(dir: string, file: string): string[] | undefined {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep);
}
