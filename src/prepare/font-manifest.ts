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
import { z } from "zod";
import { closest, issueDiagnostic, parseJson, type JsonPath } from "../config/json-source.ts";
import { error, type Diagnostic, type SourceLocation } from "../model/diagnostic.ts";

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

/** An ISO 15924 script code. */
export const SCRIPT = /^[A-Z][a-z]{3}$/;

/** One face of a family, as manifest families and brand fonts (pressroom.config.json) write it. */
export const faceSchema = z.strictObject({
  weight: z.number().int().min(1).max(1000).describe("Font weight: 400 regular, 700 bold."),
  style: z.enum(["normal", "italic"]),
  file: z.string().min(1).describe('"npm:<package>/<path to .ttf or .otf>", or a path relative to the file that lists the face. Not WOFF2, not a variable font.'),
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
export const FIELD_HINTS: Record<string, string> = {
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
  const source = parseJson(text, file, "the font manifest");
  if (!source.locator) return { diagnostics: source.diagnostics };
  const { json, locator } = source;
  diagnostics.push(...source.diagnostics);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(issueDiagnostic(issue, { file, locator, rootName: "the manifest", hints: FIELD_HINTS, knownKeys }));
    return { diagnostics };
  }
  const data = parsed.data;
  const at = (path: (string | number)[]): SourceLocation => ({ file, ...locator.position(path) });

  // Unique ids, unique faces, known stack members.
  const ids = new Map<string, number>();
  data.families.forEach((family, i) => {
    if (ids.has(family.id)) diagnostics.push(error(at(["families", i, "id"]), `family id "${family.id}" is used twice`, "give each family its own id"));
    ids.set(family.id, i);
    checkFaces(family.name, family.faces, ["families", i, "faces"], at, diagnostics);
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
  const base: FontFileBase = {
    dir: resolve(dir),
    requireFrom: [join(resolve(dir), "manifest.json")],
    hints: { absolute: "put the file in fonts/ and give its path relative to fonts/ so the build works on other machines", missing: "paths are relative to the fonts/ folder" },
  };
  const families: FontFamily[] = await Promise.all(
    data.families.map(async (family, i) => ({
      ...family,
      faces: await resolveFaces(family.faces, ["families", i, "faces"], at, base, diagnostics, parseFiles),
    })),
  );
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { manifest: { version: 1, families, stacks: data.stacks, file }, diagnostics };
}

/** The faces of one family as written (manifest family or brand font). */
export type FaceSpec = z.infer<typeof faceSchema>;

/** Where a family's relative font paths start, and where `npm:` packages are looked up. */
export type FontFileBase = {
  /** Absolute folder relative paths start from. */
  dir: string;
  /** Hints for a file given by absolute path, and for a missing file. */
  hints: { absolute: string; missing: string };
  /** Files to resolve `npm:` packages from (`createRequire`), tried in order. */
  requireFrom: string[];
};

/** No face given twice; a regular face (a warning when missing). */
export function checkFaces(name: string, faces: readonly FaceSpec[], path: JsonPath, at: (path: JsonPath) => SourceLocation, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  faces.forEach((face, j) => {
    const key = `${face.weight} ${face.style}`;
    if (seen.has(key)) diagnostics.push(error(at([...path, j]), `${name} has two ${face.style} faces of weight ${face.weight}`, "remove one of them"));
    seen.add(key);
  });
  if (!seen.has("400 normal")) {
    diagnostics.push({
      ...error(at(path), `${name} has no regular face (weight 400, style normal)`, "react-pdf then draws regular text with the nearest weight; add the regular file"),
      severity: "warning",
    });
  }
}

/**
 * Resolves each face's file (`npm:` or relative to `base.dir`) and, with
 * `parseFiles`, checks that it is a font that can be embedded (not WOFF2, not
 * variable…). Problems are reported at the face's `file` value; an
 * unresolved face gets an empty path.
 */
export async function resolveFaces(faces: readonly FaceSpec[], path: JsonPath, at: (path: JsonPath) => SourceLocation, base: FontFileBase, diagnostics: Diagnostic[], parseFiles = true): Promise<FontFace[]> {
  return Promise.all(
    faces.map(async (face, j) => {
      const where = at([...path, j, "file"]);
      const file = resolveFontFile(face.file, base, where, diagnostics);
      if (file && parseFiles) await checkFontFile(file, face.file, where, diagnostics);
      return { ...face, path: file ?? "" };
    }),
  );
}

function resolveFontFile(spec: string, base: FontFileBase, where: SourceLocation, diagnostics: Diagnostic[]): string | undefined {
  if (spec.startsWith("npm:")) {
    const request = spec.slice(4);
    const m = /^((?:@[^/]+\/)?[^/@]+)\/(.+)$/.exec(request);
    if (!m) {
      diagnostics.push(error(where, `"${spec}" does not name a file inside a package`, 'write "npm:<package>/<path inside the package>", e.g. "npm:@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"'));
      return undefined;
    }
    const [, pkg, inner] = m as unknown as [string, string, string];
    let foundRoot: string | undefined;
    for (const from of base.requireFrom) {
      const require = createRequire(pathToFileURL(from));
      try {
        return require.resolve(request);
      } catch {
        // An `exports` map may hide the file: look for the package folder itself.
        const roots = require.resolve.paths(pkg) ?? [];
        const root = roots.map((r) => join(r, pkg)).find((p) => existsSync(join(p, "package.json")));
        if (root) {
          const path = join(root, inner);
          if (existsSync(path)) return path;
          foundRoot ??= root;
        }
      }
    }
    if (foundRoot) {
      diagnostics.push(error(where, `package ${pkg} has no file ${inner}`, `look inside ${foundRoot} for the right path`));
      return undefined;
    }
    diagnostics.push(error(where, `package ${pkg} is not installed`, `run: npm install --save-exact ${pkg}`));
    return undefined;
  }
  if (isAbsolute(spec)) {
    diagnostics.push({ ...error(where, `"${spec}" is an absolute path`, base.hints.absolute), severity: "warning" });
  }
  const path = resolve(base.dir, spec);
  if (!existsSync(path)) {
    diagnostics.push(error(where, `font file ${spec} not found (looked for ${relative(process.cwd(), path) || path})`, base.hints.missing));
    return undefined;
  }
  return path;
}

async function checkFontFile(path: string, spec: string, where: SourceLocation, diagnostics: Diagnostic[]): Promise<void> {
  // fontkit is loaded only to parse: the orchestrating thread of a build with workers reads the manifest alone.
  const { fontFiles, parseFont } = await import("./font-files.ts");
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

function knownKeys(path: (string | number)[]): string[] {
  const last = path.filter((p) => typeof p === "string").at(-1);
  if (path.length === 0) return Object.keys(manifestSchema.shape);
  if (last === "families") return Object.keys(familySchema.shape);
  if (last === "faces") return Object.keys(faceSchema.shape);
  if (last === "stacks") return ["body", "heading", "ui"];
  return [];
}
