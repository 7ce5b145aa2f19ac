/**
 * Writing a line's segments: each stretch of glyphs inside the marked
 * content of the element it belongs to (or an artifact), in the order and
 * grouping that PDF.js reads best, and link annotations over them.
 */
import type { ArtifactKind } from "../model/semantics.ts";
import type { RunText } from "../layout/logical.ts";
import type { PlacedGlyph } from "./glyphs.ts";
import { withActualText, withArtifact, withTag } from "./marked.ts";
import { groupStart, planSeparators, type Before, type PaintStep } from "./separators.ts";
import type { StructScope } from "./structure.ts";
import type { RenderContext } from "./text.ts";

/** A stretch of one run's glyphs that goes into one marked-content sequence; [logical, end) is its place in the line's logical text. */
export type Segment = { owner: StructScope | ArtifactKind; run: RunText; glyphs: PlacedGlyph[]; x: number; logical: number; end: number };

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
 * group is painted first: the rest follow in visual order. Used for lines
 * that go on with a word hyphenated on the line before, whose first glyph
 * the continuation artifact has drawn already; other right-to-left lines
 * are planned by `planSeparators`.
 */
function paintingOrder(groups: Segment[][]): PaintStep<Segment[]>[] {
  if (groups.length < 2) return groups.map((group) => ({ group }));
  const first = groups.reduce((a, b) => (groupStart(b) < groupStart(a) ? b : a));
  return [first, ...groups.filter((g) => g !== first)].map((group) => ({ group }));
}

/** A segment's text in logical order. */
const segmentText = (seg: Segment) => (seg.run.rtl ? [...seg.glyphs].reverse() : seg.glyphs).map((g) => g.text).join("");

/** The line's text in logical order, one character per logical index. */
function lineChars(segments: readonly Segment[]): string[] {
  const chars: string[] = [];
  for (const seg of segments) [...segmentText(seg)].forEach((ch, i) => (chars[seg.logical + i] = ch));
  return chars;
}

/** The order to paint a line's groups in, with the joins `planSeparators` asks for. */
function paintPlan(segments: readonly Segment[], continues: boolean, before: Before): PaintStep<Segment[]>[] {
  const groups = groupsOf(segments);
  if (!segments.some((seg) => seg.run.rtl)) return groups.map((group) => ({ group }));
  if (continues) return paintingOrder(groups);
  const tagged = groups.filter((group) => typeof group[0]!.owner !== "string");
  // Artifacts (an inserted hyphen) come last: a glyph PDF.js does not read must not decide a break.
  return [...planSeparators(tagged, lineChars(segments), before), ...groups.filter((g) => !tagged.includes(g)).map((group) => ({ group }))];
}

/** Whether `b` follows `a` in the logical text with a space between (only there does PDF.js lose anything). */
function meetAtSpace(a: Segment, b: Segment): boolean {
  if (a.end !== b.logical) return false;
  return /\s$/u.test(segmentText(a)) || /^\s/u.test(segmentText(b));
}

/** A group's text in logical order. */
function logicalText(group: readonly Segment[]): string {
  return [...group].sort((a, b) => a.logical - b.logical).map(segmentText).join("");
}

/** `continues`: the line goes on with a word hyphenated on the line before (see continuation.ts). */
export function writeSegments(ctx: RenderContext, segments: Segment[], baseline: number, continues = false): void {
  const { doc, structure } = ctx;
  const tagged: { logical: number; scope: StructScope; content: unknown }[] = [];
  const linkBoxes = new Map<StructScope, { x0: number; x1: number; top: number; bottom: number }>();
  const show = (seg: Segment) => {
    const attrs = seg.run.run.attributes;
    ctx.paint.fill(attrs.color ?? "#000000", attrs.opacity);
    ctx.glyphs.show(attrs.font[0]!, attrs.fontSize, seg.x, baseline, seg.glyphs, seg.run.rtl);
  };
  const last = ctx.glyphs.last;
  for (const { group, join } of paintPlan(segments, continues, last && { ...last, baseline })) {
    const owner = group[0]!.owner;
    if (join) {
      const attrs = join.segment.run.run.attributes;
      withArtifact(doc, "Layout", () => ctx.glyphs.show(attrs.font[0]!, attrs.fontSize, join.x, baseline, [join.glyph], join.segment.run.rtl, true));
    }
    const drawAll = () => group.forEach(show);
    if (typeof owner === "string") {
      withArtifact(doc, owner, drawAll);
      continue;
    }
    const draw = () => (group.some((seg) => seg.run.rtl) ? withActualText(doc, logicalText(group), drawAll) : drawAll());
    tagged.push({ logical: groupStart(group), scope: owner, content: withTag(doc, owner.role, draw) });
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
