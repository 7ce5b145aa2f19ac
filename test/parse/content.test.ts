import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/model/diagnostic.ts";
import { inlineText, type Block, type Release } from "../../src/model/release.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");

/** Every `content/<slug>/<lang>.md`, read directly (independent of the discover stage). */
const files = readdirSync(CONTENT)
  .filter((slug) => statSync(path.join(CONTENT, slug)).isDirectory())
  .sort()
  .flatMap((slug) =>
    readdirSync(path.join(CONTENT, slug))
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => ({ slug, lang: name.slice(0, -3), dir: path.join(CONTENT, slug), path: path.join(CONTENT, slug, name) })),
  );

function parseFile(slug: string, lang: string): Release {
  const file = files.find((f) => f.slug === slug && f.lang === lang);
  if (!file) throw new Error(`content/${slug}/${lang}.md is missing`);
  const result = parseRelease({ ...file, text: readFileSync(file.path, "utf8") });
  expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
  return result.release as Release;
}

/** Plain text of the body's paragraphs, list items and quotes; pull quotes left out. */
function bodyText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "paragraph":
        case "heading":
          return inlineText(b.inlines);
        case "list":
          return b.items.map(bodyText).join(" ");
        case "quote":
          return bodyText(b.blocks);
        default:
          return "";
      }
    })
    .join(" ");
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("content/", () => {
  it("has the sample releases", () => {
    expect(files.map((f) => `${f.slug}/${f.lang}`)).toEqual(expect.arrayContaining(["harbour-library/en", "harbour-library/uk", "river-cleanup/en"]));
  });

  it.each(files.map((f) => [`${f.slug}/${f.lang}.md`, f] as const))("%s parses without diagnostics", (_name, file) => {
    const result = parseRelease({ ...file, text: readFileSync(file.path, "utf8") });
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(result.release?.blocks.length).toBeGreaterThan(0);
  });

  for (const lang of ["en", "uk"]) {
    it(`harbour-library/${lang}: a pull quote that repeats body text verbatim, a Background section, lists, links and a language span`, () => {
      const release = parseFile("harbour-library", lang);
      expect(release.lang).toBe(lang);
      expect(Object.keys(release.meta).sort()).toEqual(["contact", "date", "organization", "place", "standfirst", "title"]);
      const pull = release.blocks.find((b) => b.kind === "pullquote");
      expect(pull?.kind === "pullquote" && pull.attribution).toBeTruthy();
      const pullText = pull?.kind === "pullquote" ? inlineText(pull.inlines) : "";
      expect(bodyText(release.blocks)).toContain(pullText);
      expect(release.blocks.filter((b) => b.kind === "heading")).toHaveLength(1);
      const headingIndex = release.blocks.findIndex((b) => b.kind === "heading");
      const background = release.blocks.slice(headingIndex + 1);
      expect(background.map((b) => b.kind)).toEqual(["paragraph", "paragraph"]);
      expect(JSON.stringify(background)).toContain('"href":"https://');
      expect(JSON.stringify(release.blocks)).toContain('"href":"mailto:');
      expect(JSON.stringify(release.blocks)).toContain(`"kind":"lang","lang":"${lang === "en" ? "uk" : "en"}"`);
      expect(release.blocks.some((b) => b.kind === "list" && !b.ordered)).toBe(true);
      if (lang === "en") expect(words(bodyText(release.blocks))).toBeGreaterThanOrEqual(500);
    });
  }

  it("river-cleanup/en: a pull quote that does not repeat the body, and an ordinary block quote", () => {
    const release = parseFile("river-cleanup", "en");
    const pull = release.blocks.find((b) => b.kind === "pullquote");
    expect(pull?.kind).toBe("pullquote");
    expect(bodyText(release.blocks)).not.toContain(pull?.kind === "pullquote" ? inlineText(pull.inlines) : "?");
    expect(release.blocks.some((b) => b.kind === "quote")).toBe(true);
  });
});
