import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDate, labelsFor } from "../../layouts/shared/labels.ts";
import { loadLayouts } from "../../src/build/layouts.ts";
import { discoverSources } from "../../src/discover/discover.ts";
import type { Block, Inline, Release } from "../../src/model/release.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { checkPdf } from "../../src/verify/check.ts";
import { printStructureTree, readStructureTree } from "../../src/verify/readback.ts";
import { buildInto, copyContent, describeDiagnostics, readOutput, repoRoot, sourceWords, treeText, wordsOf } from "../support/build.ts";

const releases = (await discoverSources(path.join(repoRoot, "content"))).sources.map((s) => parseRelease(s).release!);
const layouts = [...(await loadLayouts()).layouts.values()];
const targets = releases.flatMap((r) => layouts.map((l) => ({ name: `${r.slug}/${r.lang}/${l.id}`, release: r, layout: l.id, file: `${r.slug}/${r.lang}/${l.id}.pdf` })));

function hrefs(blocks: readonly Block[]): string[] {
  const fromInlines = (inlines: readonly Inline[]): string[] =>
    inlines.flatMap((i) => (i.kind === "link" ? [i.href, ...fromInlines(i.children)] : i.kind === "text" ? [] : fromInlines(i.children)));
  return blocks.flatMap((b) =>
    b.kind === "paragraph" || b.kind === "heading" ? fromInlines(b.inlines)
      : b.kind === "quote" ? hrefs(b.blocks)
      : b.kind === "list" ? b.items.flatMap(hrefs)
      : []);
}

/** Words printed by the layout itself, not in the source: labels, the date, the place in capitals; print: link addresses. */
function layoutWords(release: Release, layout: string): string[] {
  const labels = labelsFor(release.lang);
  const printed = layout === "print" ? hrefs(release.blocks) : [];
  return wordsOf([labels.pressRelease, labels.contact, formatDate(release.meta.date, release.lang), release.meta.place?.toLocaleUpperCase(release.lang) ?? "", ...printed].join(" "));
}

describe("building the sample content in every edition", () => {
  let built: Awaited<ReturnType<typeof buildInto>>;
  beforeAll(async () => {
    built = await buildInto(copyContent());
  });

  it("writes every release, language and layout, and each language's press e-mail, with no diagnostics", () => {
    expect(layouts.map((l) => l.id).sort()).toEqual(["handout-a4", "handout-letter", "large-print", "print"]);
    expect(describeDiagnostics(built)).toBe("");
    const files = built.outputs.map((o) => o.file).sort();
    const emails = releases.map((r) => `${r.slug}/${r.lang}/release.eml`);
    expect(files).toEqual([...targets.map((t) => t.file), ...emails].sort());
    const manifest = JSON.parse(readFileSync(path.join(built.outDir, "manifest.json"), "utf8"));
    expect(manifest.outputs.map((o: { file: string }) => o.file)).toEqual(files);
  });

  it.each(targets.map((t) => [t.name, t] as const))("%s passes the checks when read back", async (_, t) => {
    const bytes = readOutput(built.outDir, t.file);
    const profiles = t.layout === "print" ? (["ua", "print"] as const) : (["ua"] as const);
    expect(await checkPdf(bytes, { file: t.file, profiles: [...profiles], requirePdfx: t.layout === "print" })).toEqual([]);
  });

  it.each(targets.map((t) => [t.name, t] as const))("%s reads back from the structure tree word for word", async (_, t) => {
    const tree = await readStructureTree(readOutput(built.outDir, t.file));
    const read = wordsOf(treeText(tree));
    const expected = sourceWords(t.release);
    // Every source word is read back (a pull quote that repeats the body is read once, as body text).
    const pool = new Map<string, number>();
    for (const w of read) pool.set(w, (pool.get(w) ?? 0) + 1);
    let found = 0;
    for (const w of expected) {
      const n = pool.get(w) ?? 0;
      if (n > 0) { found++; pool.set(w, n - 1); }
    }
    expect(found / expected.length).toBeGreaterThanOrEqual(0.99);
    // No broken words: everything read back is a whole source word or one the layout prints.
    const vocabulary = new Set([...expected, ...layoutWords(t.release, t.layout)]);
    expect(read.filter((w) => !vocabulary.has(w))).toEqual([]);
  });

  it.each(targets.map((t) => [t.name, t] as const))("%s matches its golden structure tree", async (_, t) => {
    const tree = printStructureTree(await readStructureTree(readOutput(built.outDir, t.file)));
    const golden = path.join(repoRoot, "test/golden", `${t.name.replaceAll("/", "-")}.txt`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, tree);
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run test/build and review it`).toBe(true);
    expect(tree).toBe(readFileSync(golden, "utf8"));
  });

  it("keeps the e-mail handout small: the English A4 handout is under 150 KB", () => {
    const entry = built.outputs.find((o) => o.file === "harbour-library/en/handout-a4.pdf")!;
    expect(entry.bytes).toBeLessThan(150 * 1024);
  });
});
