/**
 * Where `pressroom new` and `pressroom import` write, and how: the slug and
 * language are checked first (bad ones are usage errors, exit 2), then every
 * file is checked before any is written, so a refusal touches nothing. Files
 * are created with the exclusive flag (`wx`), so a file that appears between
 * the check and the write is not overwritten either; on any failure the
 * files and folders this call created are removed again.
 */
import { mkdir, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { SLUG, suggestSlug } from "../discover/discover.ts";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { canonicalLanguageTag, suggestLanguageTag } from "../parse/language-tag.ts";

/** A problem with the slug, or `undefined` when it is a valid release folder name. */
export function checkSlug(slug: string, contentDir: string): Diagnostic | undefined {
  if (SLUG.test(slug)) return undefined;
  return error(
    { file: path.join(contentDir, slug) },
    `\`${slug}\` is not a valid slug for a release folder`,
    `use lower-case ASCII letters, digits and single hyphens, e.g. \`${suggestSlug(slug)}\``,
  );
}

/** The canonical tags, or the problems (one per bad tag). */
export function checkLangs(tags: readonly string[], where: string): { langs: string[]; problems: Diagnostic[] } {
  const langs: string[] = [];
  const problems: Diagnostic[] = [];
  for (const tag of tags) {
    const lang = canonicalLanguageTag(tag);
    if (lang) {
      if (!langs.includes(lang)) langs.push(lang);
      continue;
    }
    const guess = suggestLanguageTag(tag);
    problems.push(
      error({ file: where }, `\`${tag}\` is not a valid BCP 47 language tag`, guess ? `did you mean \`--lang ${guess}\`?` : "use a tag such as `en`, `en-GB`, `uk` or `sr-Latn`"),
    );
  }
  return { langs, problems };
}

/** A file to write, relative to the release folder. */
export type PlannedFile = { name: string; data: string | Uint8Array };

export type WriteResult = { written: string[]; problems: Diagnostic[] };

const exists = async (p: string): Promise<boolean> => (await stat(p).catch(() => undefined)) !== undefined;

/**
 * Writes `files` into `<contentDir>/<slug>/`. With `newFolder`, the release
 * folder itself must not exist yet (`pressroom new`); otherwise only the files
 * must not (`pressroom import` may add a language to a release). Nothing is
 * written when anything is in the way; every obstacle is reported.
 */
export async function writeRelease(contentDir: string, slug: string, files: readonly PlannedFile[], options: { newFolder: boolean }): Promise<WriteResult> {
  const dir = path.join(contentDir, slug);
  const targets = files.map((f) => path.join(dir, f.name));
  const problems: Diagnostic[] = [];
  const dirStat = await stat(dir).catch(() => undefined);
  if (dirStat && (options.newFolder || !dirStat.isDirectory())) {
    problems.push(
      error({ file: dir }, `the release \`${slug}\` already exists; nothing was written`, "choose another slug, or move the folder away first: Pressroom never overwrites a release"),
    );
    return { written: [], problems };
  }
  for (const target of targets) {
    if (await exists(target)) {
      problems.push(error({ file: target }, "the file already exists; nothing was written", "choose another slug or language, or move the file away first: Pressroom never overwrites a release"));
    }
  }
  if (problems.length) return { written: [], problems };

  // Folders this call creates, outermost first, so that a failure can remove them again.
  const createdDirs: string[] = [];
  const written: string[] = [];
  try {
    for (const folder of [...new Set(targets.map((t) => path.dirname(t)))]) {
      const first = await mkdir(folder, { recursive: true });
      if (first) createdDirs.push(...chain(first, folder));
    }
    for (const [i, file] of files.entries()) {
      const target = targets[i]!;
      await writeFile(target, file.data, { flag: "wx" });
      written.push(target);
    }
    return { written, problems };
  } catch (e) {
    for (const file of written) await rm(file, { force: true });
    for (const folder of [...new Set(createdDirs)].reverse()) await rmdir(folder).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    const target = (e as NodeJS.ErrnoException).path ?? dir;
    problems.push(
      code === "EEXIST"
        ? error({ file: target }, "the file appeared while Pressroom was writing; nothing was written", "run the command again once nothing else writes there")
        : error({ file: target }, `cannot write the release: ${e instanceof Error ? e.message : String(e)}`),
    );
    return { written: [], problems };
  }
}

/** The folders from `first` (created by mkdir -p) down to `last`. */
function chain(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = last; ; p = path.dirname(p)) {
    out.unshift(p);
    if (p === first || path.dirname(p) === p) break;
  }
  return out;
}

/**
 * Today's date as YYYY-MM-DD: from SOURCE_DATE_EPOCH (in UTC) when it is set,
 * so that tests and reproducible runs get a fixed date, else the local date.
 */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
