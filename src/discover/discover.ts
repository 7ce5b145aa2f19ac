import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import type { SourceFile } from "../model/release.ts";
import { canonicalLanguageTag, suggestLanguageTag } from "../parse/language-tag.ts";

export type DiscoverFilter = {
  /** Keep only these languages (compared in canonical form, `en-gb` = `en-GB`). */
  langs?: string[];
};

export type DiscoverResult = { sources: SourceFile[]; diagnostics: Diagnostic[] };

/** A release folder name: kebab-case, lower-case ASCII letters and digits. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Code-unit order: the same on every machine and locale. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Finds every `<contentDir>/<slug>/<lang>.md`, sorted by slug, then language tag.
 * A bad slug or file name is reported and left out; the other files are still returned.
 * Files other than `.md` (images) and hidden entries are ignored.
 */
export async function discoverSources(contentDir: string, filter?: DiscoverFilter): Promise<DiscoverResult> {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceFile[] = [];

  const rootStat = await stat(contentDir).catch(() => undefined);
  if (!rootStat?.isDirectory()) {
    const message = rootStat
      ? `the content folder ${contentDir} is not a folder`
      : `the content folder ${contentDir} does not exist`;
    diagnostics.push(error({ file: contentDir }, message, `create it with one folder per release, e.g. ${path.join(contentDir, "harbour-library", "en.md")}`));
    return { sources, diagnostics };
  }

  const wanted = wantedLanguages(contentDir, filter, diagnostics);
  const entries = (await readdir(contentDir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => byCodeUnit(a.name, b.name));

  let releaseFolders = 0;
  const availableLangs = new Set<string>();
  for (const entry of entries) {
    const dir = path.join(contentDir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(dir).catch(() => undefined))?.isDirectory());
    if (!isDir) {
      if (entry.name.endsWith(".md")) {
        diagnostics.push({
          ...error({ file: dir }, `${entry.name} is not inside a release folder and is ignored`, `move it to ${path.join(contentDir, "<slug>", entry.name)}`),
          severity: "warning",
        });
      }
      continue;
    }
    releaseFolders++;
    if (!SLUG.test(entry.name)) {
      diagnostics.push(
        error({ file: dir }, `the release folder name \`${entry.name}\` is not a kebab-case slug`, `rename the folder to \`${suggestSlug(entry.name)}\` (lower-case ASCII letters, digits and single hyphens)`),
      );
      continue;
    }
    const found = await discoverRelease(entry.name, dir, diagnostics);
    for (const source of found) {
      availableLangs.add(source.lang);
      if (!wanted || wanted.has(source.lang)) sources.push(source);
    }
  }

  if (releaseFolders === 0) {
    diagnostics.push(
      error({ file: contentDir }, `the content folder ${contentDir} holds no releases`, `add a folder per release with one Markdown file per language, e.g. ${path.join(contentDir, "harbour-library", "en.md")}`),
    );
  } else if (wanted && wanted.size > 0 && sources.length === 0 && availableLangs.size > 0) {
    diagnostics.push(
      error({ file: contentDir }, `no release has a file for ${[...wanted].join(", ")}`, `languages found: ${[...availableLangs].sort(byCodeUnit).join(", ")}`),
    );
  }
  return { sources, diagnostics };
}

async function discoverRelease(slug: string, dir: string, diagnostics: Diagnostic[]): Promise<SourceFile[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith(".md") && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort((a, b) => byCodeUnit(a.slice(0, -".md".length), b.slice(0, -".md".length)));
  if (names.length === 0) {
    diagnostics.push({
      ...error({ file: dir }, `the release folder ${slug} has no language files and is skipped`, `add one Markdown file per language, named by its language tag, e.g. ${path.join(dir, "en.md")}`),
      severity: "warning",
    });
    return [];
  }
  const byLang = new Map<string, string>();
  const found: SourceFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const stem = name.slice(0, -".md".length);
    const lang = canonicalLanguageTag(stem);
    if (!lang) {
      const guess = suggestLanguageTag(stem);
      diagnostics.push(
        error(
          { file, line: 1, column: 1 },
          `the file name ${name} is not a language tag`,
          guess
            ? `rename it to ${guess}.md`
            : "name each language file by its BCP 47 language tag, e.g. en.md, en-GB.md or sr-Latn.md",
        ),
      );
      continue;
    }
    const twin = byLang.get(lang);
    if (twin !== undefined) {
      diagnostics.push(error({ file, line: 1, column: 1 }, `${name} and ${twin} are both the ${lang} version`, "keep one file per language"));
      continue;
    }
    byLang.set(lang, name);
    const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
    found.push({ slug, lang, path: file, dir, text });
  }
  return found;
}

function wantedLanguages(contentDir: string, filter: DiscoverFilter | undefined, diagnostics: Diagnostic[]): Set<string> | undefined {
  if (!filter?.langs || filter.langs.length === 0) return undefined;
  const wanted = new Set<string>();
  for (const tag of filter.langs) {
    const canonical = canonicalLanguageTag(tag);
    if (canonical) wanted.add(canonical);
    else {
      const guess = suggestLanguageTag(tag);
      diagnostics.push(
        error({ file: contentDir }, `the requested language \`${tag}\` is not a language tag`, guess ? `did you mean \`${guess}\`?` : "use a BCP 47 language tag such as en, en-GB or sr-Latn"),
      );
    }
  }
  return wanted;
}

/** `Harbour Library_2026` → `harbour-library-2026`; accents dropped. */
export function suggestSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "my-release";
}
