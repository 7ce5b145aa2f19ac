/**
 * The incremental-build cache, next to the outputs (deleting the output
 * folder resets it): for each output, the hash of its inputs and what the
 * manifest says about it. An output is reused when its hash is unchanged
 * and its file is still there with the bytes the cache recorded.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ManifestEntry } from "./write.ts";
import { writeAtomic } from "./write.ts";
import type { Shard } from "./units.ts";

type CacheFile = { format: 1; outputs: Record<string, { inputs: string; entry: ManifestEntry }> };

/** `.pressroom-cache.json`, or one per shard so that shards can share an output folder. */
export function cacheFile(outDir: string, shard?: Shard): string {
  return path.join(outDir, shard ? `.pressroom-cache-${shard.index}-of-${shard.count}.json` : ".pressroom-cache.json");
}

export class BuildCache {
  private constructor(private readonly file: string, private readonly data: CacheFile) {}

  /** The cache at `file`; an empty one when it is missing or unreadable. */
  static read(file: string): BuildCache {
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (data.format === 1 && data.outputs && typeof data.outputs === "object") return new BuildCache(file, data);
    } catch {
      // No cache yet, or a damaged one: everything is built.
    }
    return new BuildCache(file, { format: 1, outputs: {} });
  }

  /** The manifest entry of an output that needs no rebuild, if it is one. */
  reusable(outDir: string, file: string, inputs: string): ManifestEntry | undefined {
    const cached = this.data.outputs[file];
    if (!cached || cached.inputs !== inputs) return undefined;
    // The file must still be the one written: same size (a changed file is rebuilt).
    const stat = statSync(path.join(outDir, file), { throwIfNoEntry: false });
    return stat && stat.size === cached.entry.bytes ? cached.entry : undefined;
  }

  record(file: string, inputs: string, entry: ManifestEntry): void {
    this.data.outputs[file] = { inputs, entry };
  }

  forget(file: string): void {
    delete this.data.outputs[file];
  }

  async save(): Promise<void> {
    const outputs = Object.fromEntries(Object.entries(this.data.outputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeAtomic(this.file, `${JSON.stringify({ format: 1, outputs }, null, 1)}\n`);
  }
}
