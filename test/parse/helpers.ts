import { expect } from "vitest";
import type { Diagnostic } from "../../src/model/diagnostic.ts";
import type { Block, Release, SourceFile } from "../../src/model/release.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";

export const FILE = "content/test-release/en.md";

/** Four lines of valid front matter: `---`, title, organization, date, `---` (the body starts on line 6). */
export const FRONT = "---\ntitle: Test release\norganization: Test Council\ndate: 2026-05-14\n---\n";

export function source(text: string, over: Partial<SourceFile> = {}): SourceFile {
  return { slug: "test-release", lang: "en", path: FILE, dir: "/nonexistent/test-release", text, ...over };
}

/** Parses `body` under valid front matter; body line 1 is file line 6. */
export function parseBody(body: string, over: Partial<SourceFile> = {}) {
  return parseRelease(source(FRONT + body, over));
}

/** Parses and expects no diagnostics at all. */
export function parseOk(text: string, over: Partial<SourceFile> = {}): Release {
  const result = parseRelease(source(text, over));
  expect(result.diagnostics).toEqual([]);
  expect(result.release).toBeDefined();
  return result.release as Release;
}

export function blocksOf(body: string, over: Partial<SourceFile> = {}): Block[] {
  return parseOk(FRONT + body, over).blocks;
}

/** Expects exactly one diagnostic, an error, and returns it. */
export function onlyError(result: { release?: Release; diagnostics: Diagnostic[] }): Diagnostic {
  expect(result.diagnostics).toHaveLength(1);
  const d = result.diagnostics[0] as Diagnostic;
  expect(d.severity).toBe("error");
  expect(result.release).toBeUndefined();
  return d;
}

/** Strips `pos` everywhere, to compare shapes. */
export function shape<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "pos" ? undefined : v))) as T;
}
