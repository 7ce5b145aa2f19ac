/** pressroom.config.json: validation with lines and columns, the brand's files, the brand digest. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { contrast } from "../../src/config/brand.ts";
import { RASTER_HEIGHT } from "../../src/config/logo.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/model/diagnostic.ts";
import { repoRoot } from "../support/build.ts";
import { BRAND, EXAMPLE_LOGO, positionOf, project } from "./helpers.ts";

const errorsOf = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "error");
const at = (dir: string, needle: string, after?: string) => ({ file: path.relative(process.cwd(), path.join(dir, "pressroom.config.json")), ...positionOf(dir, needle, after) });

describe("no configuration", () => {
  it("is no config and no message", async () => {
    expect(await loadConfig(project(undefined))).toEqual({ diagnostics: [] });
  });
});

describe("a valid configuration", () => {
  it("loads every key, with paths relative to the configuration's folder", async () => {
    const dir = project({ $schema: "./pressroom.config.schema.json", content: "releases", out: "build/pdf", editions: ["handout-a4", "email"], languages: ["en", "uk"], jobs: 3, brand: BRAND }, { "brand/logo.svg": EXAMPLE_LOGO });
    const { config, diagnostics } = await loadConfig(dir);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      content: path.relative(process.cwd(), path.join(dir, "releases")),
      out: path.relative(process.cwd(), path.join(dir, "build/pdf")),
      editions: ["handout-a4", "email"],
      languages: ["en", "uk"],
      jobs: 3,
    });
    const brand = config!.brand!;
    expect(brand.colours).toEqual(BRAND.colours);
    expect(brand.digest).toMatch(/^[0-9a-f]{64}$/);
    // The SVG (96 × 64) rasterised at twice print resolution for the largest logo, aspect ratio kept.
    expect(brand.logo).toMatchObject({ file: "brand/logo.svg", format: "svg", height: RASTER_HEIGHT, width: Math.round((RASTER_HEIGHT * 96) / 64) });
    expect(brand.logo!.src).toMatch(/^data:image\/png;base64,/);
    // The heading font, registered as brand-heading, with its files resolved from Pressroom's packages.
    expect(brand.fonts!.stacks).toEqual({ heading: "brand-heading" });
    expect(brand.fonts!.families[0]).toMatchObject({ id: "brand-heading", name: "Brand Sans", scripts: ["Latn", "Cyrl"] });
    expect(brand.fonts!.families[0]!.faces.map((f) => path.basename(f.path))).toEqual(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]);
  });

  it("takes a PNG logo as it is (8-bit sRGB), and an empty brand as no brand", async () => {
    const png = await sharp({ create: { width: 400, height: 200, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } }).png().toBuffer();
    const { config } = await loadConfig(project({ brand: { logo: "logo.png" } }, { "logo.png": png }));
    expect(config!.brand!.logo).toMatchObject({ format: "png", width: 400, height: 200 });
    const empty = await loadConfig(project({ brand: {}, jobs: 2 }));
    expect(empty).toEqual({ config: { file: expect.any(String), jobs: 2 }, diagnostics: [] });
  });
});

describe("mistakes, each at its line and column with a hint", () => {
  it("an unknown key, with a suggestion, at the top and inside the brand", async () => {
    const dir = project({ contnet: "content", brand: { colours: { acent: { rgb: "#000000", cmyk: [0, 0, 0, 100] } }, logos: "x.svg" } });
    const { config, diagnostics } = await loadConfig(dir);
    expect(config).toBeUndefined();
    const where = (needle: string) => { const a = at(dir, needle); return `${a.file}:${a.line}:${a.column}`; };
    expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      `${where('"contnet"')}: error: unknown key "contnet" in pressroom.config.json\n  hint: did you mean "content"?`,
      `${where('"acent"')}: error: unknown key "acent" in brand.colours\n  hint: did you mean "accent"?`,
      `${where('"logos"')}: error: unknown key "logos" in brand\n  hint: did you mean "logo"?`,
    ]);
    expect(where('"contnet"')).toMatch(/pressroom\.config\.json:2:3$/);
  });

  it("wrong types: jobs as a string, a colour with three CMYK values, an RGB that is not #rrggbb, editions not a list", async () => {
    const dir = project({ jobs: "4", editions: "print", brand: { colours: { accent: { rgb: "teal", cmyk: [90, 30, 35] } } } });
    const { diagnostics } = await loadConfig(dir);
    expect(diagnostics).toHaveLength(4);
    expect(diagnostics[0]).toMatchObject({ ...at(dir, '"4"'), severity: "error", message: "jobs: expected number, received string", hint: "a whole number of worker threads, 1 or more" });
    expect(diagnostics[1]).toMatchObject({ ...at(dir, '"print"'), message: "editions: expected array, received string" });
    expect(diagnostics[2]).toMatchObject({ ...at(dir, '"teal"'), message: expect.stringMatching(/^brand\.colours\.accent\.rgb: /), hint: 'the screen colour as "#rrggbb"' });
    expect(diagnostics[3]).toMatchObject({ ...at(dir, "[", '"cmyk"'), message: expect.stringMatching(/^brand\.colours\.accent\.cmyk: .*4 items/) });
  });

  it("a missing required value and JSON that does not parse", async () => {
    const missing = project({ brand: { colours: { link: { rgb: "#0b4f8a" } } } });
    expect((await loadConfig(missing)).diagnostics).toMatchObject([{ ...at(missing, "{", '"link"'), message: expect.stringMatching(/^brand\.colours\.link\.cmyk: .*\(missing\)$/) }]);
    const bad = project('{\n  "jobs": 2,\n}\n');
    const { diagnostics } = await loadConfig(bad);
    expect(diagnostics).toMatchObject([{ line: 3, message: expect.stringMatching(/^pressroom\.config\.json is not valid JSON/), hint: "JSON allows no comments and no trailing commas" }]);
  });

  it("a logo file that is not there", async () => {
    const dir = project({ brand: { logo: "brand/logo.svg" } });
    const { config, diagnostics } = await loadConfig(dir);
    expect(config).toBeUndefined();
    expect(diagnostics).toMatchObject([{ ...at(dir, '"brand/logo.svg"'), severity: "error", message: expect.stringMatching(/^logo file brand\/logo\.svg not found \(looked for .*brand\/logo\.svg\)$/), hint: expect.stringMatching(/relative to pressroom\.config\.json/) }]);
  });

  it("an SVG that does not parse, one that draws nothing, a file that is no image, a JPEG", async () => {
    const jpeg = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#ff0000" } }).jpeg().toBuffer();
    const dir = project({ brand: { logo: "broken.svg" } }, {
      "broken.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10"',
      "empty.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
      "notes.png": "not a picture at all",
      "photo.jpg": jpeg,
    });
    const cases: [string, RegExp][] = [
      ["broken.svg", /^logo broken\.svg is an SVG that cannot be read: .*XML parse error/],
      ["empty.svg", /^logo empty\.svg draws nothing: every pixel is transparent$/],
      ["notes.png", /^logo notes\.png is not an image/],
      ["photo.jpg", /^logo photo\.jpg is a JPEG image$/],
    ];
    for (const [file, message] of cases) {
      writeFileSync(path.join(dir, "pressroom.config.json"), `${JSON.stringify({ brand: { logo: file } }, null, 2)}\n`);
      const { config, diagnostics } = await loadConfig(dir);
      expect(config).toBeUndefined();
      expect(diagnostics).toMatchObject([{ ...at(dir, `"${file}"`), severity: "error", message: expect.stringMatching(message) }]);
    }
  });

  it("brand fonts: a package that is not installed, a missing file, WOFF2 and variable fonts", async () => {
    const face = (file: string) => ({ name: "X", faces: [{ weight: 400, style: "normal", file }] });
    const dir = project({
      brand: {
        fonts: {
          body: face("npm:@pressroom-missing/font-package/X-Regular.ttf"),
          heading: face("npm:vazirmatn/fonts/webfonts/Vazirmatn-Regular.woff2"),
          ui: face("npm:vazirmatn/fonts/variable/Vazirmatn[wght].ttf"),
        },
      },
    });
    const { config, diagnostics } = await loadConfig(dir);
    expect(config).toBeUndefined();
    expect(errorsOf(diagnostics)).toMatchObject([
      { ...at(dir, '"npm:@pressroom-missing'), message: "package @pressroom-missing/font-package is not installed", hint: "run: npm install --save-exact @pressroom-missing/font-package" },
      { ...at(dir, '"npm:vazirmatn/fonts/webfonts'), message: expect.stringMatching(/is a WOFF2 file/) },
      { ...at(dir, '"npm:vazirmatn/fonts/variable'), message: expect.stringMatching(/is a variable font/) },
    ]);
    const missing = project({ brand: { fonts: { body: face("fonts/Brand-Regular.ttf") } } });
    expect(errorsOf((await loadConfig(missing)).diagnostics)).toMatchObject([
      { ...at(missing, '"fonts/Brand-Regular.ttf"'), message: expect.stringMatching(/^font file fonts\/Brand-Regular\.ttf not found/), hint: "paths are relative to the folder of pressroom.config.json" },
    ]);
  });

  it("brand colours: a warning for text with too little contrast on white, an error for one RGB with two CMYK values", async () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeLessThan(4.5);
    const dir = project({ brand: { colours: { accent: { rgb: "#f2b134", cmyk: [0, 30, 85, 0] }, ink: { rgb: "#1b1b1b", cmyk: [0, 0, 0, 92] } } } });
    const { config, diagnostics } = await loadConfig(dir);
    expect(config?.brand?.colours?.accent?.rgb).toBe("#f2b134");
    expect(diagnostics).toMatchObject([{ ...at(dir, '"#f2b134"'), severity: "warning", message: expect.stringMatching(/^brand colour accent #f2b134 has a contrast of 1\.\d\d:1 on white paper, below 4\.5:1 for text$/) }]);
    const clash = project({ brand: { colours: { accent: { rgb: "#0b5d6b", cmyk: [90, 30, 35, 25] }, link: { rgb: "#0B5D6B", cmyk: [95, 55, 0, 15] } } } });
    expect(errorsOf((await loadConfig(clash)).diagnostics)).toMatchObject([{ ...at(clash, "[", '"link"'), message: "brand colours accent and link have the same RGB value #0b5d6b but different CMYK values" }]);
  });
});

describe("the brand's digest (part of every output's input hash)", () => {
  const digestOf = async (config: object, logo = EXAMPLE_LOGO) => (await loadConfig(project(config, { "brand/logo.svg": logo }))).config!.brand!.digest;

  it("changes with the logo's bytes and the brand's settings, not with the other keys", async () => {
    const base = await digestOf({ content: "content", jobs: 2, brand: BRAND });
    expect(await digestOf({ content: "elsewhere", out: "pdf", jobs: 8, languages: ["en"], brand: BRAND })).toBe(base);
    expect(await digestOf({ content: "content", jobs: 2, brand: BRAND }, EXAMPLE_LOGO.replace("#f2b134", "#f2b135"))).not.toBe(base);
    expect(await digestOf({ content: "content", jobs: 2, brand: { ...BRAND, colours: { ...BRAND.colours, link: { rgb: "#5c1745", cmyk: [57, 96, 34, 39] } } } })).not.toBe(base);
  });

  it("the example configuration in examples/ loads without a message", async () => {
    const { config, diagnostics } = await loadConfig(path.join(repoRoot, "examples"));
    expect(diagnostics).toEqual([]);
    expect(config?.brand?.logo?.format).toBe("svg");
    expect(JSON.parse(readFileSync(path.join(repoRoot, "examples/pressroom.config.json"), "utf8")).$schema).toBe("../pressroom.config.schema.json");
  });
});
