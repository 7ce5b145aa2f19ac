/**
 * Writing outputs: atomically (a temporary file in the same folder, then a
 * rename), so a failed or interrupted build never leaves a half-written PDF
 * and never removes the previous good one.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";

export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

export type ManifestEntry = {
  slug: string;
  lang: string;
  layout: string;
  /** Relative to the output folder, with forward slashes. */
  file: string;
  title: string;
  pages: number;
  bytes: number;
  sha256: string;
};

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * `manifest.json` lists every PDF in the output folder: the ones this run
 * wrote, and earlier ones this run did not rebuild (still on disk).
 */
export async function writeManifest(outDir: string, built: readonly ManifestEntry[]): Promise<void> {
  const file = path.join(outDir, "manifest.json");
  const entries = new Map<string, ManifestEntry>();
  if (existsSync(file)) {
    try {
      const previous = JSON.parse(await readFile(file, "utf8")) as { outputs?: ManifestEntry[] };
      for (const e of previous.outputs ?? []) {
        if (existsSync(path.join(outDir, e.file))) entries.set(e.file, e);
      }
    } catch {
      // An unreadable manifest is rebuilt from this run.
    }
  }
  for (const e of built) entries.set(e.file, e);
  const outputs = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file));
  await writeAtomic(file, `${JSON.stringify({ generator: "pressroom", outputs }, null, 2)}\n`);
}
