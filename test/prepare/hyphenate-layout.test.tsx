/**
 * Hyphenation through react-pdf's real layout: where do lines break, and
 * what does textkit draw at the break?
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Document, Page, Text, pdf } from "@react-pdf/renderer";
import layout from "@react-pdf/layout";
import type React from "react";
import { createFontStore, loadFontManifest, type FontManifest } from "../../src/prepare/fonts.ts";
import { hyphenatorFor } from "../../src/prepare/hyphenate.ts";

type Line = { string: string };
type Node = { type: string; lines?: Line[]; children?: Node[] };

let manifest: FontManifest;
beforeAll(async () => {
  const loaded = await loadFontManifest("fonts");
  expect(loaded.diagnostics).toEqual([]);
  manifest = loaded.manifest!;
});

async function layOut(text: string, hyphenationCallback: ((word: string) => string[]) | undefined, width: number): Promise<Line[]> {
  const element = (
    <Document>
      <Page size="A4">
        <Text hyphenationCallback={hyphenationCallback as never} style={{ fontFamily: "serif", fontSize: 10, width }}>
          {text}
        </Text>
      </Page>
    </Document>
  );
  const container = (pdf(element as React.ReactElement<never>) as unknown as { container: { document: unknown } }).container;
  const root = (await (layout as unknown as (doc: unknown, fonts: unknown) => Promise<Node>)(container.document, createFontStore(manifest))) as Node;
  const textNode = root.children?.[0]?.children?.[0];
  expect(textNode?.type).toBe("TEXT");
  return textNode!.lines!;
}

/**
 * Walks the source text line by line. A line that is the next slice of the
 * text broke at a space; one whose last "-" is not in the text broke at a
 * hyphenation point (textkit appended the hyphen).
 */
function breaksOf(text: string, lines: readonly Line[]): { at: number; hyphenated: boolean }[] {
  const breaks: { at: number; hyphenated: boolean }[] = [];
  let cursor = 0;
  lines.forEach((line, i) => {
    const s = line.string;
    if (text.startsWith(s, cursor)) {
      cursor += s.length;
      if (i < lines.length - 1) breaks.push({ at: cursor, hyphenated: false });
    } else if (s.endsWith("-") && text.startsWith(s.slice(0, -1), cursor)) {
      cursor += s.length - 1;
      breaks.push({ at: cursor, hyphenated: true });
    } else {
      throw new Error(`line ${i} ${JSON.stringify(s)} does not continue the text at ${cursor}`);
    }
  });
  expect(cursor).toBe(text.length);
  return breaks;
}

/** Offsets where the callback allows a hyphenated break, chunking the text as textkit does. */
function allowedBreaks(text: string, h: (word: string) => string[]): Set<number> {
  const allowed = new Set<number>();
  let offset = 0;
  for (const chunk of text.split(/([ ]+)/g).filter(Boolean)) {
    const pieces = h(chunk);
    expect(pieces.join("")).toBe(chunk);
    let at = offset;
    for (const piece of pieces.slice(0, -1)) {
      at += piece.length;
      allowed.add(at);
    }
    offset += chunk.length;
  }
  return allowed;
}

const english =
  "The Harbour Town Council announced the international communication programme for neighbourhood libraries, " +
  "a well-known, state-of-the-art co-operation with independent organisations. Read the documentation at " +
  "https://hbr.example/lib or write to press@hbr.example before " +
  "14 May 2026. Approximately 12,500 inhabitants, representatives and administrators participated in the " +
  "consultations; UNESCO acknowledged the extraordinary responsibility of the librarians.";

const ukrainian =
  "Міська рада оголосила міжнародну програму комунікації для бібліотек громади: науково-дослідний " +
  "центр та прес-служба підготували прес-реліз і документацію про відкриття плавучої бібліотеки, " +
  "об’єднання представників адміністрації та громадськості.";

describe("hyphenation in react-pdf's layout", () => {
  for (const [name, lang, text] of [
    ["English", "en-GB", english],
    ["Ukrainian", "uk", ukrainian],
  ] as const) {
    it(`${name}: breaks only at spaces and allowed hyphenation points, never after a hard hyphen`, async () => {
      const h = hyphenatorFor(lang)!;
      const lines = await layOut(text, h, 120);
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) expect(line.string.trimEnd().endsWith("--"), line.string).toBe(false);
      const allowed = allowedBreaks(text, h);
      const breaks = breaksOf(text, lines);
      expect(breaks.some((b) => b.hyphenated), "the sample should need hyphenation").toBe(true);
      for (const b of breaks) {
        if (b.hyphenated) {
          expect(allowed.has(b.at), `hyphenated break at ${JSON.stringify(text.slice(b.at - 12, b.at))}|${JSON.stringify(text.slice(b.at, b.at + 8))}`).toBe(true);
          expect(text[b.at - 1]).not.toBe("-");
        } else {
          expect(text[b.at - 1], `break at ${b.at}`).toBe(" ");
        }
      }
    });
  }

  it("without a callback, a long word overflows rather than breaking (no hyphenation)", async () => {
    const lines = await layOut(english, (word) => [word], 120);
    for (const b of breaksOf(english, lines)) expect(b.hyphenated).toBe(false);
  });

  it("documents a textkit limit: a word split into two runs gets a break with an added hyphen", async () => {
    // textkit itemizes runs by script, so the callback sees "PDF-" and
    // "документи" in two calls, and it puts a hyphenation penalty between any
    // two neighbouring non-space pieces, even from different calls. Even a
    // callback that never splits cannot prevent "PDF--"; the render stage
    // has to cope with it (the same happens at a font fallback or a nested
    // Text inside a word: "**bold**ness").
    const seen: string[] = [];
    const lines = await layOut("Нові PDF-документи готові.", (word) => (seen.push(word), [word]), 62);
    expect(seen).toEqual(expect.arrayContaining(["PDF-", "документи"]));
    expect(lines.map((l) => l.string)).toContain("PDF--");
  });
});
