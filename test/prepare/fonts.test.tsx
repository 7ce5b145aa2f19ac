import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, Page, Text, pdf } from "@react-pdf/renderer";
import layout from "@react-pdf/layout";
import type React from "react";
import { createFontStore, loadFontManifest, registerFonts, type FontManifest } from "../../src/prepare/fonts.ts";

const NOTO_SANS = "node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "pressroom-fonts-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let count = 0;
/** A fonts folder holding `manifest` (an object, or raw text) and the given files. */
function fontsDir(manifest: unknown, files: Record<string, Buffer | string> = {}): string {
  const dir = join(tmp, `fonts-${++count}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "manifest.json"), typeof manifest === "string" ? manifest : JSON.stringify(manifest, null, 2));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** 1-based line and column of `needle` in the folder's manifest.json. */
function positionOf(dir: string, needle: string): { line: number; column: number } {
  const lines = readFileSync(join(dir, "manifest.json"), "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
}

function userManifest(faceFile = "my/MyFont-Regular.ttf") {
  return {
    version: 1,
    families: [{ id: "mine", name: "My Font", scripts: ["Latn"], licence: "OFL-1.1", faces: [{ weight: 400, style: "normal", file: faceFile }] }],
    stacks: { body: ["mine"], heading: ["mine"], ui: ["mine"] },
  };
}

describe("loadFontManifest", () => {
  it("loads the shipped manifest: Latin/Cyrillic/Greek, Arabic, Hebrew, a wide fallback and emoji from npm, four faces each", async () => {
    const { manifest, diagnostics } = await loadFontManifest("fonts");
    expect(diagnostics).toEqual([]);
    expect(manifest!.families.map((f) => [f.id, f.name, f.faces.length])).toEqual([
      ["serif", "Noto Serif", 4],
      ["sans", "Noto Sans", 4],
      ["arabic", "Vazirmatn", 4],
      ["hebrew", "Noto Sans Hebrew", 4],
      ["fallback", "DejaVu Sans", 4],
      ["emoji", "Noto Emoji", 4],
    ]);
    for (const face of manifest!.families.flatMap((f) => f.faces)) {
      expect(face.path).toMatch(/^\/.*node_modules\/.*\.ttf$/);
    }
    expect(manifest!.stacks).toEqual({
      body: ["serif", "arabic", "hebrew", "fallback", "emoji"],
      heading: ["sans", "arabic", "hebrew", "fallback", "emoji"],
      ui: ["sans", "arabic", "hebrew", "fallback", "emoji"],
    });
    expect(manifest!.file).toBe(join("fonts", "manifest.json"));
  });

  it("loads a user's font file given relative to the fonts folder", async () => {
    const dir = fontsDir(userManifest(), {});
    mkdirSync(join(dir, "my"));
    copyFileSync(NOTO_SANS, join(dir, "my", "MyFont-Regular.ttf"));
    const { manifest, diagnostics } = await loadFontManifest(dir);
    expect(diagnostics).toEqual([]);
    expect(manifest!.families[0]!.faces[0]!.path).toBe(join(dir, "my", "MyFont-Regular.ttf"));
  });

  it("reports invalid JSON with its line and column", async () => {
    const dir = fontsDir('{\n  "version": 1,\n  "families": [],\n}\n');
    const { manifest, diagnostics } = await loadFontManifest(dir);
    expect(manifest).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", file: join(dir, "manifest.json"), line: 4, column: 1 });
    expect(diagnostics[0]!.message).toMatch(/not valid JSON/);
  });

  it("reports unknown keys with a suggestion, at the key", async () => {
    const m = userManifest();
    (m.families[0]!.faces[0] as Record<string, unknown>).wieght = 400;
    const dir = fontsDir(m);
    const { diagnostics } = await loadFontManifest(dir);
    const unknown = diagnostics.find((d) => d.message.includes('"wieght"'))!;
    expect(unknown).toMatchObject({ severity: "error", ...positionOf(dir, '"wieght"'), hint: 'did you mean "weight"?' });
    expect(unknown.message).toBe('unknown key "wieght" in families[0].faces[0]');
  });

  it("reports values of the wrong type or missing keys, with a hint about the field", async () => {
    const m = userManifest() as Record<string, unknown> & ReturnType<typeof userManifest>;
    (m.families[0]!.faces[0] as Record<string, unknown>).weight = "bold";
    delete (m as Record<string, unknown>).stacks;
    const dir = fontsDir(m);
    const { manifest, diagnostics } = await loadFontManifest(dir);
    expect(manifest).toBeUndefined();
    const weight = diagnostics.find((d) => d.message.startsWith("families[0].faces[0].weight"))!;
    expect(weight).toMatchObject({ ...positionOf(dir, '"bold"'), hint: "a whole number: 400 regular, 700 bold" });
    const stacks = diagnostics.find((d) => d.message.startsWith("stacks"))!;
    expect(stacks.message).toMatch(/\(missing\)$/);
  });

  it("reports duplicate ids, duplicate faces and unknown stack members", async () => {
    const m = userManifest();
    m.families.push({ ...m.families[0]!, faces: [...m.families[0]!.faces, m.families[0]!.faces[0]!] });
    m.stacks.heading = ["mien"];
    const dir = fontsDir(m);
    mkdirSync(join(dir, "my"));
    copyFileSync(NOTO_SANS, join(dir, "my", "MyFont-Regular.ttf"));
    const { diagnostics } = await loadFontManifest(dir);
    const messages = diagnostics.map((d) => d.message);
    expect(messages).toContain('family id "mine" is used twice');
    expect(messages).toContain("My Font has two normal faces of weight 400");
    expect(messages).toContain('stack "heading" names an unknown family "mien"');
    expect(diagnostics.find((d) => d.message.includes('"mien"'))!.hint).toBe('did you mean "mine"?');
  });

  it("rejects WOFF2 files with a clear error at the face", async () => {
    const dir = fontsDir(userManifest("my/MyFont-Regular.woff2"), { "my/MyFont-Regular.woff2": Buffer.concat([Buffer.from("wOF2"), Buffer.alloc(64)]) });
    const { manifest, diagnostics } = await loadFontManifest(dir);
    expect(manifest).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", ...positionOf(dir, '"my/MyFont-Regular.woff2"') });
    expect(diagnostics[0]!.message).toBe("my/MyFont-Regular.woff2 is a WOFF2 file, which cannot be embedded (fontkit's subsetter crashes on it)");
    expect(diagnostics[0]!.hint).toMatch(/TTF or OTF/);
  });

  it("rejects collections, non-fonts and missing files", async () => {
    for (const [file, data, pattern] of [
      ["a.ttc", Buffer.concat([Buffer.from("ttcf"), Buffer.alloc(64)]), /font collection/],
      ["a.ttf", "not a font at all", /not a TrueType or OpenType font/],
      ["b.ttf", undefined, /font file missing\.ttf not found/],
    ] as const) {
      const dir = fontsDir(userManifest(data === undefined ? "missing.ttf" : file), data === undefined ? {} : { [file]: data });
      const { diagnostics } = await loadFontManifest(dir);
      expect(diagnostics.map((d) => d.message).join("\n")).toMatch(pattern);
    }
  });

  it("reports an npm package that is not installed", async () => {
    const { diagnostics } = await loadFontManifest(fontsDir(userManifest("npm:@pressroom-missing/font-package/Regular.ttf")));
    expect(diagnostics[0]!.message).toBe("package @pressroom-missing/font-package is not installed");
    expect(diagnostics[0]!.hint).toBe("run: npm install --save-exact @pressroom-missing/font-package");
  });

  it("reports a missing manifest", async () => {
    const { diagnostics } = await loadFontManifest(join(tmp, "nowhere"));
    expect(diagnostics[0]!.message).toMatch(/cannot read the font manifest/);
  });
});

describe("registerFonts / createFontStore", () => {
  let manifest: FontManifest;
  beforeAll(async () => {
    manifest = (await loadFontManifest("fonts")).manifest!;
  });

  it("registers every family under its id with the fonts already loaded", async () => {
    const store = createFontStore(manifest);
    expect(store.getRegisteredFontFamilies()).toEqual(expect.arrayContaining(["serif", "sans"]));
    const bold = store.getFont({ fontFamily: "serif", fontWeight: 700, fontStyle: "italic" });
    expect(bold.data?.postscriptName).toBe("NotoSerif-BoldItalic");
    expect(store.getFont({ fontFamily: "sans" }).data?.postscriptName).toBe("NotoSans-Regular");
    await store.load({ fontFamily: "sans", fontWeight: 700 }); // resolves without reading a file
    // The global hyphenation callback is left alone.
    expect(store.getHyphenationCallback()).toBeNull();
  });

  it("adds nothing when called twice on one store", () => {
    const store = createFontStore(manifest);
    registerFonts(store, manifest);
    expect(store.getRegisteredFonts().serif!.sources).toHaveLength(4);
  });

  it("gives each store its own fontkit objects, sharing the decoded tables", () => {
    const a = createFontStore(manifest).getFont({ fontFamily: "serif" }).data as unknown as { _tables: object; _glyphs: object };
    const b = createFontStore(manifest).getFont({ fontFamily: "serif" }).data as unknown as { _tables: object; _glyphs: object };
    // (Booleans: vitest would print these large objects.)
    expect(a === b).toBe(false);
    expect(a._glyphs === b._glyphs).toBe(false);
    expect(a._tables === b._tables).toBe(true);
  });

  it("is cheap enough to make a fresh store per document", () => {
    createFontStore(manifest);
    const n = 50;
    const t = performance.now();
    for (let i = 0; i < n; i++) createFontStore(manifest);
    const ms = (performance.now() - t) / n;
    console.log(`createFontStore: ${ms.toFixed(3)} ms per fresh store (${manifest.families.flatMap((f) => f.faces).length} faces)`);
    expect(ms).toBeLessThan(20);
  });

  it("lays out the same lines as a store that loads the files itself, and faster", async () => {
    const text = "Harbour Town opens a floating library. Гавань відкриває плавучу бібліотеку. Το λιμάνι ανοίγει μια πλωτή βιβλιοθήκη. ".repeat(12);
    const element = (
      <Document>
        <Page size="A4">
          <Text style={{ fontFamily: "serif", fontSize: 10 }}>
            {text}
            <Text style={{ fontWeight: 700 }}>bold</Text>
          </Text>
        </Page>
      </Document>
    );
    const run = async (store: unknown) => {
      const container = (pdf(element as React.ReactElement<never>) as unknown as { container: { document: unknown } }).container;
      const t = performance.now();
      const root = (await (layout as unknown as (doc: unknown, fonts: unknown) => Promise<{ children: { children: { lines: { string: string }[] }[] }[] }>)(container.document, store));
      return { ms: performance.now() - t, lines: root.children[0]!.children[0]!.lines.map((l) => l.string) };
    };
    const byPath = () => {
      const store = createFontStore({ ...manifest, families: [] });
      for (const family of manifest.families) {
        store.register({ family: family.id, fonts: family.faces.map((f) => ({ src: f.path, fontWeight: f.weight, fontStyle: f.style })) });
      }
      return store;
    };
    await run(createFontStore(manifest)); // warm up yoga and the shared tables
    await run(byPath());
    const fresh: number[] = [];
    const plain: number[] = [];
    let reference: string[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await run(createFontStore(manifest));
      const b = await run(byPath());
      expect(a.lines).toEqual(b.lines);
      reference = a.lines;
      fresh.push(a.ms);
      plain.push(b.ms);
    }
    expect(reference.length).toBeGreaterThan(5);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[1]!.toFixed(1);
    console.log(`layout of one paragraph: ${median(fresh)} ms with createFontStore, ${median(plain)} ms with Font.register(path) on a fresh store`);
  });
});
