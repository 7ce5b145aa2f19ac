/**
 * `pressroom new <slug>`: a skeleton release, one file per language, in a
 * release folder that must not exist yet. A bad slug or language tag is a
 * usage problem (exit 2); an existing release is refused with nothing written
 * (exit 1).
 */
import path from "node:path";
import type { Diagnostic } from "../model/diagnostic.ts";
import { checkLangs, checkSlug, today, writeRelease } from "../authoring/target.ts";
import { placeholdersFor } from "./placeholders.ts";
import { skeleton } from "./skeleton.ts";

export type NewOptions = {
  slug: string;
  /** Language tags as given; default `en`. */
  langs?: string[];
  /** Default `content`. */
  contentDir?: string;
  /** YYYY-MM-DD; default today (SOURCE_DATE_EPOCH when set). */
  date?: string;
};

export type NewResult = {
  /** 0 written, 1 refused (something exists or cannot be written), 2 bad slug or language. */
  code: 0 | 1 | 2;
  written: string[];
  /** Languages that got the English placeholder text. */
  englishFallback: string[];
  diagnostics: Diagnostic[];
};

export async function newRelease(options: NewOptions): Promise<NewResult> {
  const contentDir = options.contentDir ?? "content";
  const slugProblem = checkSlug(options.slug, contentDir);
  const { langs, problems } = checkLangs(options.langs?.length ? options.langs : ["en"], path.join(contentDir, options.slug));
  const usage = [...(slugProblem ? [slugProblem] : []), ...problems];
  if (usage.length) return { code: 2, written: [], englishFallback: [], diagnostics: usage };

  const date = options.date ?? today();
  const files = langs.map((lang) => ({ name: `${lang}.md`, data: skeleton({ lang, date }) }));
  const result = await writeRelease(contentDir, options.slug, files, { newFolder: true });
  return {
    code: result.problems.length ? 1 : 0,
    written: result.written,
    englishFallback: langs.filter((l) => !placeholdersFor(l).inLanguage),
    diagnostics: result.problems,
  };
}
