/** `pressroom manifest merge <parts…>`: the manifest parts of a sharded build into one manifest. */
import { readFile } from "node:fs/promises";
import { mergeManifests, serialiseManifest } from "../../build/manifest.ts";
import { writeAtomic } from "../../build/write.ts";
import { report, type RegisterCommand } from "../shared.ts";

async function merge(parts: string[], out: string): Promise<number> {
  const read = await Promise.all(parts.map(async (file) => ({ file, text: await readFile(file, "utf8").catch(() => "") })));
  const missing = read.filter((p) => p.text === "");
  if (missing.length) {
    for (const p of missing) console.error(`${p.file}: error: cannot read this file`);
    return 1;
  }
  const merged = mergeManifests(read);
  report(merged.diagnostics);
  if (!merged.manifest) return 1;
  await writeAtomic(out, serialiseManifest(merged.manifest));
  console.log(`${merged.manifest.outputs.length} outputs from ${parts.length} parts written to ${out}`);
  return 0;
}

export const registerManifest: RegisterCommand = (program, exit) => {
  program
    .command("manifest")
    .description("work with manifests")
    .command("merge")
    .description("join the manifest parts of a sharded build into one manifest.json")
    .argument("<parts...>", "manifest-part-<i>-of-<n>.json files, one per shard")
    .option("-o, --out <file>", "the merged manifest", "out/manifest.json")
    .action(async (parts: string[], opts: { out: string }) => {
      exit.code = await merge(parts, opts.out);
    });
};
