/**
 * `pressroom watch` and pressroom.config.json: the brand and the editions
 * come from the configuration, a saved change to it rebuilds with the new
 * brand, and a broken configuration shows its error at its line while the
 * last good outputs stay.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/model/diagnostic.ts";
import { watch, type WatchHandle, type WatchReport } from "../../src/watch/watch.ts";
import { tempDir } from "../support/build.ts";
import { project } from "../config/helpers.ts";

const config = (accent: string) => ({
  editions: ["email"],
  languages: ["en"],
  brand: { colours: { accent: { rgb: accent, cmyk: [50, 95, 25, 20] } } },
});

let dir = "";
let outDir = "";
let handle: WatchHandle;
const reports: WatchReport[] = [];

const htmlOf = async () => String((await simpleParser(readFileSync(path.join(outDir, "harbour-library/en/release.eml")))).html);
/** Saves the configuration and waits for the build it starts. */
async function save(text: string): Promise<WatchReport> {
  const before = reports.length;
  writeFileSync(path.join(dir, "pressroom.config.json"), text);
  const deadline = Date.now() + 30_000;
  while (reports.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await handle.idle();
  return reports[reports.length - 1]!;
}

beforeAll(async () => {
  dir = project(config("#7a1f5c"), {}, ["harbour-library"]);
  outDir = tempDir();
  handle = await watch({ contentDir: path.join(dir, "content"), outDir, port: 0, jobs: 1, debounceMs: 30, configDir: dir, onBuild: (r) => reports.push(r) });
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

describe("pressroom watch with pressroom.config.json", () => {
  it("builds the configuration's editions and languages with its brand", async () => {
    expect(reports[0]!.result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(reports[0]!.result.outputs.map((o) => o.file)).toEqual(["harbour-library/en/handout-a4.pdf", "harbour-library/en/release.eml"]);
    expect(await htmlOf()).toContain("#7a1f5c");
  });

  it("rebuilds with the new brand when the configuration is saved", async () => {
    const report = await save(`${JSON.stringify(config("#1f5c7a"), null, 2)}\n`);
    expect(report.result.diagnostics).toEqual([]);
    expect(report.result.built).toBe(2);
    const html = await htmlOf();
    expect(html).toContain("#1f5c7a");
    expect(html).not.toContain("#7a1f5c");
  }, 40_000);

  it("reports a broken configuration at its line and keeps the last good outputs", async () => {
    const good = readFileSync(path.join(outDir, "harbour-library/en/release.eml"));
    const report = await save(`{\n  "editions": ["email"],\n  "colour": "red"\n}\n`);
    const errors = report.result.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3 });
    expect(path.basename(errors[0]!.file)).toBe("pressroom.config.json");
    expect(readFileSync(path.join(outDir, "harbour-library/en/release.eml"))).toEqual(good);
  }, 40_000);
});
