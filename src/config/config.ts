/**
 * The project configuration: `pressroom.config.json` in the folder Pressroom
 * runs in, optional. Checked with zod; every problem is reported as
 * `pressroom.config.json:line:col: error: …` with a hint, like the font
 * manifest's. Precedence: command-line options, then this file, then
 * Pressroom's defaults.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Brand } from "../model/brand.ts";
import { error, hasErrors, type Diagnostic } from "../model/diagnostic.ts";
import { resolveBrand } from "./brand.ts";
import { issueDiagnostic, keysAt, parseJson, type JsonPath } from "./json-source.ts";
import { CONFIG_FILE, CONFIG_HINTS, configSchema } from "./schema.ts";

export { CONFIG_FILE } from "./schema.ts";

/** The configuration with its paths resolved; keys the file does not set are absent. */
export type ProjectConfig = {
  /** The file, as messages name it. */
  file: string;
  /** Paths relative to the current directory (or absolute). */
  content?: string;
  out?: string;
  editions?: string[];
  languages?: string[];
  jobs?: number;
  brand?: Brand;
};

/**
 * Reads `<dir>/pressroom.config.json` if there is one. No file: no config
 * and no diagnostics. The config is returned only when it has no errors.
 */
export async function loadConfig(dir = process.cwd()): Promise<{ config?: ProjectConfig; diagnostics: Diagnostic[] }> {
  const absolute = path.resolve(dir, CONFIG_FILE);
  if (!existsSync(absolute)) return { diagnostics: [] };
  const file = path.relative(process.cwd(), absolute) || absolute;
  let text: string;
  try {
    text = (await readFile(absolute, "utf8")).replace(/^\uFEFF/, "");
  } catch (e) {
    return { diagnostics: [error({ file }, `cannot read ${CONFIG_FILE}: ${(e as Error).message}`, "check the file's permissions, or remove it to use the defaults")] };
  }
  const source = parseJson(text, file, CONFIG_FILE);
  if (!source.locator) return { diagnostics: source.diagnostics };
  const { json, locator } = source;
  const diagnostics = [...source.diagnostics];
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const knownKeys = (p: JsonPath) => keysAt(configSchema, p);
    for (const issue of parsed.error.issues) diagnostics.push(issueDiagnostic(issue, { file, locator, rootName: CONFIG_FILE, hints: CONFIG_HINTS, knownKeys }));
    return { diagnostics: inTextOrder(diagnostics) };
  }
  const data = parsed.data;
  const base = path.dirname(absolute);
  const fromConfig = (p: string) => (path.isAbsolute(p) ? p : path.relative(process.cwd(), path.resolve(base, p)) || ".");
  const { brand, diagnostics: brandDiagnostics } = data.brand
    ? await resolveBrand(data.brand, { file, dir: base, at: (p) => ({ file, ...locator.position(p) }) })
    : { brand: undefined, diagnostics: [] };
  diagnostics.push(...brandDiagnostics);
  if (hasErrors(diagnostics)) return { diagnostics: inTextOrder(diagnostics) };
  return {
    config: {
      file,
      ...(data.content !== undefined ? { content: fromConfig(data.content) } : {}),
      ...(data.out !== undefined ? { out: fromConfig(data.out) } : {}),
      ...(data.editions ? { editions: data.editions } : {}),
      ...(data.languages ? { languages: data.languages } : {}),
      ...(data.jobs !== undefined ? { jobs: data.jobs } : {}),
      ...(brand ? { brand } : {}),
    },
    diagnostics: inTextOrder(diagnostics),
  };
}

/** Diagnostics by line and column (stable). */
const inTextOrder = (ds: Diagnostic[]): Diagnostic[] =>
  ds.map((d, i) => ({ d, i })).sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i).map(({ d }) => d);
