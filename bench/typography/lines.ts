/**
 * Glyphs → text blocks → lines, per structure element.
 *
 * - A glyph's *paragraph* is the nearest block-level structure element at or
 *   above the element owning its marked content (Span, Link and other inline
 *   elements are looked through).
 * - A *line* is a paragraph's glyphs on one page on one baseline (within
 *   half the font size). Where two glyphs of a row are more than 1.5 em
 *   apart the row is two lines (two columns), unless another row of the
 *   paragraph on that page runs across the gap (then it is one wide-spaced
 *   line). Zero-width glyphs (positioned marks) join the nearest line.
 * - An artifact glyph that continues a line on its baseline (starts within
 *   0.3 em after its end edge, or ends within 0.3 em before its start) joins
 *   that line: this is how an added hyphen drawn as an artifact counts as
 *   the line's last glyph.
 * - A *text block* is a paragraph's lines on one page in one column: lines
 *   whose horizontal extents overlap, top to bottom. Blocks follow page
 *   order, then painting order.
 * - A line's edges are those of its visible (non-space) glyphs with width.
 */
import type { SElem } from "../../src/verify/structure.ts";
import type { Glyph } from "./glyphs.ts";

export type Line = { page: number; y: number; size: number; glyphs: Glyph[]; left: number; right: number };
export type Paragraph = { elem: SElem; role: string; rtl: boolean; blocks: Line[][] };

/** A gap (em) past which a row may hold two columns; capped justified word spaces are far narrower. */
const COLUMN_GAP = 1.5;
const INLINE = new Set(["Span", "Link", "Quote", "Note", "Reference", "BibEntry", "Code", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Formula"]);
const RTL_LANGS = new Set(["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr"]);
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

export const isSpace = (g: Glyph) => g.text !== "" && /^\s+$/u.test(g.text);
const visible = (g: Glyph) => !isSpace(g) && g.x1 - g.x0 > 0.01;

function blockOf(e: SElem): SElem {
  let cur = e;
  while (cur.parent && INLINE.has(cur.role ?? cur.s ?? "")) cur = cur.parent;
  return cur;
}

function langOf(e: SElem | undefined, docLang: string | undefined): string | undefined {
  for (let cur = e; cur; cur = cur.parent) if (cur.lang) return cur.lang;
  return docLang;
}

/** Right to left by the element's language; without one, by its letters. */
function isRtl(e: SElem, glyphs: readonly Glyph[], docLang: string | undefined): boolean {
  const lang = langOf(e, docLang);
  if (lang) return RTL_LANGS.has(lang.split("-")[0]!.toLowerCase());
  const letters = glyphs.filter((g) => /\p{L}/u.test(g.text));
  return letters.filter((g) => RTL_CHAR.test(g.text)).length * 2 > letters.length;
}

function makeLine(glyphs: Glyph[]): Line {
  const sorted = [...glyphs].sort((a, b) => a.x0 - b.x0);
  const vis = sorted.filter(visible);
  const edges = vis.length ? vis : sorted;
  const sizes = edges.map((g) => g.size).sort((a, b) => a - b);
  return {
    page: sorted[0]!.page, y: edges[0]!.y, size: sizes[Math.floor(sizes.length / 2)]!, glyphs: sorted,
    left: Math.min(...edges.map((g) => g.x0)), right: Math.max(...edges.map((g) => g.x1)),
  };
}

/** One paragraph's glyphs on one page → lines. */
function linesOf(glyphs: readonly Glyph[]): Line[] {
  const wide = glyphs.filter((g) => g.x1 - g.x0 > 0.01).sort((a, b) => b.y - a.y || a.order - b.order);
  const rows: Glyph[][] = [];
  for (const g of wide) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - g.y) <= 0.5 * g.size) row.push(g);
    else rows.push([g]);
  }
  // A row cut at every gap wider than COLUMN_GAP em: the pieces of two columns, or of one wide-spaced line.
  const pieces = rows.map((row) => {
    row.sort((a, b) => a.x0 - b.x0);
    const out: Glyph[][] = [[]];
    for (const g of row) {
      const current = out[out.length - 1]!;
      const prev = current[current.length - 1];
      if (prev && g.x0 - prev.x1 > COLUMN_GAP * g.size) out.push([g]);
      else current.push(g);
    }
    return out;
  });
  // Pieces are one line when another row of the paragraph runs across the gap between them (one column).
  const extent = (p: Glyph[]) => [p[0]!.x0, Math.max(...p.map((g) => g.x1))] as const;
  const spans = pieces.map((row) => row.map(extent));
  const lines: Glyph[][] = [];
  pieces.forEach((row, r) => {
    let current = row[0]!;
    for (let i = 1; i < row.length; i++) {
      const from = extent(current)[1], to = row[i]![0]!.x0;
      const bridged = spans.some((other, o) => o !== r && other.some(([a, b]) => a <= from && b >= to));
      if (bridged) current = current.concat(row[i]!);
      else { lines.push(current); current = row[i]!; }
    }
    lines.push(current);
  });
  for (const g of glyphs) {
    if (g.x1 - g.x0 > 0.01 || !lines.length) continue;
    const near = lines.reduce((best, l) => (Math.abs(l[0]!.y - g.y) < Math.abs(best[0]!.y - g.y) ? l : best));
    near.push(g);
  }
  return lines.map(makeLine);
}

/** Attaches artifact glyphs that continue a line on its baseline (added hyphens). */
function attachArtifacts(lines: Line[], artifacts: Glyph[]): void {
  let attached = true;
  while (attached && artifacts.length) {
    attached = false;
    for (const [i, g] of artifacts.entries()) {
      const line = lines.find((l) => l.page === g.page && Math.abs(l.y - g.y) <= 0.2 * l.size && Math.abs(l.size - g.size) <= 0.1 * l.size &&
        ((g.x0 >= l.right - 0.05 * l.size && g.x0 <= l.right + 0.3 * l.size) || (g.x1 <= l.left + 0.05 * l.size && g.x1 >= l.left - 0.3 * l.size)));
      if (!line) continue;
      Object.assign(line, makeLine([...line.glyphs, g]));
      artifacts.splice(i, 1);
      attached = true;
      break;
    }
  }
}

/** A paragraph's lines on one page → text blocks (one per column), each top to bottom. */
function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  for (const line of lines) {
    const overlapping = blocks.filter((b) => b.some((l) => l.left < line.right && line.left < l.right));
    const merged = overlapping.flat().concat(line);
    for (const b of overlapping) blocks.splice(blocks.indexOf(b), 1);
    blocks.push(merged);
  }
  const firstOrder = (b: Line[]) => Math.min(...b.flatMap((l) => l.glyphs.map((g) => g.order)));
  return blocks.map((b) => b.sort((x, y) => y.y - x.y)).sort((a, b) => firstOrder(a) - firstOrder(b));
}

/** Every tagged block element's text, as lines in text blocks, in painting order of the elements. */
export function paragraphsOf(glyphs: readonly Glyph[], docLang?: string): Paragraph[] {
  const byElem = new Map<SElem, Glyph[]>();
  for (const g of glyphs) {
    if (!g.owner) continue;
    const e = blockOf(g.owner);
    const list = byElem.get(e);
    if (list) list.push(g);
    else byElem.set(e, [g]);
  }
  const perElemPage = [...byElem].map(([elem, gs]) => {
    const pages = [...new Set(gs.map((g) => g.page))].sort((a, b) => a - b);
    return { elem, gs, lines: pages.map((p) => linesOf(gs.filter((g) => g.page === p))) };
  });
  const artifacts = glyphs.filter((g) => g.artifact && visible(g));
  attachArtifacts(perElemPage.flatMap((p) => p.lines.flat()), artifacts);
  return perElemPage.map(({ elem, gs, lines }) => ({
    elem, role: elem.role ?? elem.s ?? "", rtl: isRtl(elem, gs, docLang), blocks: lines.flatMap((l) => blocksOf(l)),
  }));
}

/** Word gaps of one line, in em. */
export function wordGaps(line: Line): number[] {
  const gaps: number[] = [];
  let wordRight: number | undefined;
  let spaced = false;
  for (const g of line.glyphs) {
    if (isSpace(g)) { spaced = wordRight !== undefined; continue; }
    if (g.x1 - g.x0 <= 0.01) continue; // a positioned mark sits on its base
    if (wordRight !== undefined && (spaced || g.x0 - wordRight > 0.15 * line.size)) {
      gaps.push((g.x0 - wordRight) / line.size);
      wordRight = undefined;
    }
    spaced = false;
    wordRight = Math.max(wordRight ?? -Infinity, g.x1);
  }
  return gaps;
}

/** How much wider than the natural space (the declared advance of the line's space glyphs) its median word gap is, in em. */
export function stretchOf(line: Line): number | undefined {
  const spaces = line.glyphs.filter(isSpace).map((g) => (g.x1 - g.x0) / line.size);
  const gaps = wordGaps(line);
  if (!spaces.length || !gaps.length) return undefined;
  return median(gaps) - median(spaces);
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * A line's text in reading order, for examples. Right to left: the visual
 * order of words is turned back, and so are the letters of right-to-left
 * words; a run of left-to-right words keeps its order.
 */
export function lineText(line: Line, rtl: boolean): string {
  const words = line.glyphs.map((g) => g.text).join("").trim().split(/\s+/u);
  if (!rtl) return words.join(" ");
  const groups: { rtl: boolean; words: string[] }[] = [];
  for (const w of words) {
    const r = RTL_CHAR.test(w);
    const last = groups[groups.length - 1];
    if (last && last.rtl === r) last.words.push(w);
    else groups.push({ rtl: r, words: [w] });
  }
  return groups.reverse().map((g) => (g.rtl ? g.words.reverse().map((w) => [...w].reverse().join("")) : g.words).join(" ")).join(" ");
}
