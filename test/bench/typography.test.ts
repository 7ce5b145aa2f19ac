/**
 * The typography report's measures (bench/typography/) on real built PDFs
 * and on hand-made glyphs. The assertions hold before and after the line
 * breaking and rendering fixes they are meant to measure: they check that the
 * measures see what is there, not today's defects.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SElem } from "../../src/verify/structure.ts";
import type { Glyph } from "../../bench/typography/glyphs.ts";
import { paragraphsOf, wordGaps } from "../../bench/typography/lines.ts";
import { measure, typographyOf } from "../../bench/typography/measure.ts";
import { pdfjsWords } from "../../bench/typography/pdfjs.ts";
import { compareReading, expectedWords } from "../../bench/typography/reading.ts";
import { discoverSources } from "../../src/discover/discover.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { buildInto, copyContent, describeDiagnostics, readOutput, tempDir } from "../support/build.ts";

describe("typography report on a built handout", () => {
  let bytes: Uint8Array;
  let contentDir = "";
  beforeAll(async () => {
    contentDir = copyContent(["harbour-library"]);
    const built = await buildInto(contentDir, { langs: ["en"], layouts: ["handout-a4"] });
    expect(built.outputs, describeDiagnostics(built)).toHaveLength(1);
    bytes = readOutput(built.outDir, "harbour-library/en/handout-a4.pdf");
  });

  it("measures word gaps of justified lines, between 0 and 1 em", async () => {
    const t = await typographyOf(bytes);
    expect(t.gaps.count).toBeGreaterThan(100);
    expect(t.gaps.median).toBeGreaterThan(0.15);
    expect(t.gaps.max).toBeLessThan(1);
    expect(t.firstLines.judged).toBeGreaterThan(5);
    // Every line but a paragraph's last is judged for the far edge: many more than the first lines.
    expect(t.shortLines.judged).toBeGreaterThan(t.firstLines.judged * 2);
    expect(t.shortLines.short).toBeLessThanOrEqual(t.shortLines.judged);
    expect(t.lastLines.judged).toBeGreaterThan(5);
    expect(t.ladder.hyphenatedLines).toBeGreaterThan(0);
  });

  it("reads the words back through PDF.js in structure order", async () => {
    const words = await pdfjsWords(bytes);
    expect(words.slice(0, 6)).toEqual(["Harbour", "Town", "Council", "Press", "release", "Harbour"]);
    const { sources } = await discoverSources(contentDir, { langs: ["en"] });
    const release = parseRelease(sources[0]!).release!;
    const { expected, allowed } = expectedWords(release);
    const reading = compareReading(words, expected, allowed);
    expect(reading.recall).toBeGreaterThan(0.9);
    expect(reading.words).toBeGreaterThan(500);
  });
});

it("finds a hyphen ladder in a narrow paragraph of long words", async () => {
  const dir = tempDir("pressroom-ladder-");
  mkdirSync(path.join(dir, "ladder"));
  const words = "internationalisation responsibilities characteristically counterproductive incomprehensibility telecommunications";
  writeFileSync(path.join(dir, "ladder", "en.md"),
    `---\ntitle: Ladder\norganization: Test Council\ndate: 2026-05-14\n---\n\n${Array(6).fill(words).join(" ")}.\n`);
  const built = await buildInto(dir, { layouts: ["handout-a4"] });
  expect(built.outputs, describeDiagnostics(built)).toHaveLength(1);
  const t = await typographyOf(readOutput(built.outDir, "ladder/en/handout-a4.pdf"));
  expect(t.ladder.longest).toBeGreaterThan(0);
  expect(t.ladder.hyphenatedLines).toBeGreaterThanOrEqual(t.ladder.longest);
});

describe("measures on hand-made glyphs", () => {
  const P = { role: "P", s: "P", kids: [], page: 0, num: 1 } as unknown as SElem;
  /** A line of text from x = 0, 10 pt, 5 pt per glyph; "_" is an artifact hyphen. */
  function line(text: string, y: number, space = 2.5): Glyph[] {
    let x = 0;
    return [...text].map((ch, i) => {
      const w = ch === " " ? space : 5;
      const g: Glyph = { text: ch === "_" ? "-" : ch, page: 0, x0: x, x1: x + w, y, size: 10, artifact: ch === "_", order: y * -1000 + i };
      if (ch !== "_") g.owner = P;
      x += w;
      return g;
    });
  }

  it("counts hyphens drawn as artifacts and as text as line ends", () => {
    const glyphs = [...line("aaa bb_", 100), ...line("cc dd-", 88), ...line("ee ff", 76)];
    const t = measure(paragraphsOf(glyphs, "en"), 1);
    expect(t.ladder).toMatchObject({ longest: 2, hyphenatedLines: 2 });
  });

  it("takes a gap from a word's right edge to the next word's left edge", () => {
    const [p] = paragraphsOf(line("ab cd  ef", 100, 3), "en");
    expect(wordGaps(p!.blocks[0]![0]!)).toEqual([0.3, 0.6]);
  });

  it("finds a last line set away from the start edge, right to left", () => {
    const shift = (gs: Glyph[], dx: number) => gs.map((g) => ({ ...g, x0: g.x0 + dx, x1: g.x1 + dx }));
    const glyphs = [...line("אבג דהו זחט", 100), ...line("יכל מנס עפצ", 88), ...shift(line("קרש", 76), 10)];
    const t = measure(paragraphsOf(glyphs, "he"), 1);
    expect(t.lastLines).toMatchObject({ judged: 1, away: 1 });
    expect(t.lastLines.examples[0]).toMatchObject({ by: 25, text: "שרק" });
  });
});

it("compares words as multisets, ignoring case", () => {
  const r = compareReading(["Agen", "cies", "help", "HELP", "https"], ["agencies", "help", "help", "more"], ["https"]);
  expect(r).toMatchObject({ words: 5, expected: 4, outside: 2, outsideExamples: ["Agen", "cies"], recall: 0.5 });
});
