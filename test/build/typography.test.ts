/**
 * Typography on releases the layout has never seen (test/fixtures/releases:
 * English, Ukrainian, German, Polish, Greek, French, Arabic, Hebrew and a
 * 45-paragraph report), measured on the PDFs as written (bench/typography):
 * no hyphen ladders, no unjustified first lines, right-to-left last lines at
 * the start edge, no rivers, and every word read whole by PDF.js.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typographyOf, type Typography } from "../../bench/typography/measure.ts";
import { pdfjsWords } from "../../bench/typography/pdfjs.ts";
import { compareReading, expectedWords, type Reading } from "../../bench/typography/reading.ts";
import { discoverSources } from "../../src/discover/discover.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import type { Release } from "../../src/model/release.ts";
import { buildInto, describeDiagnostics, readOutput, repoRoot } from "../support/build.ts";

const RELEASES = path.join(repoRoot, "test/fixtures/releases");
const LAYOUTS = ["handout-a4", "print"];

type Measured = { file: string; lang: string; release: Release; typography: Typography; reading: Reading; read: string[] };
const measured: Measured[] = [];

beforeAll(async () => {
  const result = await buildInto(RELEASES, { layouts: LAYOUTS });
  expect(describeDiagnostics(result)).toBe("");
  const { sources } = await discoverSources(RELEASES);
  for (const source of sources) {
    const release = parseRelease(source).release!;
    for (const layout of LAYOUTS) {
      const file = `${source.slug}/${source.lang}/${layout}.pdf`;
      const bytes = readOutput(result.outDir, file);
      const read = await pdfjsWords(bytes);
      const { expected, allowed } = expectedWords(release);
      measured.push({ file, lang: source.lang, release, typography: await typographyOf(bytes), reading: compareReading(read, expected, allowed), read });
    }
  }
}, 120_000);

const rtl = (lang: string) => ["ar", "he"].includes(lang);

describe("justified text on new releases", () => {
  it("has at most two hyphenated lines in a row", () => {
    for (const m of measured) expect(m.typography.ladder.longest, `${m.file}: ${m.typography.ladder.example?.text}`).toBeLessThanOrEqual(2);
    expect(measured.some((m) => m.typography.ladder.hyphenatedLines > 0), "something is hyphenated").toBe(true);
  });

  it("justifies every first line, the dateline's included", () => {
    for (const m of measured) expect(m.typography.firstLines.short, `${m.file}: ${JSON.stringify(m.typography.firstLines.examples)}`).toBe(0);
  });

  it("leaves no word alone on a line inside a paragraph", () => {
    // textkit could not fit a planned line that needed its spaces narrowed, moved its last word
    // down, and the forced break left it alone ("in", "a"): such paragraphs are planned again.
    for (const m of measured) {
      expect(m.typography.shortLines.judged, m.file).toBeGreaterThan(0);
      expect(m.typography.shortLines.examples.filter((e) => !e.text.trim().includes(" ")), m.file).toEqual([]);
    }
  });

  it("sets every last line at the start edge: the right in Arabic and Hebrew", () => {
    for (const m of measured) expect(m.typography.lastLines.away, `${m.file}: ${JSON.stringify(m.typography.lastLines.examples)}`).toBe(0);
    expect(measured.filter((m) => rtl(m.lang)).every((m) => m.typography.lastLines.judged > 5)).toBe(true);
  });

  it("keeps word gaps within 0.65 em", () => {
    for (const m of measured) expect(m.typography.gaps.max, `${m.file}: ${m.typography.gaps.maxExample?.text}`).toBeLessThanOrEqual(0.65);
  });
});

describe("what PDF.js reads (Firefox's viewer, and assistive technology through it)", () => {
  it("reads every word whole, right to left too: none outside the source, recall ≥ 0.99", () => {
    expect(measured.filter((m) => rtl(m.lang)).length).toBeGreaterThan(0);
    for (const m of measured) {
      expect(m.reading.outsideExamples, m.file).toEqual([]);
      expect(m.reading.recall, m.file).toBeGreaterThanOrEqual(0.99);
    }
  });

  it("reads the words in order: the lines of justified Arabic and Hebrew are not read backwards", () => {
    // PDF.js reads a right-to-left line backwards when a word space is wider than 0.6 em, and
    // drops the space where two marked-content sequences meet unless the painting order gives
    // it one (src/render/separators.ts). Share of neighbouring source words read as neighbours:
    const pairs = (words: readonly string[]) => words.slice(1).map((w, i) => `${words[i]!.toLocaleLowerCase()} ${w.toLocaleLowerCase()}`);
    for (const m of measured) {
      const read = new Set(pairs(m.read));
      const expected = pairs(expectedWords(m.release).expected);
      const inOrder = expected.filter((p) => read.has(p)).length / expected.length;
      expect(inOrder, m.file).toBeGreaterThanOrEqual(0.97);
    }
  });
});
