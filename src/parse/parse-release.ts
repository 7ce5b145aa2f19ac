import type { Diagnostic } from "../model/diagnostic.ts";
import type { Release, SourceFile } from "../model/release.ts";
import { BodyContext, LineIndex } from "./context.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { parseBody } from "./markdown.ts";

export type ParseResult = { release?: Release; diagnostics: Diagnostic[] };

/**
 * One language file → a `Release`. All of the file's problems are reported,
 * sorted by position; `release` is present only when there is no error.
 */
export function parseRelease(source: SourceFile): ParseResult {
  const text = source.text.replace(/^\uFEFF/, "");
  const lines = new LineIndex(text);

  // Front matter: meta, `lang`, and where the body starts.
  const front = parseFrontMatter(text, source.path, lines);

  // Body: checked even when the front matter has errors, so every problem shows at once.
  const body = front.bodyStart === undefined ? undefined : new BodyContext(source, text, lines, front.bodyStart);
  const blocks = body ? parseBody(body) : [];

  const diagnostics = sortByPosition([...front.diagnostics, ...(body?.diagnostics ?? [])]);
  if (!front.meta || diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return {
    release: {
      slug: source.slug,
      lang: front.lang ?? source.lang,
      file: source.path,
      meta: front.meta,
      metaPos: front.metaPos,
      blocks,
    },
    diagnostics,
  };
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}
