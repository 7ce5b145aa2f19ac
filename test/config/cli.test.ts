/**
 * The build command with pressroom.config.json in the folder it runs in:
 * precedence (options over the file over the defaults), the same bytes
 * without a configuration or brand, and no output with a broken one.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { describeDiagnostics, repoRoot, tempDir } from "../support/build.ts";
import { BRAND, EXAMPLE_LOGO, project } from "./helpers.ts";

/** `pressroom <args>` run in `cwd`. */
function pressroom(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, "bin/pressroom.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every PDF under `dir`: relative path → bytes. */
function pdfsUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".pdf")) out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

describe("pressroom build with pressroom.config.json", () => {
  it("without a configuration, and with one that has no brand, writes the same bytes as before", async () => {
    // Before: the build as the API runs it, with no brand.
    const reference = tempDir();
    const before = await build({ contentDir: path.join(project(undefined, {}, ["river-cleanup"]), "content"), outDir: reference, layouts: ["handout-a4"], langs: ["en"] });
    expect(describeDiagnostics(before)).toBe("");

    const plain = project(undefined, {}, ["river-cleanup"]);
    const r1 = pressroom(plain, "build", "--layout", "handout-a4", "--lang", "en", "--quiet");
    expect(r1.stderr).toBe("");
    expect(r1.code).toBe(0);

    // The file's "languages" and "out" apply; --layout overrides its "editions"; an empty brand is no brand.
    const configured = project({ $schema: "../pressroom.config.schema.json", out: "pdf", editions: ["large-print"], languages: ["en"], jobs: 1, brand: {} }, {}, ["river-cleanup"]);
    const r2 = pressroom(configured, "build", "--layout", "handout-a4", "--quiet");
    expect(r2.stderr).toBe("");
    expect(r2.code).toBe(0);
    expect(existsSync(path.join(configured, "out"))).toBe(false);

    const expected = pdfsUnder(reference);
    expect([...expected.keys()]).toEqual(["river-cleanup/en/handout-a4.pdf"]);
    expect(pdfsUnder(path.join(plain, "out"))).toEqual(expected);
    expect(pdfsUnder(path.join(configured, "pdf"))).toEqual(expected);
  }, 120_000); // the first start may compile dist/

  it("reports every mistake as pressroom.config.json:line:col with a hint, exits 1 and builds nothing", () => {
    const dir = project('{\n  "editions": ["handout-a4"],\n  "jobs": "4",\n  "brand": { "logo": "logo.svg", "colour": {} }\n}\n', {}, ["river-cleanup"]);
    const r = pressroom(dir, "build");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      "pressroom.config.json:3:11: error: jobs: expected number, received string",
      "  hint: a whole number of worker threads, 1 or more",
      "pressroom.config.json:4:34: error: unknown key \"colour\" in brand",
      "  hint: did you mean \"colours\"?",
      "",
    ].join("\n"));
    expect(existsSync(path.join(dir, "out"))).toBe(false);
    // A logo that is not there: the same, once the file is valid.
    const missing = project({ brand: { logo: "brand/logo.svg" } }, {}, ["river-cleanup"]);
    const m = pressroom(missing, "build", "--json");
    expect(m.code).toBe(1);
    const report = JSON.parse(m.stdout) as { exitCode: number; outputs: unknown[]; diagnostics: { file: string; line: number; column: number; message: string }[] };
    expect(report).toMatchObject({ exitCode: 1, outputs: [], diagnostics: [{ file: "pressroom.config.json", line: 3, column: 13, message: expect.stringMatching(/^logo file brand\/logo\.svg not found/) }] });
    expect(existsSync(path.join(missing, "out"))).toBe(false);
  });

  it("builds with the brand, printing its warnings", () => {
    const dir = project({ editions: ["handout-a4"], languages: ["en"], brand: { ...BRAND, colours: { ...BRAND.colours, muted: { rgb: "#9a9a9a", cmyk: [0, 0, 0, 45] } } } }, { "brand/logo.svg": EXAMPLE_LOGO }, ["river-cleanup"]);
    const r = pressroom(dir, "build", "--quiet");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^pressroom\.config\.json:\d+:\d+: warning: brand colour muted #9a9a9a has a contrast of 2\.\d\d:1 on white paper, below 4\.5:1 for text\n/);
    const pdf = readFileSync(path.join(dir, "out/river-cleanup/en/handout-a4.pdf")).toString("latin1");
    expect(pdf).toMatch(/DejaVuSans-Bold/);
    expect(pdf.match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
