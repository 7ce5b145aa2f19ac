import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discoverSources } from "../../src/discover/discover.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";

const VALID = "---\ntitle: T\norganization: O\ndate: 2026-05-14\n---\n\nText.\n";

let root: string;
let content: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "pressroom-discover-"));
  content = path.join(root, "content");
  await mkdir(content);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(relative: string, text = VALID): Promise<void> {
  const file = path.join(content, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

describe("discoverSources", () => {
  it("finds <slug>/<lang>.md in sorted order, ignoring images and hidden files", async () => {
    await put("river-cleanup/en.md");
    await put("harbour-library/uk.md");
    await put("harbour-library/en.md");
    await put("harbour-library/sr-Latn.md");
    await put("harbour-library/en-GB.md");
    await put("harbour-library/images/ferry.jpg", "jpeg");
    await put("harbour-library/.draft.md");
    await put(".hidden/en.md");
    const { sources, diagnostics } = await discoverSources(content);
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => [s.slug, s.lang, s.path, s.dir])).toEqual([
      ["harbour-library", "en", path.join(content, "harbour-library", "en.md"), path.join(content, "harbour-library")],
      ["harbour-library", "en-GB", path.join(content, "harbour-library", "en-GB.md"), path.join(content, "harbour-library")],
      ["harbour-library", "sr-Latn", path.join(content, "harbour-library", "sr-Latn.md"), path.join(content, "harbour-library")],
      ["harbour-library", "uk", path.join(content, "harbour-library", "uk.md"), path.join(content, "harbour-library")],
      ["river-cleanup", "en", path.join(content, "river-cleanup", "en.md"), path.join(content, "river-cleanup")],
    ]);
    expect(sources[0]?.text).toBe(VALID);
  });

  it("canonicalizes the language tag of the file name and strips a byte-order mark", async () => {
    await put("harbour-library/en-gb.md", `\uFEFF${VALID}`);
    const { sources, diagnostics } = await discoverSources(content);
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => s.lang)).toEqual(["en-GB"]);
    expect(sources[0]?.text).toBe(VALID);
  });

  it("filters by language", async () => {
    await put("a-release/en.md");
    await put("a-release/uk.md");
    await put("b-release/en-GB.md");
    const { sources, diagnostics } = await discoverSources(content, { langs: ["UK", "en-gb"] });
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => `${s.slug}/${s.lang}`)).toEqual(["a-release/uk", "b-release/en-GB"]);
  });

  it("error: a file name that is not a language tag, with a rename hint", async () => {
    await put("harbour-library/english.md");
    const { sources, diagnostics } = await discoverSources(content);
    expect(sources).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: path.join(content, "harbour-library", "english.md"),
        line: 1,
        column: 1,
        message: "the file name english.md is not a language tag",
        hint: "rename it to en.md",
      },
    ]);
  });

  it("error: an underscore instead of a hyphen", async () => {
    await put("harbour-library/en_GB.md");
    const { diagnostics } = await discoverSources(content);
    expect(diagnostics).toMatchObject([{ line: 1, column: 1, message: "the file name en_GB.md is not a language tag", hint: "rename it to en-GB.md" }]);
  });

  it("error: a name that fits no tag (Intl would accept `readme`, the shape check does not)", async () => {
    await put("harbour-library/README.md");
    const { diagnostics } = await discoverSources(content);
    expect(diagnostics).toMatchObject([
      {
        file: path.join(content, "harbour-library", "README.md"),
        line: 1,
        column: 1,
        message: "the file name README.md is not a language tag",
        hint: "name each language file by its BCP 47 language tag, e.g. en.md, en-GB.md or sr-Latn.md",
      },
    ]);
  });

  it("error: a tag with extensions beyond language-script-region", async () => {
    await put("harbour-library/en-US-x-test.md");
    const { diagnostics } = await discoverSources(content);
    expect(diagnostics).toMatchObject([{ line: 1, message: "the file name en-US-x-test.md is not a language tag" }]);
  });

  it("error: two files for one language", async () => {
    await put("harbour-library/en-GB.md");
    await put("harbour-library/en-gb.md");
    const { sources, diagnostics } = await discoverSources(content);
    expect(sources.map((s) => s.path)).toEqual([path.join(content, "harbour-library", "en-GB.md")]);
    expect(diagnostics).toMatchObject([
      { file: path.join(content, "harbour-library", "en-gb.md"), line: 1, column: 1, message: "en-gb.md and en-GB.md are both the en-GB version", hint: "keep one file per language" },
    ]);
  });

  it("error: a slug that is not kebab-case ASCII", async () => {
    await put("Harbour Library_2026/en.md");
    await put("café-opening/en.md");
    await put("good-one/en.md");
    const { sources, diagnostics } = await discoverSources(content);
    expect(sources.map((s) => s.slug)).toEqual(["good-one"]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: path.join(content, "Harbour Library_2026"),
        message: "the release folder name `Harbour Library_2026` is not a kebab-case slug",
        hint: "rename the folder to `harbour-library-2026` (lower-case ASCII letters, digits and single hyphens)",
      },
      {
        severity: "error",
        file: path.join(content, "café-opening"),
        message: "the release folder name `café-opening` is not a kebab-case slug",
        hint: "rename the folder to `cafe-opening` (lower-case ASCII letters, digits and single hyphens)",
      },
    ]);
  });

  it("error: an empty content folder", async () => {
    const { sources, diagnostics } = await discoverSources(content);
    expect(sources).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: content,
        message: `the content folder ${content} holds no releases`,
        hint: `add a folder per release with one Markdown file per language, e.g. ${path.join(content, "harbour-library", "en.md")}`,
      },
    ]);
  });

  it("error: a missing content folder", async () => {
    const missing = path.join(root, "nope");
    const { sources, diagnostics } = await discoverSources(missing);
    expect(sources).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: missing,
        message: `the content folder ${missing} does not exist`,
        hint: `create it with one folder per release, e.g. ${path.join(missing, "harbour-library", "en.md")}`,
      },
    ]);
  });

  it("error: the content path is a file", async () => {
    await writeFile(path.join(root, "file.md"), "x");
    const { diagnostics } = await discoverSources(path.join(root, "file.md"));
    expect(diagnostics).toMatchObject([{ message: `the content folder ${path.join(root, "file.md")} is not a folder` }]);
  });

  it("error: a language filter that matches nothing lists the languages found", async () => {
    await put("a-release/en.md");
    await put("a-release/uk.md");
    const { sources, diagnostics } = await discoverSources(content, { langs: ["de"] });
    expect(sources).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: "error", file: content, message: "no release has a file for de", hint: "languages found: en, uk" }]);
  });

  it("error: a language filter that is not a tag", async () => {
    await put("a-release/en.md");
    const { sources, diagnostics } = await discoverSources(content, { langs: ["English"] });
    expect(sources).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: "error", file: content, message: "the requested language `English` is not a language tag", hint: "did you mean `en`?" }]);
  });

  it("warnings: a Markdown file outside a release folder, a release folder without language files", async () => {
    await put("notes.md");
    await put("images-only/photo.jpg", "jpeg");
    await put("a-release/en.md");
    const { sources, diagnostics } = await discoverSources(content);
    expect(sources.map((s) => s.slug)).toEqual(["a-release"]);
    expect(diagnostics.map((d) => [d.severity, d.file, d.message])).toEqual([
      ["warning", path.join(content, "images-only"), "the release folder images-only has no language files and is skipped"],
      ["warning", path.join(content, "notes.md"), "notes.md is not inside a release folder and is ignored"],
    ]);
  });

  it("one bad file does not stop the other files from being discovered and parsed", async () => {
    await put("a-release/en.md");
    await put("a-release/Deutsch.md");
    await put("a-release/uk.md", "---\ntitel: T\norganization: O\ndate: 2026-05-14\n---\n\nText.\n");
    await put("Bad Slug/en.md");
    await put("b-release/en.md");
    const discovered = await discoverSources(content);
    expect(discovered.diagnostics.map((d) => d.message)).toEqual([
      "the release folder name `Bad Slug` is not a kebab-case slug",
      "the file name Deutsch.md is not a language tag",
    ]);
    expect(discovered.diagnostics[1]?.hint).toBe("rename it to de.md");
    expect(discovered.sources.map((s) => `${s.slug}/${s.lang}`)).toEqual(["a-release/en", "a-release/uk", "b-release/en"]);

    const parsed = discovered.sources.map(parseRelease);
    expect(parsed.map((p) => p.release?.slug ?? null)).toEqual(["a-release", null, "b-release"]);
    expect(parsed[1]?.diagnostics).toMatchObject([
      { file: path.join(content, "a-release", "uk.md"), line: 2, column: 1, message: "unknown key `titel`", hint: "did you mean `title`?" },
    ]);
  });

  it("finds the repository's sample content", async () => {
    const repoContent = path.resolve(import.meta.dirname, "../../content");
    const { sources, diagnostics } = await discoverSources(repoContent);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(sources.map((s) => `${s.slug}/${s.lang}`)).toEqual(expect.arrayContaining(["harbour-library/en", "harbour-library/uk", "river-cleanup/en"]));
  });
});
