/**
 * The body of an imported release: source blocks → Pressroom's blocks, with
 * a note for every guess. The rules:
 *
 * - Headings keep their rank: the highest level used becomes `##`, any lower
 *   one `###`. A short paragraph that is all bold (10 words or fewer, not
 *   ending in . ! ?) is a heading too.
 * - A heading that is the word for "Background" in any language Pressroom has
 *   labels for becomes `## <Background in the release's language>`.
 * - A heading "About <Org>" names the organisation.
 * - Pull quotes: a quotation-styled paragraph (Word's Quote styles, a Markdown
 *   block quote); an all-italic paragraph that opens with a quotation mark;
 *   a paragraph of italic quote + italic name (`*“…”*  *Name, Role*`); or any
 *   paragraph opening with a quotation mark that is followed by an
 *   attribution line. The attribution is a line starting with —, – or -, or a
 *   short all-italic line (12 words or fewer) right after the quote.
 * - List items stay list items; an image becomes a figure of its own.
 */
import { hasLabels, labelInEveryLanguage, labelsFor } from "../../layouts/shared/labels.ts";
import { allBold, allItalic, dropLeading, hasImage, oneLine, OPENING_QUOTE, plainText, splitLines, trimSpans, wordCount, type SourceBlock, type SourceImage, type Span } from "./source.ts";

export type BodyBlock =
  | { kind: "paragraph"; spans: Span[]; at: number }
  | { kind: "heading"; level: 2 | 3; spans: Span[]; at: number }
  | { kind: "pullquote"; quote: Span[]; attribution?: Span[]; at: number }
  | { kind: "item"; ordered: boolean; depth: number; spans: Span[]; at: number }
  | { kind: "figure"; image: SourceImage; at: number };

export type BodyNote = { block: BodyBlock; text: string };

export type Body = { blocks: BodyBlock[]; notes: BodyNote[]; organization?: { name: string; heading: string; at: number } };

const BACKGROUND = new Map(labelInEveryLanguage("background").map((l) => [l.text.toLocaleLowerCase(), l.lang]));
// One-letter words ("O firmie", "О компании") are left out: they start too many other headings.
const ABOUT = /^(?:about|über|à propos d[e’']|a propos d[e’']|acerca de|sobre|про|informazioni su|over|σχετικά με|عن|אודות)\s+(.+)$/iu;
const DASH = /^\s*[—–-]{1,2}\s*/;

const headingText = (spans: readonly Span[]) => oneLine(spans).replace(/\s*:$/, "");

/** A short all-bold paragraph reads as a heading. */
const boldLine = (b: SourceBlock) => b.kind === "paragraph" && allBold(b.spans) && !hasImage(b.spans) && wordCount(oneLine(b.spans)) <= 10 && !/[.!?…]$/.test(oneLine(b.spans));

/** An attribution line: starts with a dash, or (when `italicName`) is a short all-italic line. */
function isAttribution(spans: readonly Span[], italicName: boolean): boolean {
  const text = oneLine(spans);
  if (text === "" || hasImage(spans)) return false;
  if (DASH.test(text) && wordCount(text) <= 20) return true;
  return italicName && allItalic(spans) && wordCount(text) <= 12 && !OPENING_QUOTE.test(text) && !/[.!?]$/.test(text);
}

/** Without the leading dash, and without italic (the layout sets the attribution). */
const attributionSpans = (spans: readonly Span[]): Span[] => plain(dropLeading(trimSpans(spans), DASH.exec(plainText(trimSpans(spans)))?.[0].length ?? 0));
/** Without italic: a pull quote is set in the layout's style. */
const plain = (spans: readonly Span[]): Span[] => spans.map((s) => (s.kind === "text" ? { ...s, italic: undefined } : s));

export function convertBody(blocks: readonly SourceBlock[], lang: string, format: "docx" | "text"): Body {
  const out: BodyBlock[] = [];
  const notes: BodyNote[] = [];
  let organization: Body["organization"];
  const note = (block: BodyBlock, text: string) => notes.push({ block, text });

  const levels = [...new Set(blocks.filter((b) => b.kind === "heading" || b.kind === "title").map((b) => (b.kind === "title" ? 0 : b.level ?? 1)))].sort((a, b) => a - b);
  const rank = (b: SourceBlock): 2 | 3 => (boldLine(b) ? 2 : levels.indexOf(b.kind === "title" ? 0 : b.level ?? 1) <= 0 ? 2 : 3);

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;

    if ((b.kind === "heading" || b.kind === "title" || boldLine(b)) && !hasImage(b.spans)) {
      const text = headingText(b.spans);
      const level = rank(b);
      const why = b.kind === "paragraph" ? `bold line “${text}”` : b.kind === "title" ? "a second Title-styled paragraph" : `heading “${text}”`;
      const backgroundLang = BACKGROUND.get(text.toLocaleLowerCase());
      if (backgroundLang) {
        const label = hasLabels(lang) ? labelsFor(lang).background : sentenceCase(text);
        const heading: BodyBlock = { kind: "heading", level: 2, spans: [{ kind: "text", text: label }], at: b.at };
        out.push(heading);
        note(heading, `## ${label} ← ${why}`);
        continue;
      }
      const heading: BodyBlock = { kind: "heading", level, spans: plainStrong(trimColon(b.spans)), at: b.at };
      out.push(heading);
      const about = ABOUT.exec(text);
      if (about && !organization && !/^(?:us|the organi[sz]ation)$/i.test(about[1]!)) {
        organization = { name: about[1]!.trim(), heading: text, at: b.at };
      }
      if (b.kind === "paragraph") note(heading, `${"#".repeat(level)} ${text} ← ${why}`);
      continue;
    }

    if (b.kind === "item") {
      const items = withFigures(b, (spans) => ({ kind: "item", ordered: b.ordered === true, depth: b.level ?? 0, spans, at: b.at }));
      if (b.origin && items[0]) note(items[0], `list item ← ${b.origin}`);
      out.push(...items);
      continue;
    }

    // Pull quotes.
    const quote = pullQuote(blocks, i, format === "docx" ? "the Quote style" : "a block quote");
    if (quote) {
      out.push(quote.block);
      note(quote.block, `pull quote ← ${quote.why}`);
      i += quote.used - 1;
      continue;
    }

    // About <Org> as bold words opening a paragraph.
    const first = b.spans.find((s) => s.kind === "image" || s.text.trim() !== "");
    if (!organization && first?.kind === "text" && first.bold) {
      const about = ABOUT.exec(first.text.trim().replace(/[:.]$/, ""));
      if (about && wordCount(about[1]!) <= 8) organization = { name: about[1]!.trim(), heading: first.text.trim(), at: b.at };
    }
    const paragraphs = withFigures(b, (spans) => ({ kind: "paragraph", spans, at: b.at }));
    if (b.origin && paragraphs[0]) note(paragraphs[0], `paragraph ← ${b.origin}`);
    out.push(...paragraphs);
  }
  return { blocks: out, notes, ...(organization ? { organization } : {}) };
}

/** A pull quote starting at `blocks[i]`, and how many blocks it takes. */
function pullQuote(blocks: readonly SourceBlock[], i: number, quoted: string): { block: BodyBlock; used: number; why: string } | undefined {
  const b = blocks[i]!;
  if (hasImage(b.spans)) return undefined;
  const text = oneLine(b.spans);
  const make = (quote: Span[], attribution: Span[] | undefined, used: number, why: string) => {
    const a = attribution ? attributionSpans(attribution) : undefined;
    const block: BodyBlock = { kind: "pullquote", quote: plain(trimSpans(quote)), ...(a && oneLine(a) ? { attribution: a } : {}), at: b.at };
    return { block, used, why };
  };

  if (b.kind === "quote") {
    // Consecutive quotation paragraphs are one quote; its last line or the next paragraph may be the attribution.
    let j = i;
    const parts: Span[][] = [];
    while (blocks[j]?.kind === "quote" && !hasImage(blocks[j]!.spans)) parts.push(...splitLines(blocks[j++]!.spans));
    const last = parts.at(-1);
    if (parts.length > 1 && last && isAttribution(last, false)) return make(joinLines(parts.slice(0, -1)), last, j - i, `${quoted} with a dash attribution line`);
    const after = blocks[j];
    if (after?.kind === "paragraph" && isAttribution(after.spans, true)) return make(joinLines(parts), after.spans, j - i + 1, `${quoted} followed by an attribution line`);
    return make(joinLines(parts), undefined, j - i, quoted);
  }
  if (b.kind !== "paragraph") return undefined;

  // `*“Quote”*  *Name, Role*`: italic quote, white space, italic name, nothing else.
  const segments = italicSegments(b.spans);
  if (segments && segments.length >= 2) {
    const name = segments.at(-1)!;
    if (wordCount(oneLine(name)) <= 12 && !OPENING_QUOTE.test(oneLine(name))) return make(joinLines(segments.slice(0, -1)), name, 1, "an italic quotation and an italic name on one line");
  }

  const lines = splitLines(b.spans);
  const opensWithQuote = OPENING_QUOTE.test(text);
  // A quotation with the attribution on its last line.
  if (opensWithQuote && lines.length > 1 && isAttribution(lines.at(-1)!, allItalic(b.spans))) {
    return make(joinLines(lines.slice(0, -1)), lines.at(-1), 1, "a quotation with an attribution line");
  }
  const after = blocks[i + 1];
  const italic = allItalic(b.spans);
  if (opensWithQuote && after?.kind === "paragraph" && isAttribution(after.spans, italic)) {
    return make(b.spans, after.spans, 2, `${italic ? "an italic quotation" : "a quotation"} followed by an attribution line`);
  }
  if (opensWithQuote && italic) return make(b.spans, undefined, 1, "an italic paragraph in quotation marks");
  return undefined;
}

/** The paragraph's italic runs, when it is only italic runs separated by white space (two or more). */
function italicSegments(spans: readonly Span[]): Span[][] | undefined {
  const segments: Span[][] = [];
  let open = false;
  for (const s of spans) {
    if (s.kind !== "text") return undefined;
    if (s.italic && (open || s.text.trim() !== "")) {
      if (!open) segments.push([]);
      segments.at(-1)!.push(s);
      open = true;
    } else if (s.text.trim() === "") open = false;
    else return undefined;
  }
  return segments.length >= 2 ? segments : undefined;
}

function joinLines(lines: readonly Span[][]): Span[] {
  return lines.flatMap((l, i) => (i > 0 ? [{ kind: "text", text: " " } as Span, ...l] : l));
}

/** Splits out images as figures of their own, keeping the text around them. */
function withFigures(b: SourceBlock, make: (spans: Span[]) => BodyBlock): BodyBlock[] {
  const out: BodyBlock[] = [];
  let run: Span[] = [];
  const flush = () => {
    if (run.some((s) => s.kind === "text" && s.text.trim() !== "")) out.push(make(trimSpans(run)));
    run = [];
  };
  for (const s of b.spans) {
    if (s.kind === "image") {
      flush();
      out.push({ kind: "figure", image: s.image, at: b.at });
    } else run.push(s);
  }
  flush();
  return out;
}

const trimColon = (spans: readonly Span[]): Span[] => {
  const t = trimSpans(spans);
  const last = t.at(-1);
  if (last?.kind === "text") t[t.length - 1] = { ...last, text: last.text.replace(/\s*:$/, "") };
  return t;
};

/** A heading is bold already: its runs lose bold (and keep italic and links). */
const plainStrong = (spans: readonly Span[]): Span[] => spans.map((s) => (s.kind === "text" ? { ...s, bold: undefined } : s));

/** "BACKGROUND" → "Background"; text with lower-case letters is kept. */
function sentenceCase(text: string): string {
  return /\p{Ll}/u.test(text) ? text : text[0]! + text.slice(1).toLocaleLowerCase();
}
