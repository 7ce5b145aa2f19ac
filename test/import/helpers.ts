/** Helpers for the import tests: import a fixture into a temporary content folder, build it, read it back. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { importRelease, type ImportOptions, type ImportResult } from "../../src/import/import-release.ts";
import { readStructureTree, type StructNode } from "../../src/verify/readback.ts";
import { buildInto, readOutput, tempDir, treeText, wordsOf } from "../support/build.ts";

/** Writes `data` as `name` in a fresh folder and imports it into a fresh content folder. */
export async function importFixture(name: string, data: string | Uint8Array, options: Partial<ImportOptions> = {}): Promise<ImportResult & { contentDir: string; source: string }> {
  const source = path.join(tempDir("pressroom-import-src-"), name);
  writeFileSync(source, data);
  const contentDir = path.join(tempDir("pressroom-import-"), "content");
  const result = await importRelease({ file: source, contentDir, date: "2026-01-15", ...options });
  return { ...result, contentDir, source };
}

export const markdownOf = (r: { markdownFile?: string }) => readFileSync(r.markdownFile!, "utf8");

/** The words of a Word file's text, as mammoth reads it. */
export async function docxWords(bytes: Uint8Array): Promise<string[]> {
  return wordsOf((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
}

/** `sub` ⊆ `sup` as multisets, case-insensitive; returns the words missing from `sup`. */
export function missingWords(sub: readonly string[], sup: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of sup) counts.set(w.toLocaleLowerCase(), (counts.get(w.toLocaleLowerCase()) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of sub) {
    const k = w.toLocaleLowerCase();
    const n = counts.get(k) ?? 0;
    if (n === 0) missing.push(w);
    else counts.set(k, n - 1);
  }
  return missing;
}

/** Removes one occurrence of each marker's words (they are dropped on purpose). */
export function withoutMarkers(words: readonly string[], markers: readonly string[]): string[] {
  const out = [...words];
  for (const w of markers.flatMap((m) => wordsOf(m))) {
    const i = out.findIndex((x) => x.toLocaleLowerCase() === w.toLocaleLowerCase());
    if (i !== -1) out.splice(i, 1);
  }
  return out;
}

export function nodesWithRole(node: StructNode, role: string): StructNode[] {
  return [...(node.role === role ? [node] : []), ...node.children.flatMap((c) => nodesWithRole(c, role))];
}

/** Builds the content folder in handout-a4 and reads the release's PDF back. */
export async function buildAndRead(contentDir: string, slug: string, lang: string) {
  const result = await buildInto(contentDir, { layouts: ["handout-a4"] });
  const pdf = `${slug}/${lang}/handout-a4.pdf`;
  const built = result.outputs.some((o) => o.file === pdf);
  const tree = built ? await readStructureTree(readOutput(result.outDir, pdf)) : undefined;
  return { result, tree, words: tree ? wordsOf(treeText(tree)) : [] };
}

/** Share of the distinct words of `source` that were read back (case-insensitive). */
export function distinctRecall(source: readonly string[], read: readonly string[]): { share: number; missing: string[] } {
  const have = new Set(read.map((w) => w.toLocaleLowerCase()));
  const distinct = [...new Set(source.map((w) => w.toLocaleLowerCase()))];
  const missing = distinct.filter((w) => !have.has(w));
  return { share: (distinct.length - missing.length) / distinct.length, missing };
}
