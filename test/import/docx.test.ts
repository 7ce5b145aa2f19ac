/**
 * `pressroom import` of Word files made in memory (test/support/docx.ts):
 * the guesses, their line numbers, nothing lost, and the result built into a
 * PDF whose structure is read back.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { docx } from "../support/docx.ts";
import { describeDiagnostics, wordsOf } from "../support/build.ts";
import { fullRelease, headingRelease, png } from "./fixtures.ts";
import { buildAndRead, distinctRecall, docxWords, importFixture, markdownOf, missingWords, nodesWithRole, withoutMarkers } from "./helpers.ts";

const SLUG = "millbrook-opens-a-repair-cafe";

describe("import of a Word file with every feature", () => {
  let bytes: Buffer;
  let imported: Awaited<ReturnType<typeof importFixture>>;
  let md: string;
  let lines: string[];
  beforeAll(async () => {
    bytes = docx(fullRelease(await png()));
    imported = await importFixture("repair-cafe.docx", bytes);
    md = markdownOf(imported);
    lines = md.split("\n");
  });

  const lineOf = (re: RegExp) => lines.findIndex((l) => re.test(l)) + 1;

  it("writes content/<slug>/en.md and the image, with the slug made from the headline", () => {
    expect(imported.code).toBe(0);
    expect(imported.markdownFile).toBe(path.join(imported.contentDir, SLUG, "en.md"));
    expect(readdirSync(path.join(imported.contentDir, SLUG, "images"))).toEqual(["en-1.png"]);
    expect(imported.notes).toContain(`slug ${SLUG} ← the headline; pass --slug to choose another`);
  });

  it("fills the front matter from the Title and Subtitle styles, the dateline, the contact and the About heading", () => {
    expect(md).toMatch(/^---\ntitle: Millbrook opens a repair café in the old fire station\n/);
    expect(md).toContain("\nstandfirst: Volunteers will mend toasters, bicycles and torn coats for free every Saturday from 4 April.\n");
    expect(md).toContain("\norganization: Millbrook Community Trust\n");
    expect(md).toContain("\ndate: 2026-03-03  # from the dateline “MILLBROOK, 3 March 2026 –”\n");
    expect(md).toContain("\nplace: Millbrook\n");
    expect(md).toMatch(/\ncontact: # from “Media contact: Sam Reyes, .*”\n  name: Sam Reyes, communications officer\n  email: press@millbrooktrust\.example\n  phone: "\+44 1632 960 555"\n---\n/);
    // The dateline is out of the lede; the lede starts with its first real words.
    expect(md).toContain("\n\nThe Millbrook Community Trust today opened");
  });

  it("prints each guess with its line in the new file", () => {
    const file = imported.markdownFile!;
    const expected: [RegExp, RegExp][] = [
      [/^title:/, /title ← the Title style of the Word file \(paragraph 2\)/],
      [/^standfirst:/, /standfirst ← the Subtitle style \(paragraph 3\)/],
      [/^organization:/, /organization ← the heading “About Millbrook Community Trust” \(paragraph \d+\)/],
      [/^date:/, /date 2026-03-03 ← the dateline “MILLBROOK, 3 March 2026 –” \(paragraph 4\), taken out of the text/],
      [/^place:/, /place Millbrook ← the dateline/],
      [/^lang:/, /lang en ← Latin script/],
      [/^contact:/, /contact ← “Media contact: Sam Reyes/],
      [/^> \[!PULLQUOTE\]/, /pull quote ← an italic quotation followed by an attribution line \(paragraph 7\)/],
      [/^## Background$/, /## Background ← bold line “Background”/],
      [/^!\[Two volunteers/, /image 1 → images\/en-1\.png/],
    ];
    for (const [lineRe, guessRe] of expected) {
      const line = lineOf(lineRe);
      expect(line, String(lineRe)).toBeGreaterThan(0);
      expect(imported.guesses.some((g) => g.startsWith(`${file}:${line}: `) && guessRe.test(g)), `${guessRe} on line ${line}:\n${imported.guesses.join("\n")}`).toBe(true);
    }
    expect(imported.guesses.every((g) => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: `).test(g))).toBe(true);
    expect(imported.notes).toContain("left out “FOR IMMEDIATE RELEASE” (paragraph 1): a marker, not text of the release");
    expect(imported.notes.some((n) => n.startsWith("left out “ENDS”"))).toBe(true);
  });

  it("keeps links, bold and italic, escapes Markdown characters, and makes a pull quote, a Background section, a list and a figure", () => {
    expect(md).toContain("**Anyone can bring** a broken lamp, a wobbly chair or a jacket with a *stubborn* zip.");
    expect(md).toContain("[the hardware shop on Mill Lane](https://millbrook.example/tools)");
    expect(md).toContain("> [!PULLQUOTE]\n> “Every repair keeps something out of the skip and teaches someone a new skill.”\n> — Hannah Okoro, chair of the trust\n");
    expect(md).toContain("\\#RepairMillbrook is the café’s tag; items marked \\* need a booking \\[see the list\\] and the fee is \\< £5 \\| or nothing at all\\_for members.");
    expect(md).toContain("\n1\\. Bring the item clean");
    expect(md).toContain("\n## Background\n");
    expect(md).toContain("\n- Saturdays, 10:00–14:00: electrical goods and furniture\n- First Wednesday of the month, 18:00–20:00: clothing and textiles\n- Bicycles – Every Saturday\n");
    expect(md).toContain("![Two volunteers at a workbench repair a table lamp.](images/en-1.png)");
    expect(md).not.toMatch(/FOR IMMEDIATE RELEASE|\nENDS\n/);
    expect(imported.problems).toEqual([]);
  });

  it("loses no word of the source but the markers", async () => {
    const source = withoutMarkers(await docxWords(bytes), ["FOR IMMEDIATE RELEASE", "ENDS"]);
    expect(missingWords(source, wordsOf(md))).toEqual([]);
  });

  it("builds with no error or warning; the headline is the only H1, Background an H2, and ≥ 95% of the words read back", async () => {
    const { result, tree, words } = await buildAndRead(imported.contentDir, SLUG, "en");
    expect(describeDiagnostics(result)).toBe("");
    const h1 = nodesWithRole(tree!, "H1");
    expect(h1.map((n) => n.text)).toEqual(["Millbrook opens a repair café in the old fire station"]);
    expect(nodesWithRole(tree!, "H2").map((n) => n.text)).toContain("Background");
    expect(nodesWithRole(tree!, "Figure").map((n) => n.alt)).toEqual(["Two volunteers at a workbench repair a table lamp."]);
    const recall = distinctRecall(await docxWords(bytes), words);
    expect(recall.share, `missing: ${recall.missing.join(", ")}`).toBeGreaterThanOrEqual(0.95);
  });

  it("refuses to import the same release again and touches nothing", async () => {
    const before = { text: readFileSync(imported.markdownFile!, "utf8"), mtime: statSync(imported.markdownFile!).mtimeMs };
    const again = await importFixture("repair-cafe.docx", bytes, { contentDir: imported.contentDir });
    expect(again.code).toBe(1);
    expect(again.diagnostics[0]).toMatchObject({ file: imported.markdownFile, severity: "error", message: "the file already exists; nothing was written" });
    expect(again.diagnostics[0]?.hint).toMatch(/never overwrites/);
    expect(readFileSync(imported.markdownFile!, "utf8")).toBe(before.text);
    expect(statSync(imported.markdownFile!).mtimeMs).toBe(before.mtime);
  });
});

describe("import of a Word file without Title style, organisation or contact", () => {
  it("takes the first heading as the headline and a Quote-styled pull quote; the build errors point into the new file", async () => {
    const bytes = docx(headingRelease);
    const imported = await importFixture("library.docx", bytes);
    expect(imported.code).toBe(0);
    const md = markdownOf(imported);
    const lines = md.split("\n");
    expect(md).toMatch(/^---\ntitle: Riverside library extends its opening hours\norganization: # TODO: write the organisation's name\ndate: 2026-03-03 {2}# from the dateline “3 March 2026 —”\nlang: en\n---\n/);
    expect(md).toContain("> [!PULLQUOTE]\n> “Evenings are when working parents can actually get here.”\n> — Tomasz Wiśniewski, deputy librarian\n");
    expect(md).toContain("\n## Background\n");
    const orgLine = lines.findIndex((l) => l.startsWith("organization:")) + 1;
    expect(imported.guesses).toContain(`${imported.markdownFile}:2: title ← the first heading of the Word file (paragraph 1)`);
    expect(imported.guesses.some((g) => g.startsWith(`${imported.markdownFile}:${orgLine}: organization: TODO ← not found`))).toBe(true);
    expect(missingWords(await docxWords(bytes), wordsOf(md))).toEqual([]);

    // The parser's view, returned by import, and the build's agree: one error, on the organisation line of the new file.
    expect(imported.problems.map((d) => [d.file, d.line, d.message])).toEqual([[imported.markdownFile, orgLine, "`organization` has no value"]]);
    const failed = await buildAndRead(imported.contentDir, "riverside-library-extends-its-opening-hours", "en");
    expect(failed.tree).toBeUndefined();
    expect(failed.result.diagnostics.map((d) => [d.file, d.line, d.severity])).toEqual([[imported.markdownFile, orgLine, "error"]]);

    // Filled in, it builds.
    writeFileSync(imported.markdownFile!, md.replace(/^organization: .*$/m, "organization: Riverside Libraries"));
    const { result, tree } = await buildAndRead(imported.contentDir, "riverside-library-extends-its-opening-hours", "en");
    expect(describeDiagnostics(result)).toBe("");
    expect(nodesWithRole(tree!, "H1").map((n) => n.text)).toEqual(["Riverside library extends its opening hours"]);
    expect(nodesWithRole(tree!, "H2").map((n) => n.text)).toEqual(["Background"]);
  });

  it("reports an image without alt text with its position and the words before it, and writes nothing", async () => {
    const image = await png();
    const bytes = docx([{ style: "Title", runs: ["Headline"] }, { runs: ["First paragraph."] }, { runs: ["A photo: ", { image }] }, { runs: [{ image, alt: "A described photo." }] }, { runs: [{ image, alt: "" }] }]);
    const imported = await importFixture("photos.docx", bytes);
    expect(imported.code).toBe(1);
    expect(imported.diagnostics.map((d) => d.message)).toEqual([
      "image 1 (paragraph 3, after “Headline First paragraph. A photo:”) has no alt text; nothing was written",
      "image 3 (paragraph 5, after “Headline First paragraph. A photo:”) has no alt text; nothing was written",
    ]);
    expect(imported.diagnostics[0]?.file).toBe(imported.source);
    expect(imported.diagnostics[0]?.hint).toMatch(/Alt Text/);
    expect(existsSync(imported.contentDir)).toBe(false);
  });

  it("Cyrillic text needs --lang; with it, Background is written in the language", async () => {
    const paragraphs = [
      { style: "Title" as const, runs: ["Бібліотека на воді відкриває сезон"] },
      { runs: ["КИЇВ, 3 березня 2026 р. — Човен-бібліотека знову курсуватиме між островами."] },
      { runs: [{ text: "ДОВІДКА", b: true }] },
      { runs: ["Човен переобладнали у 2024 році."] },
    ];
    const without = await importFixture("uk.docx", docx(paragraphs));
    expect(without.code).toBe(2);
    expect(without.diagnostics[0]?.message).toMatch(/cannot tell the language: the text is in Cyrillic script/);
    expect(without.diagnostics[0]?.hint).toMatch(/--lang uk if it is Ukrainian/);
    const withLang = await importFixture("uk.docx", docx(paragraphs), { lang: "uk" });
    const md = markdownOf(withLang);
    expect(withLang.markdownFile).toMatch(/biblioteka-na-vodi-vidkryvaie-sezon\/uk\.md$/);
    expect(md).toContain("\ndate: 2026-03-03  # from the dateline “КИЇВ, 3 березня 2026 р. —”\nplace: Київ\nlang: uk\n");
    expect(md).toContain("\n## Довідка\n");
  });
});
