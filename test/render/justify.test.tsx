import React from "react";
import { Document, Page, Text } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { layoutDocument } from "../../src/layout/layout.ts";
import { createFontStore, loadFontManifest } from "../../src/prepare/fonts.ts";
import { cappedAdvances, MAX_SPACE_STRETCH } from "../../src/render/justify.ts";
import { logicalLine } from "../../src/layout/logical.ts";
import type { LayoutNode, Line } from "../../src/layout/tree.ts";

const manifest = (await loadFontManifest()).manifest!;

function lines(node: LayoutNode): Line[] {
  return [...(node.lines ?? []), ...(node.children ?? []).flatMap(lines)];
}

/** The widest word space of a line, as a multiple of the font's own space, with the advances given. */
function widestSpace(line: Line, advances?: number[][]): number {
  let widest = 0;
  line.runs.forEach((run, r) => run.glyphs.forEach((g, i) => {
    if (g.codePoints.length !== 1 || g.codePoints[0] !== 32) return;
    const natural = (g.advanceWidth * run.attributes.fontSize) / run.attributes.font[0]!.unitsPerEm;
    widest = Math.max(widest, (advances?.[r]?.[i] ?? run.positions[i]!.xAdvance) / natural);
  }));
  return widest;
}

describe("justified word spaces", () => {
  it("are capped at twice a normal space where textkit stretched them further", async () => {
    // A narrow justified column with an unbreakable address forces wide gaps.
    const text = "See the results at https://harbourtown.example/library/survey-2025/results-in-full for every island and every resident.";
    const root = await layoutDocument(
      <Document><Page size={[400, 400]}><Text style={{ width: 150, fontFamily: "serif", fontSize: 10, textAlign: "justify" }}>{text}</Text></Page></Document>,
      createFontStore(manifest),
    );
    const all = lines(root);
    expect(Math.max(...all.map((l) => widestSpace(l)))).toBeGreaterThan(MAX_SPACE_STRETCH);
    for (const line of all) {
      const { advances, saved } = cappedAdvances(logicalLine(line).runs);
      expect(widestSpace(line, advances)).toBeLessThanOrEqual(MAX_SPACE_STRETCH + 1e-9);
      if (widestSpace(line) > MAX_SPACE_STRETCH) expect(saved).toBeGreaterThan(0);
    }
  });

  it("leaves ordinary justified and ragged lines as they are", async () => {
    const text = "The vessel was bought from the regional ferry operator in 2024 for a nominal sum and refitted over eighteen months at the boatyard.";
    for (const textAlign of ["justify", "left"] as const) {
      const root = await layoutDocument(
        <Document><Page size={[400, 400]}><Text style={{ width: 300, fontFamily: "serif", fontSize: 10, textAlign }}>{text}</Text></Page></Document>,
        createFontStore(manifest),
      );
      for (const line of lines(root)) {
        const before = line.runs.map((r) => r.positions.map((p) => p.xAdvance));
        expect(cappedAdvances(logicalLine(line).runs)).toEqual({ advances: before, saved: 0 });
      }
    }
  });
});
