/**
 * Hyphenated words that PDF.js reads whole (see `markContinuation`).
 */
import type { FontkitFont } from "../layout/tree.ts";
import type { PlacedGlyph } from "./glyphs.ts";
import { withArtifact } from "./marked.ts";
import type { Segment } from "./segments.ts";
import type { RenderContext } from "./text.ts";

/** A hyphen drawn at a line end, remembered to mark where the word goes on (see `markContinuation`). */
export type LineEndHyphen = { font: FontkitFont; size: number; glyph: PlacedGlyph };

/** The inserted hyphen that ends the line (the logically last glyph), if one was drawn. */
export function lineEndHyphen(segments: readonly Segment[]): LineEndHyphen | undefined {
  let last: Segment | undefined;
  for (const seg of segments) if (!last || seg.logical > last.logical) last = seg;
  if (!last || last.owner !== "Layout") return undefined;
  const glyph = last.glyphs[last.glyphs.length - 1];
  if (!glyph || glyph.text !== "-") return undefined;
  const attrs = last.run.run.attributes;
  return { font: attrs.font[0]!, size: attrs.fontSize, glyph };
}

/**
 * PDF.js (Firefox's viewer, and what it hands to assistive technology) ends
 * a text item wherever the next glyph it reads starts a new line, and a
 * screen reader hears a word break there: "agen" + "cies". The new line is
 * noticed at the first glyph drawn on it; when that glyph is an artifact,
 * the line break belongs to the artifact and the tagged text reads on as
 * one word. So a line that continues a hyphenated word first draws an
 * invisible copy of its first glyph, as an artifact, in the same place.
 * Extractors that read every glyph (poppler, MuPDF) drop a glyph drawn
 * twice in one place, as they do for fake bold.
 */
export function markContinuation(ctx: RenderContext, segments: readonly Segment[], baseline: number): void {
  const first = segments[0];
  const glyph = first?.glyphs[0];
  if (!first || !glyph || typeof first.owner === "string") return;
  const attrs = first.run.run.attributes;
  withArtifact(ctx.doc, "Layout", () => ctx.glyphs.show(attrs.font[0]!, attrs.fontSize, first.x, baseline, [glyph], false, true));
}
