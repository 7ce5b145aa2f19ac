/**
 * `pressroom import` of plain text and Markdown in the shape people paste:
 * headline on the first line, standfirst second, an italic pull quote with an
 * italic name on one line, a bold "Background", Markdown links.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeDiagnostics, wordsOf } from "../support/build.ts";
import { pastedText, ukrainianText } from "./fixtures.ts";
import { buildAndRead, distinctRecall, importFixture, markdownOf, missingWords, nodesWithRole, withoutMarkers } from "./helpers.ts";

const SLUG = "harbour-ferry-gets-a-new-electric";
/** The pasted text with the parts a real one has around it: markers, a dateline, a contact and an About section. */
const fullText = `FOR IMMEDIATE RELEASE

${pastedText.replace("\n\n\"The quieter", "\n\nEASTQUAY, March 3, 2026 — The ferry's diesel engine was lifted out in January.\n\n\"The quieter")}
**About Eastquay Ferries**

Eastquay Ferries has run the island crossing since 1987.

Press contact:
Lena Marsh
lena.marsh@eastquay-ferries.example
Tel: +44 1632 960 777

ENDS
`;

describe("import of pasted text", () => {
  it("reads the seed's shape: headline, standfirst, pull quote with its name, Background, link; the build errors only on the TODO organisation", async () => {
    const imported = await importFixture("ferry.txt", pastedText);
    expect(imported.code).toBe(0);
    const md = markdownOf(imported);
    expect(md).toMatch(/^---\ntitle: Harbour ferry gets a new electric engine\nstandfirst: The ferry between Eastquay and Gull Island will run on batteries from June\.\norganization: # TODO/);
    expect(md).toContain('\n> [!PULLQUOTE]\n> "The quieter engine means we can finally hear the seals again."\n> — Mara Lindqvist, Chief Engineer at Eastquay Ferries\n');
    expect(md).toContain("\n## Background\n");
    expect(md).toContain("[operator's website](https://eastquay-ferries.example/routes)");
    // No dateline: the date is the import's (fixed by the test), marked as a TODO to check.
    expect(md).toContain("\ndate: 2026-01-15  # TODO: no dateline found, so this is the day of the import: check it\n");
    const file = imported.markdownFile!;
    expect(imported.guesses).toContain(`${file}:2: title ← the first line of the text file (line 1)`);
    expect(imported.guesses).toContain(`${file}:3: standfirst ← the paragraph after the headline (line 3)`);
    expect(imported.guesses.some((g) => /:\d+: pull quote ← an italic quotation and an italic name on one line \(line 7\)$/.test(g))).toBe(true);
    expect(imported.guesses.some((g) => /:\d+: ## Background ← bold line “Background” \(line 11\)$/.test(g))).toBe(true);
    expect(missingWords(wordsOf(pastedText), wordsOf(md))).toEqual([]);
    expect(imported.problems.map((d) => [d.line, d.message])).toEqual([[4, "`organization` has no value"]]);
  });

  it("with markers, a dateline, a contact block and an About section it builds: one H1, a Background H2, ≥ 95% of the words read back", async () => {
    const imported = await importFixture("ferry.md", fullText);
    expect(imported.code).toBe(0);
    const md = markdownOf(imported);
    expect(md).toContain("\norganization: Eastquay Ferries\ndate: 2026-03-03  # from the dateline “EASTQUAY, March 3, 2026 —”\nplace: Eastquay\n");
    expect(md).toMatch(/\ncontact: # from “Press contact: \/ Lena Marsh \/ lena\.marsh@eastquay-ferries\.example \/ Tel: \+44 1632 960 777”\n  name: Lena Marsh\n  email: lena\.marsh@eastquay-ferries\.example\n  phone: "\+44 1632 960 777"\n---\n/);
    expect(md).toContain("\n\nThe ferry's diesel engine was lifted out in January.\n");
    expect(md).not.toMatch(/FOR IMMEDIATE RELEASE|ENDS/);
    expect(imported.problems).toEqual([]);
    expect(missingWords(withoutMarkers(wordsOf(fullText), ["FOR IMMEDIATE RELEASE", "ENDS"]), wordsOf(md))).toEqual([]);

    const { result, tree, words } = await buildAndRead(imported.contentDir, SLUG, "en");
    expect(describeDiagnostics(result)).toBe("");
    expect(nodesWithRole(tree!, "H1").map((n) => n.text)).toEqual(["Harbour ferry gets a new electric engine"]);
    // The layout adds its own "Media contact" heading after the body.
    expect(nodesWithRole(tree!, "H2").map((n) => n.text)).toEqual(["Background", "About Eastquay Ferries", "Media contact"]);
    // Markdown syntax is not text: the source's words are counted from the text the release holds.
    const sourceWords = wordsOf(fullText.replace(/\(https:[^)]*\)/g, ""));
    const recall = distinctRecall(sourceWords, words);
    expect(recall.share, `missing: ${recall.missing.join(", ")}`).toBeGreaterThanOrEqual(0.95);
  });

  it("needs --lang for Cyrillic, and writes the Background heading in the language", async () => {
    const without = await importFixture("uk.txt", ukrainianText);
    expect(without.code).toBe(2);
    expect(without.diagnostics[0]).toMatchObject({ severity: "error", message: "cannot tell the language: the text is in Cyrillic script, which several languages share" });
    const imported = await importFixture("uk.txt", ukrainianText, { lang: "uk", slug: "boat-library" });
    expect(imported.code).toBe(0);
    expect(imported.markdownFile).toMatch(/content\/boat-library\/uk\.md$/);
    const md = markdownOf(imported);
    expect(md).toContain("\nlang: uk\n");
    expect(md).toContain("\n## Довідка\n");
    expect(imported.guesses.some((g) => /:\d+: lang uk ← --lang$/.test(g))).toBe(true);
    expect(missingWords(wordsOf(ukrainianText), wordsOf(md))).toEqual([]);
  });

  it("escapes what Markdown would read as syntax, so every word survives parsing", async () => {
    const tricky = [
      "A headline with *stars* and _underscores_",
      "",
      "# not a heading but a hashtag line",
      "",
      "\\> a quoted-looking line, \\- and a dash, `code` and <b>tags</b>, 3 < 4 | 5 & 6, AT&amp;T, a [bracket] and {braces} text.",
      "",
      "    indented four spaces, which Markdown calls code",
      "",
      "1) a line that looks like a list item",
    ].join("\n");
    const imported = await importFixture("tricky.txt", tricky, { slug: "tricky" });
    expect(imported.code).toBe(0);
    const md = markdownOf(imported);
    // The import's own parse of the new file finds only the TODO organisation.
    expect(imported.problems.map((d) => d.message)).toEqual(["`organization` has no value"]);
    expect(missingWords(wordsOf(tricky).filter((w) => w !== "b" && w !== "amp"), wordsOf(md))).toEqual([]);
    expect(readFileSync(imported.markdownFile!, "utf8")).not.toMatch(/^#(?!#)/m);
  });

  it("refuses a bad slug or language tag (exit 2) and an existing release (exit 1), writing nothing", async () => {
    expect((await importFixture("x.txt", pastedText, { slug: "Bad Slug" })).code).toBe(2);
    const badLang = await importFixture("x.txt", pastedText, { lang: "english" });
    expect(badLang.code).toBe(2);
    expect(badLang.diagnostics[0]?.hint).toBe("did you mean `--lang en`?");
    expect((await importFixture("x.doc", "…")).code).toBe(2);
    const release = await importFixture("en.md", "---\ntitle: T\norganization: O\ndate: 2026-01-01\n---\n\nText.\n");
    expect(release.code).toBe(1);
    expect(release.diagnostics[0]?.message).toMatch(/has front matter already/);
    const first = await importFixture("x.txt", pastedText);
    const again = await importFixture("x.txt", pastedText, { contentDir: first.contentDir });
    expect(again.code).toBe(1);
    expect(again.written).toEqual([]);
  });
});
