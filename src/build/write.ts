/**
 * Writing outputs: atomically (a temporary file in the same folder, then a
 * rename), so a failed or interrupted build never leaves a half-written PDF
 * and never removes the previous good one, and readers (the watch server)
 * never see half a file.
 */
import { createHash } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Temporary names differ between processes and between writes of one process (the sheet writes images concurrently). */
let writes = 0;

export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${++writes}.tmp`;
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
