/**
 * Writes glyphs that textkit already shaped and positioned. pdfkit has no
 * public API for pre-shaped glyph ids (`text()` would shape again), so this
 * file uses pdfkit 0.20.2's EmbeddedFont internals: `subset.includeGlyph`,
 * `widths`, `unicode`, `ref()`, `id`, and `doc.addContent`. pdfkit's version
 * is pinned for that reason.
 */
import type { KashidaBar } from "../layout/spacing.ts";
import type { Doc } from "./marked.ts";
import type { FontkitFont } from "../layout/tree.ts";

type EmbeddedFont = {
  id: string;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  font: FontkitFont;
  ref(): unknown;
};

/** One glyph to show, with the source text it stands for (its ToUnicode). */
export type PlacedGlyph = {
  id: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  text: string;
  /**
   * What ToUnicode maps the glyph to, when it differs from `text`: a
   * right-to-left ligature's characters in visual order, since viewers
   * that reorder visual text themselves reverse each mapping too.
   */
  toUnicode?: string;
  /** A kashida drawn after the glyph, within its advance: a bar `width` points long (see `kashidaBar`). */
  kashida?: { width: number; bar: KashidaBar };
};

/** Numbers in content streams: at most 3 decimals, no exponent, no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) || rounded === 0 ? "0" : String(rounded);
}

const hex4 = (n: number) => n.toString(16).padStart(4, "0");

/** Where the last glyph that is not white space ended, on which page (what PDF.js compares the next glyph with). */
export type GlyphEnd = { page: unknown; x: number; y: number; size: number };

export class GlyphWriter {
  private readonly registered = new Set<string>();
  private lastEnd: GlyphEnd | undefined;

  /** The end of the last glyph drawn on the current page that is not white space, if any. */
  get last(): Omit<GlyphEnd, "page"> | undefined {
    return this.lastEnd && this.lastEnd.page === this.doc.page ? this.lastEnd : undefined;
  }

  constructor(private readonly doc: Doc) {}

  private embed(font: FontkitFont): EmbeddedFont {
    const name = font.postscriptName;
    if (!this.registered.has(name)) {
      // Register the very fontkit object textkit shaped with, once per document.
      this.doc.registerFont(name, font as never);
      this.registered.add(name);
    }
    this.doc.font(name);
    const embedded = this.doc._font as EmbeddedFont;
    this.doc.page.fonts[embedded.id] = embedded.ref();
    return embedded;
  }

  /**
   * Shows `glyphs` (in visual order, left to right) from pen position
   * (x, baseline y) in one text object. Returns the glyphs whose ToUnicode
   * entry was already taken by other text (the same glyph drawn for
   * different characters). Right-to-left glyphs are drawn in visual order
   * too, as viewers expect; the caller gives them their logical text as
   * /ActualText.
   */
  show(font: FontkitFont, size: number, x: number, y: number, glyphs: readonly PlacedGlyph[], rtl = false, invisible = false): PlacedGlyph[] {
    const f = this.embed(font);
    const conflicts: PlacedGlyph[] = [];
    const gids = glyphs.map((g) => {
      const gid = f.subset.includeGlyph(g.id);
      f.widths[gid] ??= f.font.getGlyph(g.id).advanceWidth * f.scale;
      const codePoints = [...(g.toUnicode ?? g.text)].map((ch) => ch.codePointAt(0)!);
      const mapped = f.unicode[gid];
      if (mapped == null) f.unicode[gid] = codePoints.length ? codePoints : [0xfffd];
      else if (codePoints.length && mapped.join() !== codePoints.join()) conflicts.push(g);
      return gid;
    });
    // The rendering mode outlives ET (it is graphics state): an invisible run sets it back.
    const ops: string[] = ["BT", `/${f.id} ${num(size)} Tf`, ...(invisible ? ["3 Tr"] : [])];
    const moveTo = (px: number, py: number) => ops.push(`1 0 0 -1 ${num(px)} ${num(py)} Tm`);
    let lastEnd: number | undefined;
    {
      let pen = x;
      let tj: string[] = [];
      const flush = () => {
        if (tj.length) ops.push(`[${tj.join(" ")}] TJ`);
        tj = [];
      };
      moveTo(pen, y);
      glyphs.forEach((g, i) => {
        const gid = gids[i]!;
        if (g.xOffset !== 0 || g.yOffset !== 0) {
          // A positioned mark: its own text matrix, then back to the pen. Right to left, a
          // zero-advance mark precedes its base; its offset counts from the base's end.
          const base = rtl && g.xAdvance === 0 ? (glyphs[i + 1]?.xAdvance ?? 0) : 0;
          flush();
          moveTo(pen + base + g.xOffset, y - g.yOffset);
          ops.push(`<${hex4(gid)}> Tj`);
          moveTo(pen + g.xAdvance, y);
        } else if (g.kashida) {
          // The letter, then the joining stroke as a filled bar (no text), then back to the pen.
          flush();
          ops.push(`<${hex4(gid)}> Tj`, "ET");
          const { width, bar } = g.kashida;
          const x0 = pen + g.xAdvance - width - bar.left * size;
          ops.push(`${num(x0)} ${num(y - bar.top * size)} ${num(width + (bar.left + bar.right) * size)} ${num((bar.top - bar.bottom) * size)} re f`);
          ops.push("BT", `/${f.id} ${num(size)} Tf`);
          moveTo(pen + g.xAdvance, y);
        } else {
          tj.push(`<${hex4(gid)}>`);
          const adjust = f.widths[gid]! - (g.xAdvance * 1000) / size;
          if (Math.abs(adjust) >= 0.0005) tj.push(num(adjust));
        }
        if (g.text.trim() !== "" && f.widths[gid]! > 0) lastEnd = pen + g.xAdvance;
        pen += g.xAdvance;
      });
      flush();
    }
    if (lastEnd !== undefined) this.lastEnd = { page: this.doc.page, x: lastEnd, y, size };
    if (invisible) ops.push("0 Tr");
    ops.push("ET");
    this.doc.addContent(ops.join("\n"));
    return conflicts;
  }
}
