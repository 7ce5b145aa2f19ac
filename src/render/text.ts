/**
 * Paints a laid-out `TEXT` fragment glyph by glyph, each stretch of glyphs
 * inside marked content that belongs to its structure element: the Text's
 * own element, or a `Link`/`Span` inside it. Hyphens inserted by line
 * breaking are artifacts, so the text reads back exactly as written.
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import type { ArtifactKind, InlineTag } from "../model/semantics.ts";
import type { GlyphWriter } from "./glyphs.ts";
import { kashidaBar, spaceLine } from "../layout/spacing.ts";
import { alignWithSource, glyphRange, logicalLine, type RunText } from "../layout/logical.ts";
import { lineEndHyphen, markContinuation, type LineEndHyphen } from "./continuation.ts";
import { inkOf, paintDecorations, type PlacedRun } from "./decorations.ts";
import type { Doc } from "./marked.ts";
import { writeSegments, type Segment } from "./segments.ts";
import type { StructScope, StructureBuilder } from "./structure.ts";
import { sourceTextOf, type LayoutNode, type Line } from "../layout/tree.ts";
import type { Paint } from "./paint.ts";

export type TextTarget = { scope: StructScope } | { artifact: ArtifactKind };

export type RenderContext = {
  doc: Doc;
  glyphs: GlyphWriter;
  structure: StructureBuilder;
  paint: Paint;
  diagnostics: Diagnostic[];
  /** Where errors point when a node has no source reference. */
  fallbackFile: string;
};

/** Per Text (shared by its fragments): source characters and how far painting got. */
type TextProgress = {
  source: string[];
  cursor: number;
  scopes: (StructScope | undefined)[];
  failed: boolean;
  /** The previous line ended in a hyphen that hyphenation inserted. */
  hyphen?: LineEndHyphen;
};
const progressByProps = new WeakMap<object, TextProgress>();

function progressOf(node: LayoutNode, target: TextTarget): TextProgress {
  const props = node.props ?? {};
  let progress = progressByProps.get(props);
  if (!progress) {
    // A paragraph whose line breaks were forced is given newlines and hyphens; its own text is `sourceText`.
    const source = [...((props.sourceText as string | undefined) ?? sourceTextOf(node))];
    const scopes = "scope" in target ? inlineScopes(target.scope, props.inlineTags ?? [], source) : [];
    progress = { source, cursor: 0, scopes, failed: false };
    progressByProps.set(props, progress);
  }
  return progress;
}

/** For each source character, the innermost element it belongs to. */
function inlineScopes(parent: StructScope, tags: readonly InlineTag[], source: readonly string[]): (StructScope | undefined)[] {
  const length = source.length;
  const scopes: (StructScope | undefined)[] = new Array(length).fill(parent);
  const open: { tag: InlineTag; scope: StructScope }[] = [];
  tags.forEach((tag, i) => {
    while (open.length && open[open.length - 1]!.tag.end <= tag.start) open.pop();
    const scope: StructScope = {
      key: `${parent.key}/${i}`,
      role: tag.role,
      parent: open[open.length - 1]?.scope ?? parent,
      ...(tag.lang ? { lang: tag.lang } : {}),
      ...(tag.href ? { link: { href: tag.href, text: source.slice(tag.start, tag.end).join("") } } : {}),
    };
    open.push({ tag, scope });
    for (let k = tag.start; k < tag.end && k < length; k++) scopes[k] = scope;
  });
  return scopes;
}

const sourceAt = (ctx: RenderContext, node: LayoutNode) => {
  const s = node.props?.source;
  return s ? { file: s.file, line: s.line, column: s.column } : { file: ctx.fallbackFile };
};

export function renderText(ctx: RenderContext, node: LayoutNode, x: number, y: number, target: TextTarget): void {
  const lines = node.lines ?? [];
  const first = lines[0];
  if (!first || !node.box) return;
  const progress = progressOf(node, target);
  const box = node.box;
  const originX = x + box.left + (box.paddingLeft ?? 0) - (node.alignOffset ?? 0);
  const originY = y + box.top + (box.paddingTop ?? 0) - first.box.y;
  for (const line of lines) {
    const baseline = originY + line.box.y + line.ascent;
    const placed = renderLine(ctx, node, line, originX, baseline, target, progress);
    paintDecorations(ctx, line, placed, originY);
  }
  // Close inline elements that ended in this fragment while its page is current.
  if ("scope" in target) {
    for (const scope of new Set(progress.scopes.slice(0, progress.cursor))) {
      if (scope && scope !== target.scope && progress.scopes.lastIndexOf(scope) < progress.cursor) ctx.structure.close(scope);
    }
  }
}

/** Paints one line; `left` is the left edge of the text box. */
function renderLine(
  ctx: RenderContext, node: LayoutNode, line: Line, left: number, baseline: number,
  target: TextTarget, progress: TextProgress,
): PlacedRun[] {
  const { runs, text, inserted } = logicalLine(line);
  // Artifacts (running footers repeat on every page) read nothing back: their line is their source.
  if ("artifact" in target) progress = { source: text, cursor: 0, scopes: [], failed: false };
  let map: number[];
  const aligned = progress.failed ? undefined : alignWithSource(text, progress.source, progress.cursor, inserted);
  if (aligned) {
    map = aligned.map;
    progress.cursor = aligned.next;
  } else {
    if (!progress.failed) {
      ctx.diagnostics.push(error(sourceAt(ctx, node),
        `laid-out text "${text.join("")}" does not match the source text "${progress.source.slice(progress.cursor, progress.cursor + text.length).join("")}"`,
        "this is a bug in Pressroom's render stage; please report it with the release that triggers it"));
    }
    progress.failed = true;
    map = text.map(() => -1);
  }

  const segments: Segment[] = [];
  // The paragraph's own direction (an inline run, e.g. the dateline's, may carry none of its own).
  const rtl = node.style?.direction === "rtl" || (node.style?.direction === undefined && runs.some((r) => (r.run.attributes as { direction?: string }).direction === "rtl"));
  const justified = node.props?.justify === true;
  const width = textWidth(node);
  // Justified text is spaced here; other text keeps textkit's alignment.
  const { advances, kashidas, start } = spaceLine(runs, width, { justify: justified && progress.cursor < progress.source.length, rtl });
  let pen = justified ? left + start : left + line.box.x;
  const placed: PlacedRun[] = [];
  for (const [i, r] of runs.entries()) {
    const start = pen;
    const font = r.run.attributes.font[0];
    if (!r.run.glyphs.length || !font || r.visual.every((ch) => ch === "\n")) {
      pen += r.run.xAdvance;
    } else if (font.type === "STANDARD") {
      ctx.diagnostics.push(error(sourceAt(ctx, node),
        `text "${r.visual.join("")}" fell back to the built-in font ${font.fullName ?? "Helvetica"}, which cannot be embedded`,
        "add a font that covers these characters to fonts/manifest.json and to the layout's font families"));
      pen += r.run.xAdvance;
    } else {
      pen = segmentRun(ctx, node, r, advances[i]!, kashidas[i]!, pen, map, target, progress, segments);
    }
    placed.push(inkOf(r, advances[i] ?? [], start, pen));
  }
  if (progress.hyphen && "scope" in target) markContinuation(ctx, segments, baseline);
  writeSegments(ctx, segments, baseline, progress.hyphen !== undefined && "scope" in target);
  progress.hyphen = lineEndHyphen(segments);
  if (!rtl) reportOverflow(ctx, node, segments, left + width);
  return placed;
}

/** Width of a text node's content box. */
const textWidth = (node: LayoutNode) => node.box!.width - (node.box!.paddingLeft ?? 0) - (node.box!.paddingRight ?? 0);

/** Text that runs past its box (an unbreakable word wider than the column) is reported, not hidden. */
function reportOverflow(ctx: RenderContext, node: LayoutNode, segments: readonly Segment[], limit: number): void {
  const glyphs = segments.flatMap((seg) => {
    let x = seg.x;
    return seg.glyphs.map((g) => ({ x: (x += g.xAdvance) - g.xAdvance, g }));
  });
  const visible = glyphs.filter(({ g }) => g.text.trim() !== "");
  const last = visible[visible.length - 1];
  if (!last || !node.box) return;
  const right = last.x + last.g.xAdvance;
  if (right > limit + 3) {
    ctx.diagnostics.push({
      severity: "warning",
      ...sourceAt(ctx, node),
      message: `a line runs ${(right - limit).toFixed(1)} pt past its column: "${glyphs.map(({ g }) => g.text).join("").trim().slice(-40)}"`,
      hint: "a word or address is wider than the column; shorten it or give it a place to break",
    });
  }
}

function segmentRun(
  ctx: RenderContext, node: LayoutNode, r: RunText, advances: readonly number[], kashidas: readonly number[], pen: number, map: number[],
  target: TextTarget, progress: TextProgress, out: Segment[],
): number {
  let current: Segment | undefined;
  r.run.glyphs.forEach((glyph, g) => {
    const pos = r.run.positions[g]!;
    const advance = advances[g] ?? pos.xAdvance;
    const [from, to] = glyphRange(r, g);
    const sourceIdx = map.slice(from, to).filter((i) => i >= 0);
    const inserted = from < to && sourceIdx.length === 0;
    const chars = sourceIdx.map((i) => progress.source[i]!).join("");
    if (glyph.id === 0) {
      const ch = chars || String.fromCodePoint(...glyph.codePoints);
      ctx.diagnostics.push(error(sourceAt(ctx, node),
        `no glyph for "${ch}" (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}) in font ${r.run.attributes.font[0]!.postscriptName}`,
        "add a font that covers this character to fonts/manifest.json"));
      pen += advance;
      return;
    }
    // textkit marks every break between two pieces with a hyphen, also after "/" in an address
    // and where a word meets punctuation or another script. Only a break between two letters
    // is a hyphenation; no hyphen is drawn anywhere else.
    if (inserted && !betweenLetters(progress.source, map[from - 1])) {
      pen += advance;
      return;
    }
    const owner: StructScope | ArtifactKind =
      "artifact" in target ? target.artifact
        : inserted ? "Layout"
        : (progress.scopes[sourceIdx[0] ?? -1] ?? target.scope);
    if (!current || current.owner !== owner) {
      current = { owner, run: r, glyphs: [], x: pen, logical: from, end: to };
      out.push(current);
    }
    current.logical = Math.min(current.logical, from);
    current.end = Math.max(current.end, to);
    current.glyphs.push({
      id: glyph.id,
      xAdvance: advance,
      xOffset: pos.xOffset ?? 0,
      yOffset: pos.yOffset ?? 0,
      text: inserted ? (r.visual.join("").includes("\u2026") ? "\u2026" : "-") : chars || String.fromCodePoint(...glyph.codePoints),
      ...(r.rtl && [...chars].length > 1 ? { toUnicode: [...chars].reverse().join("") } : {}),
      ...(kashidas[g] ? { kashida: { width: kashidas[g]!, bar: kashidaBar(r.run.attributes.font[0]!)! } } : {}),
    });
    pen += advance;
  });
  return pen;
}

const LETTER = /[\p{L}\p{M}]/u;

/** Whether the source characters on both sides of a break (after index `before`) are letters. */
function betweenLetters(source: readonly string[], before: number | undefined): boolean {
  if (before === undefined || before < 0) return false;
  let after = before + 1;
  while (source[after] === "\u00ad") after++;
  return LETTER.test(source[before] ?? "") && LETTER.test(source[after] ?? "");
}
