/**
 * Incremental, parallel and sharded builds: a rebuild with nothing changed
 * writes nothing; an edit rebuilds exactly the outputs of that release's
 * language; worker threads and shards give the same bytes as one thread.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build/build.ts";
import { mergeManifests } from "../../src/build/manifest.ts";
import { unitRunner } from "../../src/build/pool.ts";
import { defaultJobs, planUnits, shardUnits } from "../../src/build/units.ts";
import { copyContent, describeDiagnostics, tempDir } from "../support/build.ts";

const LAYOUTS = ["handout-a4", "large-print"];

/** Every PDF of an output folder: relative path → bytes. */
function pdfsOf(result: BuildResult, outDir: string): Map<string, Buffer> {
  return new Map(result.outputs.map((o) => [o.file, readFileSync(path.join(outDir, o.file))]));
}

const mtimes = (outDir: string, files: Iterable<string>) => new Map([...files].map((f) => [f, statSync(path.join(outDir, f)).mtimeMs]));

describe("incremental builds", () => {
  let content = "";
  let outDir = "";
  let first: BuildResult;

  beforeAll(async () => {
    content = copyContent(["harbour-library"]);
    outDir = tempDir();
    first = await build({ contentDir: content, outDir, layouts: LAYOUTS, langs: ["en", "de", "uk"] });
    expect(describeDiagnostics(first)).toBe("");
  });

  it("rewrites no PDF when nothing changed, and lists them all", async () => {
    const before = mtimes(outDir, first.outputs.map((o) => o.file));
    const second = await build({ contentDir: content, outDir, layouts: LAYOUTS, langs: ["en", "de", "uk"] });
    expect(second).toMatchObject({ built: 0, reused: 6, diagnostics: [] });
    expect(second.outputs).toEqual(first.outputs);
    expect(mtimes(outDir, before.keys())).toEqual(before);
  });

  it("rebuilds exactly the edited release-language's outputs", async () => {
    const file = path.join(content, "harbour-library", "de.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Das ", "title: Neu – das "));
    const before = mtimes(outDir, first.outputs.map((o) => o.file));
    const third = await build({ contentDir: content, outDir, layouts: LAYOUTS, langs: ["en", "de", "uk"] });
    expect(third).toMatchObject({ built: 2, reused: 4 });
    const changed = [...mtimes(outDir, before.keys())].filter(([f, t]) => t !== before.get(f)).map(([f]) => f).sort();
    expect(changed).toEqual(["harbour-library/de/handout-a4.pdf", "harbour-library/de/large-print.pdf"]);
    expect(third.outputs.find((o) => o.file === "harbour-library/de/handout-a4.pdf")?.title).toMatch(/^Neu – das /);
  });

  it("rebuilds everything with force, to the same bytes", async () => {
    const before = pdfsOf(await build({ contentDir: content, outDir, layouts: LAYOUTS, langs: ["en", "de", "uk"] }), outDir);
    const forced = await build({ contentDir: content, outDir, layouts: LAYOUTS, langs: ["en", "de", "uk"], force: true });
    expect(forced).toMatchObject({ built: 6, reused: 0 });
    expect(pdfsOf(forced, outDir)).toEqual(before);
  });
});

describe("worker threads and shards", () => {
  it("default to none on 1 or 2 cores (threads measured slower there) and to one per core above", () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultJobs(cores))).toEqual([0, 0, 3, 4, 16]);
  });

  it("give the same bytes as one thread, and the shards' union is the full build", async () => {
    const content = copyContent(["harbour-library", "river-cleanup"]);
    const options = { contentDir: content, layouts: ["handout-a4"], langs: ["en", "ar", "uk"] };
    const oneDir = tempDir();
    const one = await build({ ...options, outDir: oneDir, jobs: 1 });
    expect(describeDiagnostics(one)).toBe("");
    const twoDir = tempDir();
    const two = await build({ ...options, outDir: twoDir, jobs: 2 });
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(pdfsOf(two, twoDir)).toEqual(pdfsOf(one, oneDir));

    const shardDir = tempDir();
    const parts = [];
    for (const index of [1, 2]) {
      const part = await build({ ...options, outDir: shardDir, shard: { index, count: 2 } });
      expect(part.outputs.length).toBeGreaterThan(0);
      parts.push({ file: `manifest-part-${index}-of-2.json`, text: readFileSync(path.join(shardDir, `manifest-part-${index}-of-2.json`), "utf8") });
    }
    const merged = mergeManifests(parts);
    expect(merged.diagnostics).toEqual([]);
    expect(merged.manifest!.outputs).toEqual(one.outputs);
    expect(new Map(merged.manifest!.outputs.map((o) => [o.file, readFileSync(path.join(shardDir, o.file))]))).toEqual(pdfsOf(one, oneDir));
  });

  it("splits the units into disjoint shards that cover them, sizes within one", () => {
    const sources = ["a", "b", "c", "d", "e"].map((slug) => ({ slug, lang: "en", path: `${slug}/en.md`, dir: slug, text: "" }));
    const units = planUnits(sources, ["handout-a4", "print", "large-print"]);
    for (const count of [1, 2, 3, 4, 7]) {
      const shards = Array.from({ length: count }, (_, i) => shardUnits(units, { index: i + 1, count }));
      expect(shards.flat().map((u) => u.file).sort()).toEqual(units.map((u) => u.file).sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it("refuses to merge parts that do not make one build", () => {
    const part = (index: number, count: number, files: [string, string][]) => ({
      file: `manifest-part-${index}-of-${count}.json`,
      text: JSON.stringify({ generator: "pressroom", shard: { index, count }, outputs: files.map(([file, sha256]) => ({ slug: "s", lang: "en", layout: "l", file, title: "t", pages: 1, bytes: 1, sha256 })) }),
    });
    expect(mergeManifests([part(1, 3, [["a.pdf", "x"]]), part(2, 3, [["b.pdf", "y"]])]).diagnostics.map((d) => d.message)).toEqual(["shard 3/3 missing"]);
    expect(mergeManifests([part(1, 2, [["a.pdf", "x"]]), part(2, 3, [["b.pdf", "y"]])]).diagnostics.map((d) => d.message)[0]).toMatch(/does not belong/);
    expect(mergeManifests([part(1, 2, [["a.pdf", "x"]]), part(2, 2, [["a.pdf", "z"]])]).diagnostics.map((d) => d.message)[0]).toMatch(/different contents/);
    expect(mergeManifests([{ file: "x.json", text: "{" }]).diagnostics[0]!.message).toMatch(/not a JSON manifest/);
  });
});

describe("a document too large for a worker's heap", () => {
  it("is built in the calling thread instead, to the same bytes", async () => {
    const content = copyContent(["harbour-library"]);
    const reference = tempDir();
    await build({ contentDir: content, outDir: reference, layouts: ["handout-a4"], langs: ["en"] });
    // A heap far too small for any document: every unit ends its worker.
    const runner = await unitRunner(1, 8);
    const outDir = tempDir();
    try {
      const built = await build({ contentDir: content, outDir, layouts: ["handout-a4"], langs: ["en"], runner });
      expect(describeDiagnostics(built)).toBe("");
      expect(built.built).toBe(1);
    } finally {
      await runner.close();
    }
    expect(readFileSync(path.join(outDir, "harbour-library/en/handout-a4.pdf"))).toEqual(readFileSync(path.join(reference, "harbour-library/en/handout-a4.pdf")));
  }, 60_000);
});
