/**
 * What an output depends on, as one hash: its Markdown file, the other
 * files of its release folder (images), its layout's code, the fonts, the
 * brand (pressroom.config.json's `brand` and its files; no other key of the
 * configuration changes an output's bytes),
 * Pressroom itself (its code and locked dependencies) and the options that
 * change bytes. A rebuild skips an output whose hash is unchanged.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { FontManifest } from "../prepare/fonts.ts";
import type { Unit } from "./units.ts";

/** Bump when the cache's meaning changes: every output is then rebuilt once. */
const CACHE_FORMAT = "pressroom-unit-1";

/** Every file under `dir` (sorted, hidden entries skipped), with `keep` deciding. */
function filesUnder(dir: string, keep: (file: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (keep(full)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function hashFiles(files: readonly string[], base: string): string {
  const h = createHash("sha256");
  for (const file of files) {
    h.update(path.relative(base, file).split(path.sep).join("/")).update("\0");
    h.update(readFileSync(file)).update("\0");
  }
  return h.digest("hex");
}

export type HashContext = {
  /** Pressroom's own folder (where src/, layouts/ and package-lock.json are). */
  root: string;
  layoutsDir: string;
  fontsDir: string;
  fonts: FontManifest;
  /** The brand's digest (its configuration and the bytes of its logo and font files), when there is a brand. */
  brand?: string;
  env?: NodeJS.ProcessEnv;
};

/** A function from unit to input hash; folder hashes are computed once per build. */
export function unitHasher(context: HashContext): (unit: Unit) => string {
  const memo = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = make()));
    return value;
  };
  const pressroom = () => once("pressroom", () => hashFiles([
    ...filesUnder(path.join(context.root, "src")),
    ...["package.json", "package-lock.json"].map((f) => path.join(context.root, f)).filter((f) => existsSync(f)),
  ], context.root));
  // Font files come from npm packages (pinned by the lock file) or from the fonts folder: size and
  // modification time tell a changed file without reading megabytes.
  const fonts = () => once("fonts", () => {
    const h = createHash("sha256").update(hashFiles(filesUnder(context.fontsDir), context.fontsDir));
    for (const family of context.fonts.families) {
      for (const face of family.faces) {
        const s = statSync(face.path, { throwIfNoEntry: false });
        h.update(`${face.path}:${s?.size}:${s?.mtimeMs}\n`);
      }
    }
    return h.digest("hex");
  });
  const layout = (id: string) => once(`layout:${id}`, () => hashFiles([
    ...filesUnder(path.join(context.layoutsDir, id)),
    ...filesUnder(path.join(context.layoutsDir, "shared")),
  ], context.layoutsDir));
  // Images and other files of the release; the other languages' Markdown files do not count.
  const releaseFiles = (dir: string) => once(`release:${dir}`, () => hashFiles(filesUnder(dir, (f) => !f.endsWith(".md")), dir));

  return (unit) => createHash("sha256")
    .update(CACHE_FORMAT).update("\0")
    .update(pressroom()).update("\0")
    .update(fonts()).update("\0")
    .update(context.brand ? `brand:${context.brand}\0` : "")
    .update(layout(unit.layout)).update("\0")
    .update(releaseFiles(unit.source.dir)).update("\0")
    .update(unit.file).update("\0")
    .update(unit.source.text).update("\0")
    .update(`SOURCE_DATE_EPOCH=${(context.env ?? process.env).SOURCE_DATE_EPOCH ?? ""}`)
    .digest("hex");
}
