/**
 * The typography measures of one PDF, from the glyphs as painted (see
 * glyphs.ts, lines.ts and frames.ts for lines, blocks and justification).
 *
 * 1. Hyphen ladder: the most consecutive lines of one text block (one
 *    paragraph in one column) whose last visible glyph in reading order
 *    (rightmost; leftmost in RTL) is "-" (U+002D) or "‐" (U+2010), whether
 *    it is tagged text or an artifact. Also the number of such line ends.
 * 2. Word gaps, in em, on every line of a justified paragraph except its
 *    last line: between two words (runs of visible glyphs separated by
 *    whitespace glyphs, or by more than 0.15 em of empty pen movement), the
 *    left edge of the later word's first glyph minus the right edge of the
 *    earlier word's last glyph (so the space glyph's advance is inside the
 *    gap), divided by the line's font size. Max and median over the PDF.
 * 3. Last lines away from the start edge: in each P, LI, LBody, Caption or
 *    BlockQuote with 2 or more lines, the last line's start edge (left; right
 *    in RTL) is more than 1 pt inside the start edge of its text block's
 *    other lines. A last line alone in its block is not judged.
 * 4. First lines not justified: in each justified P, LI, LBody, Caption or
 *    BlockQuote, the first line's end edge stops more than 1 pt short of its
 *    frame's far edge (the first block's frame must be justified).
 */
import { withPdf } from "../../src/verify/pdf.ts";
import { readGlyphs, type Glyph } from "./glyphs.ts";
import { endOf, frameOfBlock, framesOf, justifiedParagraphs, lastLine, lineCount, startOf } from "./frames.ts";
import { isSpace, lineText, median, paragraphsOf, wordGaps, type Line, type Paragraph } from "./lines.ts";

export type Example = { page: number; text: string; by: number };

export type Typography = {
  pages: number;
  paragraphs: number;
  ladder: { longest: number; hyphenatedLines: number; example?: Example };
  gaps: { count: number; median: number; max: number; maxExample?: Example };
  lastLines: { judged: number; away: number; examples: Example[] };
  firstLines: { judged: number; short: number; examples: Example[] };
  /** Every line of a justified paragraph but its last (the first ones included): short of the far edge. */
  shortLines: { judged: number; short: number; examples: Example[] };
};

const PARAGRAPH_ROLES = new Set(["P", "LI", "LBody", "Caption", "BlockQuote"]);
const HYPHENS = new Set(["-", "\u2010"]);
const EDGE_TOLERANCE = 1;
const MAX_EXAMPLES = 10;

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const example = (line: Line, rtl: boolean, by: number): Example => ({ page: line.page + 1, text: lineText(line, rtl), by: round(by, 2) });

/** The line's last visible glyph in reading order. */
function lastGlyph(line: Line, rtl: boolean): Glyph | undefined {
  const vis = line.glyphs.filter((g) => !isSpace(g) && g.x1 - g.x0 > 0.01);
  return rtl ? vis[0] : vis[vis.length - 1];
}

function ladders(paragraphs: readonly Paragraph[]): Typography["ladder"] {
  let longest = 0, hyphenatedLines = 0;
  let best: Example | undefined;
  for (const p of paragraphs) {
    for (const block of p.blocks) {
      let run = 0;
      for (const line of block) {
        const hyphen = HYPHENS.has(lastGlyph(line, p.rtl)?.text ?? "");
        run = hyphen ? run + 1 : 0;
        if (hyphen) hyphenatedLines++;
        if (run > longest) { longest = run; best = example(line, p.rtl, run); }
      }
    }
  }
  return { longest, hyphenatedLines, ...(best ? { example: best } : {}) };
}

/** All measures of an open set of paragraphs. */
export function measure(paragraphs: readonly Paragraph[], pages: number): Typography {
  const frames = framesOf(paragraphs);
  const justified = justifiedParagraphs(frames);
  const gaps: number[] = [];
  let maxExample: Example | undefined;
  let maxGap = 0;
  for (const p of justified) {
    const last = lastLine(p);
    for (const line of p.blocks.flat()) {
      if (line === last) continue;
      for (const gap of wordGaps(line)) {
        gaps.push(gap);
        if (gap > maxGap) { maxGap = gap; maxExample = example(line, p.rtl, gap); }
      }
    }
  }
  const lastLines: Typography["lastLines"] = { judged: 0, away: 0, examples: [] };
  const firstLines: Typography["firstLines"] = { judged: 0, short: 0, examples: [] };
  const shortLines: Typography["shortLines"] = { judged: 0, short: 0, examples: [] };
  for (const p of paragraphs) {
    if (!PARAGRAPH_ROLES.has(p.role) || lineCount(p) < 2) continue;
    const block = p.blocks[p.blocks.length - 1]!;
    const last = block[block.length - 1]!;
    if (block.length >= 2) {
      const others = block.slice(0, -1).map((l) => startOf(l, p.rtl));
      const edge = p.rtl ? Math.max(...others) : Math.min(...others);
      const away = p.rtl ? edge - last.right : last.left - edge;
      lastLines.judged++;
      if (away > EDGE_TOLERANCE) {
        lastLines.away++;
        if (lastLines.examples.length < MAX_EXAMPLES) lastLines.examples.push(example(last, p.rtl, away));
      }
    }
    if (justified.has(p)) {
      const last = lastLine(p);
      for (const block of p.blocks) {
        const blockFrame = frameOfBlock(frames, block);
        if (!blockFrame?.justified || blockFrame.far === undefined) continue;
        for (const line of block) {
          if (line === last) continue;
          const short = p.rtl ? endOf(line, true) - blockFrame.far : blockFrame.far - endOf(line, false);
          shortLines.judged++;
          if (short > EDGE_TOLERANCE) {
            shortLines.short++;
            if (shortLines.examples.length < MAX_EXAMPLES) shortLines.examples.push(example(line, p.rtl, short));
          }
        }
      }
    }
    const firstBlock = p.blocks[0]!;
    const frame = frameOfBlock(frames, firstBlock);
    if (!justified.has(p) || !frame?.justified || frame.far === undefined) continue;
    const first = firstBlock[0]!;
    const short = p.rtl ? endOf(first, true) - frame.far : frame.far - endOf(first, false);
    firstLines.judged++;
    if (short > EDGE_TOLERANCE) {
      firstLines.short++;
      if (firstLines.examples.length < MAX_EXAMPLES) firstLines.examples.push(example(first, p.rtl, short));
    }
  }
  return {
    pages,
    paragraphs: paragraphs.length,
    ladder: ladders(paragraphs),
    gaps: { count: gaps.length, median: round(median(gaps)), max: round(maxGap), ...(maxExample ? { maxExample } : {}) },
    lastLines,
    firstLines,
    shortLines,
  };
}

/** The typography measures of a PDF (items 1–4 of the typography report). */
export async function typographyOf(bytes: Uint8Array): Promise<Typography> {
  const { glyphs, pageCount, lang } = await withPdf(bytes, (doc) => readGlyphs(doc));
  return measure(paragraphsOf(glyphs, lang), pageCount);
}
