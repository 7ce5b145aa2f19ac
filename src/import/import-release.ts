/**
 * `pressroom import <file>`: a release written elsewhere (Word .docx, or
 * plain text / Markdown) → `<content>/<slug>/<lang>.md` plus its images, and
 * the list of guesses with line numbers in the new file. The new file is
 * then parsed as the build would parse it, and its problems (such as a TODO
 * organisation) are returned too, pointing into the new file.
 *
 * Exit codes: 2 for a bad option or a file type it cannot read, or when the
 * language cannot be told from the script and `--lang` is missing; 1 when
 * the file cannot be read, an image has no alt text, or the release's file
 * exists (nothing is written then); 0 when written.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkLangs, checkSlug, today, writeRelease } from "../authoring/target.ts";
import { slugify } from "../authoring/slug.ts";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { parseRelease } from "../parse/parse-release.ts";
import { readDocx } from "./docx.ts";
import { interpret } from "./interpret.ts";
import { guessLanguage } from "./language.ts";
import { oneLine, type SourceDocument } from "./source.ts";
import { readText } from "./text.ts";
import { writeMarkdown } from "./write-markdown.ts";

export type ImportOptions = {
  file: string;
  slug?: string;
  lang?: string;
  /** Default `content`. */
  contentDir?: string;
  /** The date when the source has no dateline (YYYY-MM-DD); default today (SOURCE_DATE_EPOCH when set). */
  date?: string;
};

export type ImportResult = {
  code: 0 | 1 | 2;
  /** The new Markdown file, when written. */
  markdownFile?: string;
  written: string[];
  /** "content/x/en.md:2: title ← …", in line order. */
  guesses: string[];
  /** What was guessed or left out that has no line in the new file (slug, markers). */
  notes: string[];
  /** Why nothing was written (usage or input errors). */
  diagnostics: Diagnostic[];
  /** Problems the build will report in the new file until they are fixed. */
  problems: Diagnostic[];
};

const TEXT_TYPES = new Set([".txt", ".text", ".md", ".markdown"]);
const OTHER_TYPES: Record<string, string> = {
  ".doc": "the old Word format (.doc): open it in Word or LibreOffice and save it as .docx",
  ".odt": "an OpenDocument text: save it as .docx from LibreOffice (File › Save As › Word 2007–365)",
  ".rtf": "rich text: save it as .docx from your word processor",
  ".pdf": "a PDF: copy its text into a .txt file, or import the Word file it was made from",
  ".html": "HTML: save the page's text as .txt, or the document as .docx",
};

const fail = (code: 1 | 2, diagnostics: Diagnostic[]): ImportResult => ({ code, written: [], guesses: [], notes: [], diagnostics, problems: [] });

export async function importRelease(options: ImportOptions): Promise<ImportResult> {
  const contentDir = options.contentDir ?? "content";
  const file = options.file;
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".docx" && !TEXT_TYPES.has(ext)) {
    const what = OTHER_TYPES[ext];
    return fail(2, [error({ file }, `Pressroom cannot import ${what ? what.split(":")[0] : `a ${ext || "file without extension"}`}`, what ? what.split(": ").slice(1).join(": ") : "import a Word file (.docx), plain text (.txt) or Markdown (.md)")]);
  }
  const usage: Diagnostic[] = [];
  if (options.slug !== undefined) {
    const problem = checkSlug(options.slug, contentDir);
    if (problem) usage.push(problem);
  }
  let lang = options.lang;
  if (lang !== undefined) {
    const checked = checkLangs([lang], file);
    usage.push(...checked.problems);
    lang = checked.langs[0];
  }
  if (usage.length) return fail(2, usage);

  // Read the source.
  let doc: SourceDocument;
  try {
    const bytes = await readFile(file);
    const text = ext === ".docx" ? "" : bytes.toString("utf8");
    if (/^\uFEFF?---[ \t]*\r?\n[\s\S]*?\n---[ \t]*(?:\r?\n|$)/.test(text)) {
      return fail(1, [error({ file, line: 1, column: 1 }, "the file has front matter already: it is a Pressroom release, not one to import", `copy it to ${path.join(contentDir, "<slug>", "<lang>.md")} instead`)]);
    }
    doc = ext === ".docx" ? await readDocx(file, bytes) : readText(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "the file does not exist" : ext === ".docx" ? `cannot read the Word file: ${e instanceof Error ? e.message : String(e)}` : `cannot read the file: ${e instanceof Error ? e.message : String(e)}`;
    return fail(1, [error({ file }, message, ext === ".docx" && code !== "ENOENT" ? "check that it opens in Word, and save it again as .docx" : undefined)]);
  }
  if (doc.blocks.length === 0) return fail(1, [error({ file }, "the file has no text to import")]);

  // The language: --lang, or a guess from the script when the script says it.
  let langWhy = "--lang";
  if (!lang) {
    const guessed = guessLanguage(doc.blocks.map((b) => oneLine(b.spans)).join(" "));
    if (!guessed.lang) {
      return fail(2, [error({ file }, `cannot tell the language: ${guessed.why}`, guessed.suggestion ? `pass --lang with its tag, e.g. --lang ${guessed.suggestion} if it is ${languageName(guessed.suggestion)}` : "pass --lang with its BCP 47 tag, e.g. --lang uk")]);
    }
    lang = guessed.lang;
    langWhy = guessed.why;
  }

  const draft = interpret(doc, lang, langWhy, options.date ?? today());
  const notes: string[] = [];
  let slug = options.slug;
  if (!slug) {
    const fromTitle = draft.title ? slugify(draft.title) : "";
    const fromName = slugify(path.basename(file, ext));
    slug = fromTitle || fromName || "release";
    notes.push(`slug ${slug} ← ${fromTitle ? "the headline" : fromName ? "the file name" : "nothing to make it from"}; pass --slug to choose another`);
  }
  for (const d of draft.dropped) notes.push(`left out “${d.text}” (${d.where}): a marker, not text of the release`);

  const written = writeMarkdown(draft, doc);
  if (written.missingAlt.length) {
    return fail(
      1,
      written.missingAlt.map(({ image, where }) =>
        error({ file }, `image ${image.number} (${where}${image.after ? `, after “${image.after}”` : ""}) has no alt text; nothing was written`, doc.format === "docx" ? "in Word, right-click the image › View Alt Text, describe what it shows, save, and import again" : "describe the image in the brackets: ![what it shows](path)"),
      ),
    );
  }

  const files: { name: string; data: string | Uint8Array }[] = [{ name: `${lang}.md`, data: written.text }];
  for (const { name, image } of written.images) {
    try {
      files.push({ name, data: await image.read() });
    } catch (e) {
      return fail(1, [error({ file }, `cannot read image ${image.number}: ${e instanceof Error ? e.message : String(e)}`, "check that the image file exists next to the text")]);
    }
  }
  const result = await writeRelease(contentDir, slug, files, { newFolder: false });
  if (result.problems.length) return fail(1, result.problems);

  const markdownFile = path.join(contentDir, slug, `${lang}.md`);
  const parsed = parseRelease({ slug, lang, path: markdownFile, dir: path.join(contentDir, slug), text: written.text });
  return {
    code: 0,
    markdownFile,
    written: result.written,
    guesses: written.guesses.map((g) => `${markdownFile}${g.line ? `:${g.line}` : ""}: ${g.text}`),
    notes,
    diagnostics: [],
    problems: parsed.diagnostics,
  };
}

function languageName(tag: string): string {
  return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
}
