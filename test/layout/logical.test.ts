/**
 * The render stage's bidi bookkeeping (src/layout/logical.ts): UAX #9 rule
 * L2 on run levels, and the way back from laid-out lines (runs in visual
 * order, odd-level runs reversed and mirrored) to the source text, checked
 * on real `@react-pdf/layout` output with the project's fonts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import React from "react";
import { Document, Page, Text } from "@react-pdf/renderer";
import { createFontStore, loadFontManifest, type FontManifest } from "../../src/prepare/fonts.ts";
import { layoutDocument } from "../../src/layout/layout.ts";
import { hyphenatorFor } from "../../src/prepare/hyphenate.ts";
import { alignWithSource, glyphRange, logicalLine, reorderByLevels } from "../../src/layout/logical.ts";
import type { LayoutNode, Line } from "../../src/layout/tree.ts";
import { seededRandom } from "../support/seeded-random.ts";

type Item = { id: number; level: number };
const levelOf = (x: Item) => x.level;

/** Items 0…n-1 with the given levels. */
const itemsOf = (levels: readonly number[]): Item[] => levels.map((level, id) => ({ id, level }));

/**
 * L2 written independently, as a recursion instead of passes: the items of a
 * stretch whose levels are all ≥ `l` are split into sub-stretches at levels
 * > `l` (ordered recursively) and single items at level `l`; the result is
 * reversed when `l` is at least the lowest odd level of the line.
 */
function reorderRecursive(items: readonly Item[]): Item[] {
  if (items.length === 0) return [];
  const levels = items.map(levelOf);
  const lowest = Math.min(...levels);
  const lowestOdd = lowest % 2 === 1 ? lowest : lowest + 1;
  const order = (stretch: readonly Item[], l: number): Item[] => {
    const parts: Item[] = [];
    for (let i = 0; i < stretch.length; ) {
      if (stretch[i]!.level === l) {
        parts.push(stretch[i]!);
        i++;
        continue;
      }
      let j = i;
      while (j < stretch.length && stretch[j]!.level > l) j++;
      parts.push(...order(stretch.slice(i, j), l + 1));
      i = j;
    }
    return l >= lowestOdd ? parts.reverse() : parts;
  };
  return order(items, lowest);
}

/** Characters of `s` with levels given as a digit string of the same length: the visual string. */
function visualOf(s: string, levels: string): string {
  const chars = [...s];
  expect(levels.length).toBe(chars.length);
  const items = chars.map((ch, i) => ({ ch, level: Number(levels[i]) }));
  return reorderByLevels(items, (x) => x.level).map((x) => x.ch).join("");
}

describe("reorderByLevels (UAX #9 rule L2)", () => {
  it("matches the examples of UAX #9 section 3.4", () => {
    // Example 1: an RTL word in an LTR paragraph.
    expect(visualOf("car means CAR.", "00000000001110")).toBe("car means RAC.");
    // Example 2: "<" and "=" stand for an RLI … PDI pair; inside it, "car" is an LTR embedding at level 2.
    expect(visualOf("<car MEANS CAR.=", "0222111111111110")).toBe("<.RAC SNAEM car=");
  });

  it("matches hand-worked examples", () => {
    // Upper case: right-to-left letters; digits: European numbers (level 2 in an RTL paragraph).
    expect(visualOf("ABC", "111")).toBe("CBA");
    expect(visualOf("aBCd", "0110")).toBe("aCBd");
    // An LTR word in an RTL paragraph keeps its order, the paragraph is reversed around it.
    expect(visualOf("ABcdEF", "112211")).toBe("FEcdBA");
    // "2,300" in an Arabic sentence: the number reads left to right, the sentence right to left.
    expect(visualOf("AB 2,300 CD", "11122222111")).toBe("DC 2,300 BA");
    // Nested: an RTL quotation (level 3) inside an LTR name (level 2) inside an RTL paragraph.
    expect(visualOf("AB cd EF gh IJ", "11122233222111")).toBe("JI cd FE gh BA");
    // Levels 0 and 2 only: even levels, nothing to reverse (the lowest odd level is 1, and the
    // reversals at levels 2 and 1 cancel out).
    expect(visualOf("abcd", "0220")).toBe("abcd");
    expect(visualOf("abcd", "2222")).toBe("abcd");
    // An LTR paragraph with a two-level RTL stretch: "aBcDe" at 0 1 2 1 0.
    expect(visualOf("aBcDe", "01210")).toBe("aDcBe");
    expect(reorderByLevels([], levelOf)).toEqual([]);
  });

  it("keeps items at level 0 in place and reverses a single odd level", () => {
    const items = itemsOf([0, 0, 0, 0]);
    expect(reorderByLevels(items, levelOf)).toEqual(items);
    expect(reorderByLevels(itemsOf([1, 1, 1, 1]), levelOf).map((x) => x.id)).toEqual([3, 2, 1, 0]);
  });

  it("is its own inverse, and agrees with an independent implementation, on 5000 random level sequences", () => {
    const random = seededRandom(0x5eed_b1d1);
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 24);
      // Levels mostly in runs, as real lines have: change level with probability 0.3.
      const maxLevel = 1 + Math.floor(random() * 6);
      const levels: number[] = [];
      let level = Math.floor(random() * (maxLevel + 1));
      for (let i = 0; i < length; i++) {
        if (random() < 0.3) level = Math.floor(random() * (maxLevel + 1));
        levels.push(level);
      }
      const items = itemsOf(levels);
      const visual = reorderByLevels(items, levelOf);
      const context = `levels ${levels.join(" ")}`;
      expect(visual.map((x) => x.id).sort((a, b) => a - b), context).toEqual(items.map((x) => x.id));
      expect(visual.map((x) => x.id), context).toEqual(reorderRecursive(items).map((x) => x.id));
      expect(reorderByLevels(visual, levelOf).map((x) => x.id), context).toEqual(items.map((x) => x.id));
    }
  });

  it("does not change its input", () => {
    const items = itemsOf([1, 2, 2, 1]);
    const copy = items.map((x) => ({ ...x }));
    reorderByLevels(items, levelOf);
    expect(items).toEqual(copy);
  });
});

// ---------------------------------------------------------------------------
// Real layouts

let manifest: FontManifest;
beforeAll(async () => {
  const loaded = await loadFontManifest("fonts");
  expect(loaded.diagnostics).toEqual([]);
  manifest = loaded.manifest!;
});

const RTL_STYLE = { direction: "rtl", textAlign: "right", fontFamily: ["arabic", "serif", "hebrew", "fallback"], fontSize: 10 };
const noHyphenation = (word: string) => [word];
const h = React.createElement;

/** Lays out `children` in one right-to-left Text of the given width; returns its lines. */
async function layOut(children: React.ReactNode, width: number, hyphenationCallback: ((word: string) => string[]) | undefined = noHyphenation): Promise<Line[]> {
  const text = h(Text, { hyphenationCallback, style: { ...RTL_STYLE, width } } as never, children);
  const root = await layoutDocument(h(Document, null, h(Page, { size: "A4" }, text)), createFontStore(manifest));
  const node = (root.children?.[0]?.children ?? [])[0] as LayoutNode | undefined;
  expect(node?.type).toBe("TEXT");
  return node!.lines!;
}

const unmirror: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "«": "»", "»": "«", "<": ">", ">": "<" };

/**
 * Walks the lines as the render stage does: each line's logical text must
 * continue the source at the cursor (a hyphen layout added at a line end
 * maps to -1). Checks every glyph's logical range on the way. Returns the
 * source text rebuilt from the lines and the number of inserted characters.
 */
function readLines(lines: readonly Line[], source: string): { rebuilt: string; inserted: string[]; levels: Set<number> } {
  const chars = [...source];
  let cursor = 0;
  let rebuilt = "";
  const inserted: string[] = [];
  const levels = new Set<number>();
  lines.forEach((line, n) => {
    const { runs, text } = logicalLine(line);
    const aligned = alignWithSource(text, chars, cursor, logicalLine(line).inserted);
    expect(aligned, `line ${n} ${JSON.stringify(text.join(""))} does not continue the source at ${cursor}: ${JSON.stringify(chars.slice(cursor).join(""))}`).toBeDefined();
    aligned!.map.forEach((j, i) => (j >= 0 ? (rebuilt += chars[j]) : inserted.push(text[i]!)));
    cursor = aligned!.next;

    // Every glyph's range lies inside its run and the line; together the ranges cover each
    // character of the line exactly once (a ligature covers several, a glyph may cover none).
    const covered = new Array<number>(text.length).fill(0);
    for (const r of runs) {
      levels.add(r.run.attributes.bidiLevel ?? 0);
      expect(r.logicalStart + r.visual.length).toBeLessThanOrEqual(text.length);
      r.run.glyphs.forEach((glyph, g) => {
        const [from, to] = glyphRange(r, g);
        const where = `line ${n}, run ${JSON.stringify(r.visual.join(""))}, glyph ${g} → [${from}, ${to})`;
        expect(from, where).toBeGreaterThanOrEqual(r.logicalStart);
        expect(to, where).toBeGreaterThanOrEqual(from);
        expect(to, where).toBeLessThanOrEqual(r.logicalStart + r.visual.length);
        for (let i = from; i < to; i++) covered[i]!++;
        // The glyph stands for the characters of its range (mirrored ones drawn mirrored).
        const drawn = String.fromCodePoint(...glyph.codePoints);
        const logical = text.slice(from, to).join("");
        if (from < to && glyph.codePoints.length > 0) {
          expect([logical, [...logical].map((c) => unmirror[c] ?? c).join("")], where).toContain(drawn);
        }
      });
    }
    expect(covered.every((c) => c === 1), `line ${n}: coverage ${covered.join("")}`).toBe(true);
  });
  expect(cursor, "every source character is on some line").toBe(chars.length);
  return { rebuilt, inserted, levels };
}

const SAMPLES: [string, string][] = [
  ["Arabic with an embedded Latin name", "كشف مجلس مدينة هاربور تاون اليوم عن سفينة The Lantern، وهي عبارة ركاب سابقة أعيد بناؤها لتصبح فرعا عائما للمكتبة."],
  ["Arabic with a number and parentheses", "حاملة الكتب إلى نحو 2,300 من السكان (في أربع جزر نائية) الذين يضطرون اليوم إلى رحلة تستغرق ساعتين (ذهابا وإيابا)."],
  ["Arabic with a URL", "النتائج الكاملة منشورة على صفحات المكتبة https://harbourtown.example/library/survey-2025 على موقع المجلس."],
  ["Arabic with an e-mail address", "يرجى من الصحفيين الكتابة إلى press@harbourtown.example قبل 30 مايو للصعود إلى السفينة."],
  // "ו־12" with a maqaf (U+05BE); with an ASCII hyphen it hits the bug of the last test below.
  ["Hebrew with digits", "העירייה פתחה ב-1 ביוני 2026 ספרייה צפה עם 4,000 ספרים, 2 מחשבים ו־12 מקומות ישיבה (בחינם), בעלות של 1.2 מיליון."],
  ["Arabic with vowel marks and a lam-alef ligature", "مُحَمَّدٌ لا يَعْلَمُ أَنَّ الْمَكْتَبَةَ الْعَائِمَةَ سَتَزُورُ الْجُزُرَ «كُلَّ أُسْبُوعٍ»."],
  ["Arabic with a Ukrainian phrase and guillemets", "تحت شعار Книжка на кожному острові، أي «كتاب في كل جزيرة»، جمعه النادي عام 2024."],
];
const WIDTHS = [90, 140, 220, 500];

describe("logical text of laid-out right-to-left lines", () => {
  for (const [name, source] of SAMPLES) {
    it(`${name}: the lines read back as the source, at ${WIDTHS.join(", ")} pt`, async () => {
      const levels = new Set<number>();
      for (const width of WIDTHS) {
        const lines = await layOut(source, width);
        if (width === WIDTHS[0]) expect(lines.length, "the narrowest width breaks the text").toBeGreaterThan(2);
        const read = readLines(lines, source);
        expect(read.rebuilt).toBe(source);
        // textkit may break between two runs (a script or font change) and add a hyphen there,
        // even with a callback that never splits (see test/prepare/hyphenate-layout.test.tsx);
        // the render stage maps it to no source character.
        expect(read.inserted.every((c) => c === "-"), read.inserted.join("")).toBe(true);
        for (const l of read.levels) levels.add(l);
      }
      expect(levels.has(1), "an odd-level (right-to-left) run").toBe(true);
      if (/[A-Za-z0-9]/.test(source)) expect(levels.has(2), "an even-level run inside the right-to-left paragraph").toBe(true);
    });
  }

  it("nested Texts (bold, a link colour) give separate runs that still read back in order", async () => {
    const parts = ["قال ", "الربان توم برانيغان", " إن السفينة ", "The Lantern", " ستبحر يوم ", "1 يونيو", " من رصيف المدينة."];
    const children = parts.map((p, i) => (i % 2 === 1 ? h(Text, { key: i, style: { direction: "rtl", fontWeight: 700, color: "#1a4f8b" } } as never, p) : p));
    for (const width of WIDTHS) {
      const lines = await layOut(children, width);
      expect(readLines(lines, parts.join("")).rebuilt).toBe(parts.join(""));
    }
  });

  it("a hyphen added at a hyphenation point maps to no source character", async () => {
    // The project's English hyphenation breaks the long Latin words of the LTR stretch.
    const source = "أعلن المجلس عن برنامج internationalisation communication administration الجديد للمكتبات.";
    let inserted = 0;
    for (const width of [70, 90, 110]) {
      const read = readLines(await layOut(source, width, hyphenatorFor("en-GB")), source);
      expect(read.rebuilt).toBe(source);
      expect(read.inserted.every((c) => c === "-")).toBe(true);
      inserted += read.inserted.length;
    }
    expect(inserted, "some line broke at a hyphenation point").toBeGreaterThan(0);
  });

  /**
   * In "ו-12" the Hebrew letter and the "-" are in different runs (different
   * fonts), and textkit may break between them and add a hyphen: the line
   * ends "ו" + added "-", the next line starts with the source's "-". The
   * added hyphen is told apart by its position object, which has no
   * `advanceWidth` (shared/docs/react-pdf-layout-tree.md §3), so both lines
   * read back as the source.
   */
  it("reads back a break just before a hard hyphen (added '-', then the source's '-')", async () => {
    const source = "ספרים, 2 מחשבים ו-12 מקומות ישיבה";
    const lines = await layOut(source, 86);
    const logical = lines.map((l) => logicalLine(l));
    expect(logical.map((l) => l.text.join(""))).toEqual(["ספרים, 2 מחשבים ו-", "-12 מקומות ישיבה"]);
    expect(logical[0]!.inserted.size).toBe(1);
    const chars = [...source];
    const first = alignWithSource(logical[0]!.text, chars, 0, logical[0]!.inserted)!;
    expect(first.map.at(-1)).toBe(-1);
    const second = alignWithSource(logical[1]!.text, chars, first.next, logical[1]!.inserted)!;
    expect(second.next).toBe(chars.length);
  });
});

describe("a break inside a ligature", () => {
  /**
   * Noto Serif sets "ff" as one glyph. A hyphenation break between the two
   * f's ("bezif-" + "fert") makes textkit re-make both halves as glyphs
   * whose positions lack `advanceWidth`, like the hyphen it adds. Only the
   * line's last character may count as added: the halves are source text.
   */
  it("reads both halves of the ligature as source text", async () => {
    const source = "Die Kosten beziffert man hoch, beziffert sie, und beziffert ihn.";
    const split = (word: string) => (word.startsWith("beziffert") ? ["bezif", word.slice(5)] : [word]);
    let broken = 0;
    for (const width of [60, 70, 80, 90, 100, 110, 120]) {
      const text = h(Text, { hyphenationCallback: split, style: { fontFamily: "serif", fontSize: 10, width, textAlign: "justify" } } as never, source);
      const root = await layoutDocument(h(Document, null, h(Page, { size: "A4" }, text)), createFontStore(manifest));
      const lines = ((root.children?.[0]?.children ?? [])[0] as LayoutNode).lines!;
      const read = readLines(lines, source);
      expect(read.rebuilt).toBe(source);
      expect(read.inserted.every((c) => c === "-")).toBe(true);
      broken += lines.filter((l) => l.string.endsWith("bezif-")).length;
    }
    expect(broken, "some line broke inside the ligature").toBeGreaterThan(0);
  });
});
