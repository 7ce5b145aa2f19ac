import React from "react";
import { Document, Page, Text } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { layoutDocument } from "../../src/layout/layout.ts";
import { createFontStore, loadFontManifest } from "../../src/prepare/fonts.ts";
import { EMERGENCY_LETTER_EM, MAX_SPACE_EM, MAX_SPACE_STRETCH, spaceLine } from "../../src/layout/spacing.ts";
import { logicalLine } from "../../src/layout/logical.ts";
import type { LayoutNode, Line } from "../../src/layout/tree.ts";

const manifest = (await loadFontManifest()).manifest!;
const SIZE = 10;

function lines(node: LayoutNode): Line[] {
  return [...(node.lines ?? []), ...(node.children ?? []).flatMap(lines)];
}

/** Lines of `text` laid out start-aligned at `width`, as Pressroom lays out justified paragraphs. */
async function layOut(text: string, width: number, fontFamily = "serif", direction: "ltr" | "rtl" = "ltr"): Promise<Line[]> {
  const root = await layoutDocument(
    <Document><Page size={[600, 600]}><Text style={{ width, fontFamily, fontSize: SIZE, direction, textAlign: direction === "rtl" ? "right" : "left" }} hyphenationPenalty={100}>{text}</Text></Page></Document>,
    createFontStore(manifest),
  );
  return lines(root);
}

type Measured = { spaces: { advance: number; natural: number }[]; letters: { advance: number; natural: number }[]; inner: number };

/** Each glyph's advance as spaced, and its own width, for the glyphs between the first and last visible one. */
function measure(line: Line, advances: number[][]): Measured {
  const all = line.runs.flatMap((run, r) => run.glyphs.map((g, i) => {
    const natural = (g.advanceWidth * run.attributes.fontSize) / run.attributes.font[0]!.unitsPerEm;
    return { space: g.codePoints[0] === 32, advance: advances[r]![i]!, natural };
  }));
  const first = all.findIndex((g) => !g.space);
  const last = all.length - 1 - [...all].reverse().findIndex((g) => !g.space);
  const inner = all.slice(first, last + 1);
  return {
    spaces: inner.filter((g) => g.space),
    letters: inner.filter((g) => !g.space),
    inner: inner.reduce((sum, g) => sum + g.advance, 0),
  };
}

const limit = (natural: number) => Math.max(natural, Math.min(natural * MAX_SPACE_STRETCH, SIZE * MAX_SPACE_EM));

describe("justified lines", () => {
  it("fill the measure with equal word spaces and unspaced letters", async () => {
    const text = "The vessel was bought from the regional ferry operator in 2024 for a nominal sum and refitted over eighteen months at the Eastquay boatyard, and its lower deck now holds shelving for four thousand books.";
    const width = 220;
    const all = await layOut(text, width);
    expect(all.length).toBeGreaterThan(3);
    for (const line of all.slice(0, -1)) {
      const { advances, start } = spaceLine(logicalLine(line).runs, width, { justify: true, rtl: false });
      const m = measure(line, advances);
      expect(start).toBeLessThanOrEqual(0);
      if (m.spaces.every((s) => s.advance < limit(s.natural) - 1e-6)) {
        expect(m.inner).toBeCloseTo(width, 3);
        const grown = m.spaces.map((s) => s.advance - s.natural);
        expect(Math.max(...grown) - Math.min(...grown)).toBeLessThan(1e-6);
        for (const g of m.letters) expect(g.advance).toBeCloseTo(g.natural, 0);
      }
    }
  });

  it("never widen a word space past its limit; a line that cannot fill ends short at its start edge", async () => {
    // A narrow column with an unbreakable address forces lines that cannot be filled by word spaces.
    const text = "See the results at https://harbourtown.example/library/survey-2025/results-in-full for every island and every resident.";
    const width = 150;
    let short = 0;
    for (const line of await layOut(text, width)) {
      const { advances, start } = spaceLine(logicalLine(line).runs, width, { justify: true, rtl: false });
      const m = measure(line, advances);
      for (const s of m.spaces) expect(s.advance).toBeLessThanOrEqual(limit(s.natural) + 1e-9);
      for (const g of m.letters) expect(g.advance - g.natural).toBeLessThanOrEqual(EMERGENCY_LETTER_EM * SIZE + 0.05);
      if (m.inner < width - 0.5) {
        short++;
        expect(start).toBeLessThanOrEqual(0); // left, the start edge
      }
    }
    expect(short, "some line could not be filled").toBeGreaterThan(0);
  });

  it("set a right-to-left line that ends a paragraph at the right edge", async () => {
    const text = "أعلن المجلس اليوم عن برنامج جديد للمكتبات العائمة في الجزر.";
    const width = 400;
    const [line] = await layOut(text, width, "arabic", "rtl");
    const { advances, start } = spaceLine(logicalLine(line!).runs, width, { justify: false, rtl: true });
    const flat = advances.flat();
    const glyphs = line!.runs.flatMap((r) => r.glyphs);
    const lead = flat.slice(0, glyphs.findIndex((g) => g.codePoints[0] !== 32)).reduce((a, b) => a + b, 0);
    const m = measure(line!, advances);
    expect(m.inner).toBeLessThan(width - 50);
    expect(start + lead + m.inner).toBeCloseTo(width, 3);
  });

  it("take a squeeze from word spaces only, never from letters", async () => {
    // Start-aligned text that textkit had to squeeze has word spaces narrower than the font's.
    const text = "Membership is free, and books borrowed on the boat can be returned at any branch in town; the first season’s timetable follows below for every island.";
    let squeezed = 0;
    for (const width of [140, 150, 160, 170, 180, 190, 200, 210, 220]) {
      for (const line of await layOut(text, width)) {
        const before = measure(line, line.runs.map((r) => r.positions.map((p) => p.xAdvance)));
        if (!before.spaces.some((s) => s.advance < s.natural - 0.01)) continue;
        squeezed++;
        const { advances } = spaceLine(logicalLine(line).runs, width, { justify: false, rtl: false });
        const after = measure(line, advances);
        // Letters get back what textkit took from them (the glyph before each space) and lose nothing.
        after.letters.forEach((g, i) => expect(g.advance).toBeGreaterThanOrEqual(before.letters[i]!.advance - 1e-9));
        for (const s of after.spaces) expect(s.advance).toBeGreaterThanOrEqual(s.natural / 2 - 1e-9);
        expect(after.inner).toBeCloseTo(before.inner, 6);
      }
    }
    expect(squeezed, "some line was squeezed").toBeGreaterThan(0);
  });
});
