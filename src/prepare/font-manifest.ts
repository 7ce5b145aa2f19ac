/**
 * The font manifest (`fonts/manifest.json`): which TTF/OTF files make up each
 * font family, the scripts they are meant for and the family stacks layouts
 * use, with diagnostics that point at lines and columns of the JSON text.
 */
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import leven from "leven";
import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { error, type Diagnostic, type SourceLocation } from "../model/diagnostic.ts";
import { fontFiles, parseFont } from "./font-files.ts";

export type FontStyle = "normal" | "italic";

export type FontFace = {
  weight: number;
  style: FontStyle;
  /** As written in the manifest: `npm:<package>/<path>` or a path relative to `fonts/`. */
  file: string;
  /** Absolute path of the font file. */
  path: string;
};

export type FontFamily = {
  /** The react-pdf `fontFamily` name layouts use, e.g. `"serif"`. */
  id: string;
  /** Human name for messages, e.g. `"Noto Serif"`. */
  name: string;
  /** ISO 15924 codes of the scripts the family is meant for (`Latn`, `Cyrl`, `Arab`…). */
  scripts: string[];
  /** SPDX identifier, e.g. `OFL-1.1`. */
  licence: string;
  faces: FontFace[];
};

export type FontRole = "body" | "heading" | "ui";

export type FontManifest = {
  version: 1;
  families: FontFamily[];
  /** Family ids per role, most preferred first. */
  stacks: Record<FontRole, string[]>;
  /** The manifest file, for diagnostics. */
  file: string;
};

const SCRIPT = /^[A-Z][a-z]{3}$/;

const faceSchema = z.strictObject({
  weight: z.number().int().min(1).max(1000),
  style: z.enum(["normal", "italic"]),
  file: z.string().min(1),
});

const familySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  scripts: z.array(z.string().regex(SCRIPT)).min(1),
  licence: z.string().min(1),
  faces: z.array(faceSchema).min(1),
});

const stackSchema = z.array(z.string().min(1)).min(1);

const manifestSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  families: z.array(familySchema).min(1),
  stacks: z.strictObject({ body: stackSchema, heading: stackSchema, ui: stackSchema }),
});

/** What each field expects, for hints. */
const FIELD_HINTS: Record<string, string> = {
  version: 'the manifest format version: 1',
  id: 'a lower-case name such as "serif" or "arabic-sans"; layouts use it as fontFamily',
  name: 'the family\'s display name, e.g. "Noto Serif"',
  scripts: 'ISO 15924 script codes such as ["Latn", "Cyrl", "Grek"]',
  licence: 'an SPDX licence identifier such as "OFL-1.1"; list the font in fonts/LICENSES.md too',
  faces: 'a list of { "weight": 400, "style": "normal", "file": "…" }',
  weight: "a whole number: 400 regular, 700 bold",
  style: '"normal" or "italic"',
  file: '"npm:<package>/<path to .ttf or .otf>" or a path relative to fonts/',
  stacks: '{ "body": [...], "heading": [...], "ui": [...] } with family ids',
  body: "family ids for body text, most preferred first",
  heading: "family ids for headings, most preferred first",
  ui: "family ids for small print (masthead, contact), most preferred first",
};

/**
 * Reads and checks `<dir>/manifest.json` and every font file it names. The
 * manifest is returned only when there are no errors.
 */
export async function loadFontManifest(dir = "fonts", options: { parseFiles?: boolean } = {}): Promise<{ manifest?: FontManifest; diagnostics: Diagnostic[] }> {
  const parseFiles = options.parseFiles ?? true;
  const file = join(dir, "manifest.json");
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    return {
      diagnostics: [error({ file }, `cannot read the font manifest: ${(e as Error).message}`, "create fonts/manifest.json; fonts/README.md describes the format")],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? offsetToPosition(text, Number(at[1])) : {};
    return { diagnostics: [error({ file, ...where }, `the font manifest is not valid JSON: ${message}`, "JSON allows no comments and no trailing commas")] };
  }
  const locator = new JsonLocator(text);
  for (const dup of locator.duplicateKeys()) {
    diagnostics.push(error({ file, ...dup.at }, `duplicate key "${dup.key}"`, "JSON keeps only the last one; remove the other"));
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(issueDiagnostic(file, locator, issue));
    return { diagnostics };
  }
  const data = parsed.data;
  const at = (path: (string | number)[]): SourceLocation => ({ file, ...locator.position(path) });

  // Unique ids, unique faces, known stack members.
  const ids = new Map<string, number>();
  data.families.forEach((family, i) => {
    if (ids.has(family.id)) diagnostics.push(error(at(["families", i, "id"]), `family id "${family.id}" is used twice`, "give each family its own id"));
    ids.set(family.id, i);
    const seen = new Set<string>();
    family.faces.forEach((face, j) => {
      const key = `${face.weight} ${face.style}`;
      if (seen.has(key)) diagnostics.push(error(at(["families", i, "faces", j]), `${family.name} has two ${face.style} faces of weight ${face.weight}`, "remove one of them"));
      seen.add(key);
    });
    if (!seen.has("400 normal")) {
      diagnostics.push({
        ...error(at(["families", i, "faces"]), `${family.name} has no regular face (weight 400, style normal)`, "react-pdf then draws regular text with the nearest weight; add the regular file"),
        severity: "warning",
      });
    }
  });
  for (const role of ["body", "heading", "ui"] as const) {
    data.stacks[role].forEach((id, k) => {
      if (!ids.has(id)) {
        const near = closest(id, [...ids.keys()]);
        diagnostics.push(error(at(["stacks", role, k]), `stack "${role}" names an unknown family "${id}"`, near ? `did you mean "${near}"?` : `families are: ${[...ids.keys()].join(", ")}`));
      }
    });
  }

  // Resolve and check every font file.
  const manifestDir = resolve(dir);
  const families: FontFamily[] = await Promise.all(
    data.families.map(async (family, i) => ({
      ...family,
      faces: await Promise.all(
        family.faces.map(async (face, j) => {
          const where = at(["families", i, "faces", j, "file"]);
          const path = resolveFontFile(face.file, manifestDir, where, diagnostics);
          if (path && parseFiles) await checkFontFile(path, face.file, where, diagnostics);
          return { ...face, path: path ?? "" };
        }),
      ),
    })),
  );
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { manifest: { version: 1, families, stacks: data.stacks, file }, diagnostics };
}

function resolveFontFile(spec: string, manifestDir: string, where: SourceLocation, diagnostics: Diagnostic[]): string | undefined {
  if (spec.startsWith("npm:")) {
    const request = spec.slice(4);
    const m = /^((?:@[^/]+\/)?[^/@]+)\/(.+)$/.exec(request);
    if (!m) {
      diagnostics.push(error(where, `"${spec}" does not name a file inside a package`, 'write "npm:<package>/<path inside the package>", e.g. "npm:@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"'));
      return undefined;
    }
    const [, pkg, inner] = m as unknown as [string, string, string];
    const require = createRequire(pathToFileURL(join(manifestDir, "manifest.json")));
    try {
      return require.resolve(request);
    } catch {
      // An `exports` map may hide the file: look for the package folder itself.
      const roots = require.resolve.paths(pkg) ?? [];
      const root = roots.map((r) => join(r, pkg)).find((p) => existsSync(join(p, "package.json")));
      if (root) {
        const path = join(root, inner);
        if (existsSync(path)) return path;
        diagnostics.push(error(where, `package ${pkg} has no file ${inner}`, `look inside ${root} for the right path`));
        return undefined;
      }
      diagnostics.push(error(where, `package ${pkg} is not installed`, `run: npm install --save-exact ${pkg}`));
      return undefined;
    }
  }
  if (isAbsolute(spec)) {
    diagnostics.push({ ...error(where, `"${spec}" is an absolute path`, "put the file in fonts/ and give its path relative to fonts/ so the build works on other machines"), severity: "warning" });
  }
  const path = resolve(manifestDir, spec);
  if (!existsSync(path)) {
    diagnostics.push(error(where, `font file ${spec} not found (looked for ${relative(process.cwd(), path) || path})`, "paths are relative to the fonts/ folder"));
    return undefined;
  }
  return path;
}

async function checkFontFile(path: string, spec: string, where: SourceLocation, diagnostics: Diagnostic[]): Promise<void> {
  try {
    const info = await stat(path);
    const cached = fontFiles.get(path);
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return;
    const parsed = parseFont(await readFile(path), spec);
    if ("problem" in parsed) {
      diagnostics.push(error(where, parsed.problem, parsed.hint));
      return;
    }
    fontFiles.set(path, { size: info.size, mtimeMs: info.mtimeMs, bytes: parsed.bytes, master: parsed.font });
  } catch (e) {
    diagnostics.push(error(where, `cannot read font file ${spec}: ${(e as Error).message}`, "use a TrueType (.ttf) or OpenType (.otf) file"));
  }
}

// ---------------------------------------------------------------------------
// Diagnostics with positions in the JSON text.

function issueDiagnostic(file: string, locator: JsonLocator, issue: z.core.$ZodIssue): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const name = path.length ? path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").replace(/^\./, "") : "the manifest";
  const field = [...path].reverse().find((p): p is string => typeof p === "string");
  if (issue.code === "unrecognized_keys") {
    const [key] = issue.keys as [string];
    const known = knownKeys(path);
    const near = closest(key, known);
    return error(
      { file, ...locator.keyPosition(path, key) },
      `unknown key "${key}" in ${name}`,
      near ? `did you mean "${near}"?` : `allowed keys: ${known.join(", ")}`,
    );
  }
  const received = locator.has(path) ? "" : " (missing)";
  return error({ file, ...locator.position(path) }, `${name}: ${issue.message.replace(/^Invalid input: /, "")}${received}`, field ? FIELD_HINTS[field] : undefined);
}

function knownKeys(path: (string | number)[]): string[] {
  const last = path.filter((p) => typeof p === "string").at(-1);
  if (path.length === 0) return Object.keys(manifestSchema.shape);
  if (last === "families") return Object.keys(familySchema.shape);
  if (last === "faces") return Object.keys(faceSchema.shape);
  if (last === "stacks") return ["body", "heading", "ui"];
  return [];
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = leven(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function offsetToPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Finds the line and column of a JSON path (JSON is YAML, so `yaml` keeps the ranges). */
class JsonLocator {
  private readonly lines = new LineCounter();
  private readonly doc: Document.Parsed;
  constructor(text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: false });
  }
  private at(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
  has(path: (string | number)[]): boolean {
    return isNode(this.doc.getIn(path, true));
  }
  /** The position of the value at `path`, or of its nearest existing parent. */
  position(path: (string | number)[]): { line?: number; column?: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return this.at(node.range[0]);
    }
    return {};
  }
  keyPosition(path: (string | number)[], key: string): { line?: number; column?: number } {
    const map = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (isMap(map)) {
      const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return this.at(pair.key.range[0]);
    }
    return this.position(path);
  }
  duplicateKeys(): { key: string; at: { line: number; column: number } }[] {
    const found: { key: string; at: { line: number; column: number } }[] = [];
    const visit = (node: unknown): void => {
      if (isMap(node)) {
        const seen = new Set<unknown>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? pair.key.value : undefined;
          if (seen.has(key) && isScalar(pair.key) && pair.key.range) found.push({ key: String(key), at: this.at(pair.key.range[0]) });
          seen.add(key);
          visit(pair.value);
        }
      } else if (node && typeof node === "object" && "items" in node && Array.isArray((node as { items: unknown[] }).items)) {
        for (const item of (node as { items: unknown[] }).items) visit(item);
      }
    };
    visit(this.doc.contents);
    return found;
  }
}
