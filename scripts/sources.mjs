/**
 * What `dist/` is compiled from, and whether it still matches.
 *
 * The stamp is one line per input file, "path size mtime", written by
 * scripts/compile.mjs as `dist/sources.txt` from a listing taken BEFORE it
 * compiles (a file edited during the compile makes the next start recompile).
 * `dist/` is fresh when the listing of today's files is the same text: a file
 * added, removed, edited or touched makes it stale. bin/pressroom.js runs this
 * at every start, so it only lists and stats (about 120 files, ~1 ms), it
 * never reads the sources.
 *
 * Plain JavaScript: it runs before anything can compile TypeScript.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Folders compiled into dist/ (every file counts, data files of src/ too). */
const SOURCE_DIRS = ["src", "layouts"];
/** Single files whose change changes the output. */
const SOURCE_FILES = ["tsconfig.json", "scripts/compile.mjs", "scripts/sources.mjs"];

export const STAMP_FILE = "sources.txt";

/** The stamp text for the sources under `root` as they are now. */
export function sourceStamp(root) {
  const files = [...SOURCE_FILES];
  for (const dir of SOURCE_DIRS) listFiles(root, dir, files);
  return files
    .sort()
    .map((file) => {
      const st = statSync(path.join(root, file), { throwIfNoEntry: false });
      return st ? `${file} ${st.size} ${st.mtimeMs}` : `${file} -`;
    })
    .join("\n") + "\n";
}

/** The stamp of `<root>/dist`, undefined when there is none. */
export function distStamp(root) {
  try {
    return readFileSync(path.join(root, "dist", STAMP_FILE), "utf8");
  } catch {
    return undefined;
  }
}

/** True when `<root>/dist` was compiled from the sources as they are now. */
export function distIsFresh(root) {
  const stamp = distStamp(root);
  return stamp !== undefined && stamp === sourceStamp(root);
}

/** Relative paths (with "/") of the files under `dir`; editor and OS dot files and backups left out. */
function listFiles(root, dir, out) {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name.endsWith("~")) continue;
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) listFiles(root, rel, out);
    else out.push(rel);
  }
}
