/**
 * `manifest.json`: every PDF in the output folder, with its slug,
 * language, layout, title, pages, size and SHA-256. A sharded build writes
 * its own part (`manifest-part-<i>-of-<n>.json`) instead, and
 * `pressroom manifest merge` joins the parts.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import type { Shard } from "./units.ts";
import { writeAtomic, type ManifestEntry } from "./write.ts";

export type Manifest = { generator: "pressroom"; shard?: { index: number; count: number }; outputs: ManifestEntry[] };

const byFile = (a: ManifestEntry, b: ManifestEntry) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
const serialise = (m: Manifest) => `${JSON.stringify(m, null, 2)}\n`;

export const partName = (shard: Shard) => `manifest-part-${shard.index}-of-${shard.count}.json`;

/**
 * Writes this run's manifest. Unsharded: `manifest.json`, which keeps the
 * earlier entries whose PDFs are still on disk. Sharded: this shard's part.
 */
export async function writeManifestFor(outDir: string, built: readonly ManifestEntry[], shard?: Shard): Promise<void> {
  if (shard) {
    await writeAtomic(path.join(outDir, partName(shard)), serialise({ generator: "pressroom", shard: { ...shard }, outputs: [...built].sort(byFile) }));
    return;
  }
  const file = path.join(outDir, "manifest.json");
  const entries = new Map<string, ManifestEntry>();
  if (existsSync(file)) {
    try {
      for (const e of (JSON.parse(readFileSync(file, "utf8")) as Manifest).outputs ?? []) {
        if (existsSync(path.join(outDir, e.file))) entries.set(e.file, e);
      }
    } catch {
      // An unreadable manifest is rebuilt from this run.
    }
  }
  for (const e of built) entries.set(e.file, e);
  await writeAtomic(file, serialise({ generator: "pressroom", outputs: [...entries.values()].sort(byFile) }));
}

/**
 * Joins manifest parts into one manifest. Every part must come from the
 * same sharding (n), each shard once, all of them present, and no output
 * may be listed twice with different contents.
 */
export function mergeManifests(parts: readonly { file: string; text: string }[]): { manifest?: Manifest; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const outputs = new Map<string, ManifestEntry>();
  const shards = new Map<number, string>();
  let count: number | undefined;
  for (const part of parts) {
    let data: Manifest;
    try {
      data = JSON.parse(part.text) as Manifest;
    } catch (e) {
      diagnostics.push(error({ file: part.file }, `not a JSON manifest: ${(e as Error).message}`, "pass the manifest-part-*.json files that sharded builds wrote"));
      continue;
    }
    if (data.generator !== "pressroom" || !Array.isArray(data.outputs)) {
      diagnostics.push(error({ file: part.file }, "not a Pressroom manifest", "pass the manifest-part-*.json files that sharded builds wrote"));
      continue;
    }
    if (data.shard) {
      if (count !== undefined && data.shard.count !== count) {
        diagnostics.push(error({ file: part.file }, `shard ${data.shard.index}/${data.shard.count} does not belong with shards of ${count}`, "merge the parts of one sharded build"));
      }
      count ??= data.shard.count;
      const other = shards.get(data.shard.index);
      if (other) diagnostics.push(error({ file: part.file }, `shard ${data.shard.index}/${data.shard.count} is also in ${other}`, "pass each part once"));
      shards.set(data.shard.index, part.file);
    }
    for (const entry of data.outputs) {
      const known = outputs.get(entry.file);
      if (known && known.sha256 !== entry.sha256) {
        diagnostics.push(error({ file: part.file }, `${entry.file} is listed with different contents in two parts`, "merge the parts of one build only"));
      }
      outputs.set(entry.file, entry);
    }
  }
  if (count !== undefined) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !shards.has(i));
    if (missing.length) diagnostics.push(error({ file: parts[0]?.file ?? "." }, `shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} missing`, "pass the part of every shard"));
  }
  if (diagnostics.length) return { diagnostics };
  return { manifest: { generator: "pressroom", outputs: [...outputs.values()].sort(byFile) }, diagnostics };
}

export { serialise as serialiseManifest };
