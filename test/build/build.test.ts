import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { discoverSources } from "../../src/discover/discover.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { formatDate, labelsFor } from "../../layouts/shared/labels.ts";
import { checkPdf } from "../../src/verify/check.ts";
import { printStructureTree, readStructureTree } from "../../src/verify/readback.ts";
import { buildInto, copyContent, describeDiagnostics, readOutput, repoRoot, sourceWords, treeText, wordsOf } from "../support/build.ts";

const releases = (await discoverSources(path.join(repoRoot, "content"))).sources.map((s) => parseRelease(s).release!);

describe("building the sample content", () => {
  let built: Awaited<ReturnType<typeof buildInto>>;
  beforeAll(async () => {
    built = await buildInto(copyContent());
  });

  it("writes every release and language with no diagnostics", () => {
    expect(describeDiagnostics(built)).toBe("");
    const files = built.outputs.map((o) => o.file).sort();
    expect(files).toEqual(releases.flatMap((r) => [`${r.slug}/${r.lang}/handout-a4.pdf`]).sort());
    const manifest = JSON.parse(readFileSync(path.join(built.outDir, "manifest.json"), "utf8"));
    expect(manifest.outputs.map((o: { file: string }) => o.file)).toEqual(files);
  });

  it.each(releases.map((r) => [`${r.slug}/${r.lang}`, r] as const))("%s passes the PDF/UA checks when read back", async (_, release) => {
    const bytes = readOutput(built.outDir, `${release.slug}/${release.lang}/handout-a4.pdf`);
    expect(await checkPdf(bytes, { file: "x.pdf", profiles: ["ua"] })).toEqual([]);
  });

  it.each(releases.map((r) => [`${r.slug}/${r.lang}`, r] as const))("%s reads back from the structure tree word for word", async (_, release) => {
    const tree = await readStructureTree(readOutput(built.outDir, `${release.slug}/${release.lang}/handout-a4.pdf`));
    const read = wordsOf(treeText(tree));
    const expected = sourceWords(release);
    // Every source word is read back (the pull quote that repeats the body is read once, as body text).
    const pool = new Map<string, number>();
    for (const w of read) pool.set(w, (pool.get(w) ?? 0) + 1);
    let found = 0;
    for (const w of expected) {
      const n = pool.get(w) ?? 0;
      if (n > 0) { found++; pool.set(w, n - 1); }
    }
    expect(found / expected.length).toBeGreaterThanOrEqual(0.99);
    // No broken words: everything read back is a whole source word or one the layout prints (labels, date).
    const labels = labelsFor(release.lang);
    const printed = [labels.pressRelease, labels.contact, formatDate(release.meta.date, release.lang), release.meta.place?.toLocaleUpperCase(release.lang) ?? ""];
    const vocabulary = new Set([...expected, ...wordsOf(printed.join(" "))]);
    expect(read.filter((w) => !vocabulary.has(w))).toEqual([]);
  });

  it.each(releases.map((r) => [`${r.slug}-${r.lang}`, r] as const))("%s matches its golden structure tree", async (name, release) => {
    const tree = printStructureTree(await readStructureTree(readOutput(built.outDir, `${release.slug}/${release.lang}/handout-a4.pdf`)));
    const golden = path.join(repoRoot, "test/golden", `${name}-handout-a4.txt`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, tree);
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run test/build and review it`).toBe(true);
    expect(tree).toBe(readFileSync(golden, "utf8"));
  });
});
