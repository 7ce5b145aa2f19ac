import { readFileSync } from "node:fs";
import { describe, expect, it, beforeAll } from "vitest";
import type { Release } from "../../src/model/release.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { loadFontManifest, type FontManifest } from "../../src/prepare/fonts.ts";
import { hyphenatorFor } from "../../src/prepare/hyphenate.ts";
import { directionOf, fontStack, prepareRelease, scriptOf } from "../../src/prepare/prepare.ts";

let manifest: FontManifest;
beforeAll(async () => {
  manifest = (await loadFontManifest("fonts")).manifest!;
});

function release(lang: string, body = "Plain text."): Release {
  return {
    slug: "launch",
    lang,
    file: "content/launch/missing.md",
    meta: { title: "Title", organization: "Org", date: "2026-05-14" },
    metaPos: { title: { line: 2, column: 8 }, date: { line: 4, column: 7 }, lang: { line: 5, column: 7 } },
    blocks: [{ kind: "paragraph", pos: { line: 8, column: 1 }, inlines: [{ kind: "text", text: body, pos: { line: 8, column: 1 } }] }],
  };
}

describe("prepareRelease", () => {
  it("prepares an English release: ltr, hyphenation, serif body and sans headings", () => {
    const { prepared, diagnostics } = prepareRelease(release("en-gb"), manifest);
    expect(diagnostics).toEqual([]);
    expect(prepared).toMatchObject({ lang: "en-GB", direction: "ltr", fonts: { body: ["serif", "arabic", "hebrew", "fallback", "emoji"], heading: ["sans", "arabic", "hebrew", "fallback", "emoji"] } });
    expect(prepared!.hyphenate).toBe(hyphenatorFor("en-GB"));
    // British word division (en-gb patterns): "com-mu-nic-a-tion", not American "com-mu-ni-ca-tion".
    expect(prepared!.hyphenate!("communication")).toEqual(["com", "mu", "nic", "a", "tion"]);
  });

  it("prepares Ukrainian and German with their own patterns", () => {
    const uk = prepareRelease(release("uk", "Міська рада оголосила програму."), manifest).prepared!;
    expect(uk.direction).toBe("ltr");
    expect(uk.hyphenate!("бібліотека")).toEqual(["бі", "бліо", "те", "ка"]);
    const de = prepareRelease(release("de-AT", "Die Bibliothek."), manifest).prepared!;
    expect(de.hyphenate!("Pressemitteilung")).toEqual(["Pres", "se", "mit", "tei", "lung"]);
  });

  it("prepares an Arabic release right to left, without hyphenation, with the Arabic family first", () => {
    const { prepared, diagnostics } = prepareRelease(release("ar", "مكتبة عائمة"), manifest);
    expect(diagnostics).toEqual([]);
    expect(prepared).toMatchObject({ direction: "rtl", fonts: { body: ["arabic", "serif", "hebrew", "fallback", "emoji"] } });
    expect(prepared!.hyphenate).toBeUndefined();
    expect(directionOf("ar")).toBe("rtl");
    expect(hyphenatorFor("ar")).toBeUndefined();
  });

  it("fails a release in a script no configured font covers (Japanese)", () => {
    const { prepared, diagnostics } = prepareRelease(release("ja", "図書館の船"), manifest);
    expect(prepared).toBeUndefined();
    expect(diagnostics[0]!.message).toMatch(/^character "[\u3040-\u9fff]" \(U\+[0-9A-F]{4}\).* is not covered by any configured font/);
    expect(diagnostics[0]!.hint).toMatch(/Noto Serif.*DejaVu Sans/);
  });

  it("rejects a language tag that is not BCP 47, at the lang key", () => {
    const { prepared, diagnostics } = prepareRelease(release("en_GB!"), manifest);
    expect(prepared).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", line: 5, column: 7, message: '"en_GB!" is not a BCP 47 language tag' })]);
  });
});

describe("directionOf / scriptOf", () => {
  it("finds the script from the language", () => {
    expect(scriptOf("uk")).toBe("Cyrl");
    expect(scriptOf("ar")).toBe("Arab");
    expect(scriptOf("sr-Latn")).toBe("Latn");
    expect(scriptOf("zz-!")).toBeUndefined();
  });

  it("is rtl for Arabic, Hebrew, Syriac, Thaana… scripts", () => {
    for (const lang of ["ar", "ar-EG", "he", "fa", "ur", "yi", "ps", "sd", "ckb", "dv", "syr", "az-Arab", "pa-Arab"]) expect(directionOf(lang), lang).toBe("rtl");
    for (const lang of ["en", "uk", "de", "el", "az", "ku", "pa", "ja", "hi", "xx-!"]) expect(directionOf(lang), lang).toBe("ltr");
  });
});

describe("fontStack", () => {
  it("moves the families made for the release's script to the front", () => {
    const m: FontManifest = {
      ...manifest,
      families: [...manifest.families, { id: "arabic", name: "Vazirmatn", scripts: ["Arab"], licence: "OFL-1.1", faces: [] }],
      stacks: { body: ["serif", "sans", "arabic"], heading: ["sans", "arabic"], ui: ["sans", "serif", "arabic"] },
    };
    expect(fontStack(m, "body", "Arab")).toEqual(["arabic", "serif", "sans"]);
    expect(fontStack(m, "heading", "Arab")).toEqual(["arabic", "sans"]);
    expect(fontStack(m, "body", "Latn")).toEqual(["serif", "sans", "arabic"]);
    expect(fontStack(m, "ui", undefined)).toEqual(["sans", "serif", "arabic"]);
  });
});

describe("with the parse stage", () => {
  for (const path of ["content/harbour-library/en.md", "content/harbour-library/uk.md", "content/river-cleanup/en.md"]) {
    it(`prepares ${path} without diagnostics`, () => {
      const [, slug, file] = /^content\/([^/]+)\/(.+)\.md$/.exec(path)!;
      const parsed = parseRelease({ slug: slug!, lang: file!, path, dir: `content/${slug}`, text: readFileSync(path, "utf8") });
      expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const { prepared, diagnostics } = prepareRelease(parsed.release!, manifest);
      expect(diagnostics).toEqual([]);
      expect(prepared!.hyphenate).toBeDefined();
    });
  }

  it("points at the uncovered character in the Markdown the parser read", () => {
    const path = "content/harbour-library/en.md";
    const text = readFileSync(path, "utf8").replace(/(\n\n[^\n#>-][^\n]{10})/, "$1 図図 ");
    const parsed = parseRelease({ slug: "harbour-library", lang: "en", path: "/nonexistent/en.md", dir: "content/harbour-library", text });
    const { prepared, diagnostics } = prepareRelease(parsed.release!, manifest);
    expect(prepared).toBeUndefined();
    const index = text.indexOf("図");
    const before = text.slice(0, index);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: "/nonexistent/en.md",
        line: before.split("\n").length,
        column: index - before.lastIndexOf("\n"),
        message: expect.stringMatching(/^character "図" \(U\+56F3\) is not covered by any configured font; also at \d+:\d+$/),
      }),
    ]);
  });
});
