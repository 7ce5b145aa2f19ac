import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Position, Release } from "../../src/model/release.ts";
import { checkCoverage } from "../../src/prepare/coverage.ts";
import { loadFontManifest, type FontManifest } from "../../src/prepare/fonts.ts";

// 𝔸 (U+1D538), ☃ (U+2603) and ⛵ (U+26F5) are in neither Noto Serif nor Noto Sans.
const source = [
  "---", //                                              1
  'title: "Harbour 𝔸 library"', //                       2
  "organization: Harbour Town Council", //               3
  "date: 2026-05-14", //                                 4
  "place: Harbour Town", //                              5
  "contact:", //                                         6
  "  name: Mira ☃ Okafor", //                            7
  "  email: press@harbourtown.example", //               8
  "---", //                                              9
  "", //                                                 10
  "The library opens on **Friday 𝔸** with a ferry.", //  11
  "Second line has a snow ☃ too &amp; more ⛵.", //      12
  "", //                                                 13
  "- first item", //                                     14
  "  continues with ⛵ here", //                         15
  "", //                                                 16
  "![Alt with ☄ is not printed](images/a.jpg)", //       17
  "",
].join("\n");

/** Line and column (UTF-16 units, as micromark counts) of the n-th `needle`. */
function at(needle: string, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = source.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in the source`);
  const before = source.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

let tmp: string;
let manifest: FontManifest;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "pressroom-coverage-"));
  writeFileSync(join(tmp, "en.md"), source);
  manifest = (await loadFontManifest("fonts")).manifest!;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The release the parse stage makes of `source` (positions as mdast gives them). */
function release(file = join(tmp, "en.md")): Release {
  return {
    slug: "launch",
    lang: "en",
    file,
    meta: {
      title: "Harbour 𝔸 library",
      organization: "Harbour Town Council",
      date: "2026-05-14",
      place: "Harbour Town",
      contact: { name: "Mira ☃ Okafor", email: "press@harbourtown.example" },
    },
    metaPos: { title: at('"Harbour'), organization: at("Harbour Town Council"), date: at("2026"), place: at("Harbour Town", 1), contact: at("name:") },
    blocks: [
      {
        kind: "paragraph",
        pos: at("The library"),
        inlines: [
          { kind: "text", text: "The library opens on ", pos: at("The library") },
          { kind: "strong", pos: at("**Friday"), children: [{ kind: "text", text: "Friday 𝔸", pos: at("Friday") }] },
          // The entity is decoded in the text, so counting from `pos` alone would be 4 off.
          { kind: "text", text: " with a ferry.\nSecond line has a snow ☃ too & more ⛵.", pos: at(" with a ferry") },
        ],
      },
      {
        kind: "list",
        ordered: false,
        pos: at("- first"),
        // The continuation line's indentation is not in the text.
        items: [[{ kind: "paragraph", pos: at("first item"), inlines: [{ kind: "text", text: "first item\ncontinues with ⛵ here", pos: at("first item") }] }]],
      },
      { kind: "figure", pos: at("![Alt"), src: join(tmp, "images/a.jpg"), alt: "Alt with ☄ is not printed" },
    ],
  };
}

describe("checkCoverage", () => {
  it("reports each uncovered character once, at its exact first position, with the others", () => {
    const diagnostics = checkCoverage(release(), ["serif", "sans"], manifest);
    const file = join(tmp, "en.md");
    const double = at("𝔸", 1);
    const snow = at("☃", 1);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file,
        ...at("𝔸"),
        message: `character "𝔸" (U+1D538) is not covered by any configured font; also at ${double.line}:${double.column}`,
        hint: "fonts tried: Noto Serif, Noto Sans; add a font that covers it to fonts/manifest.json",
      },
      {
        severity: "error",
        file,
        ...at("☃"),
        message: `character "☃" (U+2603) is not covered by any configured font; also at ${snow.line}:${snow.column}`,
        hint: "fonts tried: Noto Serif, Noto Sans; add a font that covers it to fonts/manifest.json",
      },
      {
        severity: "error",
        file,
        ...at("⛵"),
        message: `character "⛵" (U+26F5) is not covered by any configured font; also at 15:${at("⛵", 1).column}`,
        hint: "fonts tried: Noto Serif, Noto Sans; add a font that covers it to fonts/manifest.json",
      },
    ]);
    expect(at("𝔸")).toEqual({ line: 2, column: 17 });
    expect(at("⛵", 1)).toEqual({ line: 15, column: 18 });
  });

  it("counts from the inline's position when the source file cannot be read", () => {
    const diagnostics = checkCoverage(release(join(tmp, "missing.md")), ["serif", "sans"], manifest);
    // Same line as the text's start: exact. The title's value position is its opening quote.
    expect(diagnostics.find((d) => d.message.includes("U+1D538"))).toMatchObject({ line: 2, column: 16 });
    expect(diagnostics.find((d) => d.message.includes("U+1D538"))!.message).toMatch(/also at 11:31$/);
  });

  it("does not check alt text, link targets or characters that are never drawn", () => {
    const r = release();
    r.meta = { title: "Plain", organization: "Org", date: "2026-05-14" };
    r.blocks = [
      {
        kind: "paragraph",
        pos: { line: 11, column: 1 },
        inlines: [
          { kind: "text", text: "soft\u00adhyphen, joiners \u200d\u200c\u2060, marks \u2066x\u2069 \ufe0f \u{e0001}\u0007", pos: { line: 11, column: 1 } },
          { kind: "link", href: "https://example.com/☄", pos: { line: 11, column: 40 }, children: [{ kind: "text", text: "a link", pos: { line: 11, column: 41 } }] },
        ],
      },
      { kind: "figure", pos: { line: 17, column: 1 }, src: "a.jpg", alt: "☄ ☃ 𝔸" },
    ];
    expect(checkCoverage(r, ["serif", "sans"], manifest)).toEqual([]);
  });

  it("checks headings, lists, quotes, pull quote attributions and captions", () => {
    const r = release(join(tmp, "missing.md"));
    r.meta = { title: "Plain", organization: "Org", date: "2026-05-14" };
    const text = (t: string, line: number) => ({ kind: "text" as const, text: t, pos: { line, column: 1 } });
    r.blocks = [
      { kind: "heading", level: 2, pos: { line: 20, column: 1 }, inlines: [text("Heading ☀", 20)] },
      { kind: "quote", pos: { line: 21, column: 1 }, blocks: [{ kind: "paragraph", pos: { line: 21, column: 3 }, inlines: [text("Quoted ☁", 21)] }] },
      { kind: "pullquote", pos: { line: 22, column: 1 }, inlines: [text("Pulled ☂", 22)], attribution: [text("— Mira ☇", 23)] },
      { kind: "figure", pos: { line: 24, column: 1 }, src: "a.jpg", alt: "fine", caption: [{ kind: "emphasis", pos: { line: 25, column: 1 }, children: [text("Caption ☈", 25)] }] },
      { kind: "list", ordered: true, start: 3, pos: { line: 26, column: 1 }, items: [[{ kind: "paragraph", pos: { line: 26, column: 4 }, inlines: [{ kind: "lang", lang: "uk", pos: { line: 26, column: 4 }, children: [text("Слава ☉", 26)] }] }]] },
    ];
    const lines = checkCoverage(r, ["serif", "sans"], manifest).map((d) => d.line);
    expect(lines).toEqual([20, 21, 22, 23, 25, 26]);
  });

  it("checks the dates as layouts print them, pointing at the front-matter value", () => {
    const r = release(join(tmp, "missing.md"));
    r.lang = "ar";
    r.meta = { title: "Plain", organization: "Org", date: "2026-05-14" };
    r.blocks = [];
    const diagnostics = checkCoverage(r, ["serif", "sans"], manifest);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d).toMatchObject({ line: 4, column: 7 });
      expect(d.message).toMatch(/^character ".*" \(U\+06..\) in the printed date \(".*"\) is not covered by any configured font$/);
    }
  });

  it("wants the character in every face of a family, and says which faces have it", () => {
    const r = release(join(tmp, "missing.md"));
    r.meta = { title: "Price: 5 ⃀", organization: "Org", date: "2026-05-14" }; // U+20C0 SOM SIGN
    r.metaPos = { title: { line: 2, column: 8 } };
    r.blocks = [];
    const [d, ...rest] = checkCoverage(r, ["serif"], manifest);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 2, column: 17, message: 'character "⃀" (U+20C0) is not covered by any configured font' });
    expect(d!.hint).toBe(
      "fonts tried: Noto Serif; add a font that covers it to fonts/manifest.json (only some faces have it: Noto Serif Regular, Noto Serif Bold; every face of a family must)",
    );
  });

  it("reports a family id the manifest does not have", () => {
    const r = release();
    r.meta = { title: "Plain", organization: "Org", date: "2026-05-14" };
    r.blocks = [];
    const diagnostics = checkCoverage(r, ["serif", "klingon"], manifest);
    expect(diagnostics).toEqual([expect.objectContaining({ file: "fonts/manifest.json", message: 'font family "klingon" is not in the font manifest' })]);
  });
});
