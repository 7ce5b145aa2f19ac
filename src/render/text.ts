/**
 * Paints a laid-out `TEXT` fragment glyph by glyph, each stretch of glyphs
 * inside marked content that belongs to its structure element: the Text's
 * own element, or a `Link`/`Span` inside it. Hyphens inserted by line
 * breaking are artifacts, so the text reads back exactly as written.
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import type { ArtifactKind, InlineTag } from "../model/semantics.ts";
import type { GlyphWriter, PlacedGlyph } from "./glyphs.ts";
import type { FontkitFont } from "../layout/tree.ts";
import { spaceLine } from "../layout/spacing.ts";
import { alignWithSource, glyphRange, logicalLine, type RunText } from "../layout/logical.ts";
import { withActualText, withArtifact, withTag, type Doc } from "./marked.ts";
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

/** A hyphen drawn at a line end, remembered to mark where the word goes on (see `markContinuation`). */
type LineEndHyphen = { font: FontkitFont; size: number; glyph: PlacedGlyph };

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

/** A stretch of one run's glyphs that goes into one marked-content sequence; [logical, end) is its place in the line's logical text. */
type Segment = { owner: StructScope | ArtifactKind; run: RunText; glyphs: PlacedGlyph[]; x: number; logical: number; end: number };

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

/** Where each run of a line was painted (absolute x and width, visual order), spaces at its ends left out. */
type PlacedRun = { x: number; width: number };

function inkOf(r: RunText, advances: readonly number[], start: number, end: number): PlacedRun {
  const isSpace = (g: number) => /^\s$/u.test(String.fromCodePoint(...(r.run.glyphs[g]?.codePoints ?? [0x41])));
  let lead = 0, trail = 0;
  for (let g = 0; g < r.run.glyphs.length && isSpace(g); g++) lead += advances[g] ?? 0;
  for (let g = r.run.glyphs.length - 1; g >= 0 && isSpace(g); g--) trail += advances[g] ?? 0;
  return { x: start + lead, width: Math.max(0, end - start - lead - trail) };
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
  const rtl = (runs[0]?.run.attributes as { direction?: string } | undefined)?.direction === "rtl";
  const justified = node.props?.justify === true;
  const width = textWidth(node);
  // Justified text is spaced here; other text keeps textkit's alignment.
  const { advances, start } = spaceLine(runs, width, { justify: justified && progress.cursor < progress.source.length, rtl });
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
      pen = segmentRun(ctx, node, r, advances[i]!, pen, map, target, progress, segments);
    }
    placed.push(inkOf(r, advances[i] ?? [], start, pen));
  }
  if (progress.hyphen && "scope" in target) markContinuation(ctx, segments, baseline);
  writeSegments(ctx, segments, baseline);
  progress.hyphen = lineEndHyphen(segments);
  if (!rtl) reportOverflow(ctx, node, segments, left + width);
  return placed;
}

/** Width of a text node's content box. */
const textWidth = (node: LayoutNode) => node.box!.width - (node.box!.paddingLeft ?? 0) - (node.box!.paddingRight ?? 0);

/** The inserted hyphen that ends the line (the logically last glyph), if one was drawn. */
function lineEndHyphen(segments: readonly Segment[]): LineEndHyphen | undefined {
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
function markContinuation(ctx: RenderContext, segments: readonly Segment[], baseline: number): void {
  const first = segments[0];
  const glyph = first?.glyphs[0];
  if (!first || !glyph || typeof first.owner === "string") return;
  const attrs = first.run.run.attributes;
  withArtifact(ctx.doc, "Layout", () => ctx.glyphs.show(attrs.font[0]!, attrs.fontSize, first.x, baseline, [glyph], false, true));
}

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
  ctx: RenderContext, node: LayoutNode, r: RunText, advances: readonly number[], pen: number, map: number[],
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

/**
 * Right-to-left lines: visually neighbouring segments of one element, in
 * one font, that meet at a space in the logical text (a number and the
 * words around it, an italic word set in the regular face) share one
 * marked-content sequence and one /ActualText. PDF.js reads such a
 * sequence as one text item and puts it in logical order itself; at a
 * sequence boundary it drops the space ("عام2019"). Across a change of
 * font it makes two items and reads them in visual order, so segments in
 * different fonts stay apart.
 */
function groupsOf(segments: readonly Segment[]): Segment[][] {
  const rtl = segments.some((seg) => seg.run.rtl);
  const fontOf = (seg: Segment) => `${seg.run.run.attributes.font[0]?.postscriptName}@${seg.run.run.attributes.fontSize}`;
  const groups: Segment[][] = [];
  for (const seg of segments) {
    const group = groups[groups.length - 1];
    const joins = rtl && group && group[0]!.owner === seg.owner && typeof seg.owner !== "string" &&
      fontOf(group[0]!) === fontOf(seg) && group.some((g) => meetAtSpace(g, seg) || meetAtSpace(seg, g));
    if (joins) group.push(seg);
    else groups.push([seg]);
  }
  return groups;
}

/**
 * PDF.js ends a line of text at the first glyph painted on the next line.
 * In a right-to-left line that is not the line's logical start, unless that
 * group is painted first: the rest follow in visual order.
 */
function paintingOrder(groups: Segment[][]): Segment[][] {
  if (groups.length < 2 || !groups.some((group) => group.some((seg) => seg.run.rtl))) return groups;
  const start = (group: readonly Segment[]) => Math.min(...group.map((seg) => seg.logical));
  const first = groups.reduce((a, b) => (start(b) < start(a) ? b : a));
  return [first, ...groups.filter((g) => g !== first)];
}

/** Whether `b` follows `a` in the logical text with a space between (only there does PDF.js lose anything). */
function meetAtSpace(a: Segment, b: Segment): boolean {
  if (a.end !== b.logical) return false;
  const text = (seg: Segment) => (seg.run.rtl ? [...seg.glyphs].reverse() : seg.glyphs).map((g) => g.text).join("");
  return /\s$/u.test(text(a)) || /^\s/u.test(text(b));
}

/** A group's text in logical order. */
function logicalText(group: readonly Segment[]): string {
  return [...group].sort((a, b) => a.logical - b.logical)
    .map((seg) => (seg.run.rtl ? [...seg.glyphs].reverse() : seg.glyphs).map((g) => g.text).join(""))
    .join("");
}

function writeSegments(ctx: RenderContext, segments: Segment[], baseline: number): void {
  const { doc, structure } = ctx;
  const tagged: { logical: number; scope: StructScope; content: unknown }[] = [];
  const linkBoxes = new Map<StructScope, { x0: number; x1: number; top: number; bottom: number }>();
  const show = (seg: Segment) => {
    const attrs = seg.run.run.attributes;
    ctx.paint.fill(attrs.color ?? "#000000", attrs.opacity);
    ctx.glyphs.show(attrs.font[0]!, attrs.fontSize, seg.x, baseline, seg.glyphs, seg.run.rtl);
  };
  for (const group of paintingOrder(groupsOf(segments))) {
    const owner = group[0]!.owner;
    const drawAll = () => group.forEach(show);
    if (typeof owner === "string") {
      withArtifact(doc, owner, drawAll);
      continue;
    }
    const draw = () => (group.some((seg) => seg.run.rtl) ? withActualText(doc, logicalText(group), drawAll) : drawAll());
    tagged.push({ logical: Math.min(...group.map((seg) => seg.logical)), scope: owner, content: withTag(doc, owner.role, draw) });
    const link = linkScopeOf(owner);
    if (!link) continue;
    for (const seg of group) {
      const width = seg.glyphs.reduce((sum, g) => sum + g.xAdvance, 0);
      const box = linkBoxes.get(link) ?? { x0: Infinity, x1: -Infinity, top: Infinity, bottom: -Infinity };
      box.x0 = Math.min(box.x0, seg.x);
      box.x1 = Math.max(box.x1, seg.x + width);
      box.top = Math.min(box.top, baseline - seg.run.run.ascent);
      box.bottom = Math.max(box.bottom, baseline - seg.run.run.descent);
      linkBoxes.set(link, box);
    }
  }
  // Structure order is logical order, whatever the painting order was (right-to-left runs).
  tagged.sort((a, b) => a.logical - b.logical);
  for (const t of tagged) structure.element(t.scope).add(t.content);
  for (const [scope, box] of linkBoxes) {
    if (scope.link) ctx.paint.linkAnnotation(structure.element(scope), scope.link, box);
  }
}

function linkScopeOf(scope: StructScope): StructScope | undefined {
  for (let s: StructScope | undefined = scope; s; s = s.parent) if (s.role === "Link") return s;
  return undefined;
}

/**
 * Underlines and strikes under the runs as painted. textkit gives one
 * decoration per underlined or struck run, in run order; its x and width
 * are taken from where the run was actually painted (spaces capped, last
 * line moved to its start edge).
 */
function paintDecorations(ctx: RenderContext, line: Line, placed: readonly PlacedRun[], originY: number): void {
  const decorations = line.decorationLines ?? [];
  if (!decorations.length) return;
  let next = 0;
  withArtifact(ctx.doc, "Layout", () => {
    line.runs.forEach((run, i) => {
      const attrs = run.attributes as { underline?: boolean; strike?: boolean };
      const count = (attrs.underline ? 1 : 0) + (attrs.strike ? 1 : 0);
      for (let k = 0; k < count; k++) {
        const d = decorations[next++];
        const at = placed[i];
        if (!d || !at) continue;
        ctx.paint.rect(at.x, originY + line.box.y + d.rect.y - d.rect.height / 2, Math.min(d.rect.width, at.width), d.rect.height, d.color, d.opacity);
      }
    });
  });
}
