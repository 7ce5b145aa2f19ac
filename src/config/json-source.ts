/**
 * JSON configuration files (`fonts/manifest.json`, `pressroom.config.json`)
 * checked with zod, with diagnostics that point at lines and columns of the
 * JSON text: JSON is YAML, so `yaml` parses it again and keeps the ranges.
 */
import leven from "leven";
import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { error, type Diagnostic } from "../model/diagnostic.ts";

export type JsonPath = (string | number)[];

/** Parses `text`; a syntax error is one diagnostic at its position. `what` names the file in messages ("the font manifest"). */
export function parseJson(text: string, file: string, what: string): { json?: unknown; locator?: JsonLocator; diagnostics: Diagnostic[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? offsetToPosition(text, Number(at[1])) : {};
    return { diagnostics: [error({ file, ...where }, `${what} is not valid JSON: ${message}`, "JSON allows no comments and no trailing commas")] };
  }
  const locator = new JsonLocator(text);
  const diagnostics = locator.duplicateKeys().map((dup) =>
    error({ file, ...dup.at }, `duplicate key "${dup.key}"`, "JSON keeps only the last one; remove the other"));
  return { json, locator, diagnostics };
}

export type IssueContext = {
  file: string;
  locator: JsonLocator;
  /** How the whole document is named when the path is empty ("the manifest"). */
  rootName: string;
  /** What each field expects, by key name, for hints. */
  hints: Readonly<Record<string, string>>;
  /** The keys allowed in the object at `path` (for "did you mean"). */
  knownKeys(path: JsonPath): string[];
};

/** A zod issue as `file:line:col: error: <path>: message` with the field's hint. */
export function issueDiagnostic(issue: z.core.$ZodIssue, context: IssueContext): Diagnostic {
  const { file, locator } = context;
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const name = path.length ? path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").replace(/^\./, "") : context.rootName;
  const field = [...path].reverse().find((p): p is string => typeof p === "string");
  if (issue.code === "unrecognized_keys") {
    const [key] = issue.keys as [string];
    const known = context.knownKeys(path);
    const near = closest(key, known);
    return error(
      { file, ...locator.keyPosition(path, key) },
      `unknown key "${key}" in ${name}`,
      near ? `did you mean "${near}"?` : `allowed keys: ${known.join(", ")}`,
    );
  }
  const received = locator.has(path) ? "" : " (missing)";
  return error({ file, ...locator.position(path) }, `${name}: ${issue.message.replace(/^Invalid input: /, "")}${received}`, field ? context.hints[field] : undefined);
}

/** The candidate nearest to `word` (edit distance, case ignored), if it is near enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = leven(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

export function offsetToPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Finds the line and column of a JSON path. */
export class JsonLocator {
  private readonly lines = new LineCounter();
  private readonly doc: Document.Parsed;
  constructor(text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: false });
  }
  private at(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
  has(path: JsonPath): boolean {
    return isNode(this.doc.getIn(path, true));
  }
  /** The position of the value at `path`, or of its nearest existing parent. */
  position(path: JsonPath): { line?: number; column?: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return this.at(node.range[0]);
    }
    return {};
  }
  keyPosition(path: JsonPath, key: string): { line?: number; column?: number } {
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

type SchemaDef = { type: string; shape?: Record<string, unknown>; innerType?: unknown; element?: unknown };
const defOf = (schema: unknown): SchemaDef | undefined => (schema as { _zod?: { def?: SchemaDef } })?._zod?.def;

/** The keys a zod object schema allows at `path` (optional, default and array wrappers looked through). */
export function keysAt(schema: unknown, path: JsonPath): string[] {
  let node = schema;
  const unwrap = () => {
    for (let def = defOf(node); def && (def.type === "optional" || def.type === "default" || def.type === "nullable"); def = defOf(node)) node = def.innerType;
  };
  unwrap();
  for (const step of path) {
    const def = defOf(node);
    if (def?.type === "object" && typeof step === "string") node = def.shape?.[step];
    else if (def?.type === "array" && typeof step === "number") node = def.element;
    else return [];
    unwrap();
  }
  const def = defOf(node);
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}
