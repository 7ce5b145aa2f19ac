/** Helpers for end-to-end tests: build content into a temporary folder and read the PDFs back. */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, type BuildResult } from "../../src/build/build.ts";
import { formatDiagnostic } from "../../src/model/diagnostic.ts";
import { inlineText, type Block, type Release } from "../../src/model/release.ts";
import { pullQuoteRepeatsBody } from "../../src/compose/pullquote.ts";
import type { StructNode } from "../../src/verify/readback.ts";

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export function tempDir(prefix = "pressroom-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A copy of content/ (or of the given releases) in a temporary folder. */
export function copyContent(slugs?: string[]): string {
  const dir = tempDir("pressroom-content-");
  for (const slug of slugs ?? ["harbour-library", "river-cleanup"]) {
    cpSync(path.join(repoRoot, "content", slug), path.join(dir, slug), { recursive: true });
  }
  return dir;
}

export async function buildInto(contentDir: string, options: { layouts?: string[]; langs?: string[] } = {}): Promise<BuildResult & { outDir: string }> {
  const outDir = tempDir("pressroom-out-");
  const result = await build({ contentDir, outDir, ...options });
  return { ...result, outDir };
}

export const describeDiagnostics = (r: BuildResult) => r.diagnostics.map((d) => formatDiagnostic(d)).join("\n");

export const readOutput = (outDir: string, file: string) => new Uint8Array(readFileSync(path.join(outDir, file)));

/** Words as a reader hears them: letters and digits, case kept. */
export const wordsOf = (text: string): string[] => text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);

function blockText(b: Block, release: Release): string[] {
  switch (b.kind) {
    case "paragraph":
    case "heading":
      return [inlineText(b.inlines)];
    case "pullquote":
      // A pull quote that repeats the body is decoration: a reader hears the body once.
      if (pullQuoteRepeatsBody(release, b)) return [];
      return [inlineText(b.inlines), ...(b.attribution ? [inlineText(b.attribution)] : [])];
    case "quote":
      return b.blocks.flatMap((x) => blockText(x, release));
    case "list":
      return b.items.flatMap((item) => item.flatMap((x) => blockText(x, release)));
    case "figure":
      return b.caption ? [inlineText(b.caption)] : [];
  }
}

/** Every word of the release's source: front matter values and body. */
export function sourceWords(release: Release): string[] {
  const m = release.meta;
  return wordsOf([m.title, m.standfirst, m.organization, m.place, m.contact?.name, m.contact?.email, m.contact?.phone, ...release.blocks.flatMap((b) => blockText(b, release))].filter(Boolean).join(" "));
}

const textElements = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "Lbl", "Caption", "Figure"]);

/** The document's text as the structure tree reads it, one space between block elements. */
export function treeText(node: StructNode): string {
  return textElements.has(node.role) ? node.text : node.children.map(treeText).join(" ");
}
