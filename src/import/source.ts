/**
 * What an imported file is read into, whatever its format: a flat list of
 * blocks (paragraphs, headings, list items, quotes) made of styled text runs
 * and images. The readers (docx.ts, text.ts) only transcribe; every guess
 * about what a block means is made in interpret.ts.
 */

export type SourceImage = {
  /** 1-based, in document order. */
  number: number;
  /** Trimmed; "" when the image has none. */
  alt: string;
  /** The last words before it, to tell the author which image a message means. */
  after?: string;
  /** File extension for the copy in images/, without the dot. */
  ext: string;
  read: () => Promise<Uint8Array>;
};

/** A run of text (line breaks inside a block are "\n") or an image, with the link it sits in. */
export type Span =
  | { kind: "text"; text: string; bold?: boolean; italic?: boolean; href?: string }
  | { kind: "image"; image: SourceImage; href?: string };

export type TextSpan = Extract<Span, { kind: "text" }>;

export type SourceBlock = {
  /**
   * `title` and `subtitle` are Word's Title and Subtitle styles, `quote` a
   * quotation style or a Markdown block quote, `item` a list item.
   */
  kind: "paragraph" | "heading" | "title" | "subtitle" | "quote" | "item";
  /** Heading level (1–6) or list depth (0 = top). */
  level?: number;
  ordered?: boolean;
  spans: Span[];
  /** Where it is in the source: a paragraph number (Word) or a line number (text). */
  at: number;
  /** What the block was made from when that is worth telling the author, e.g. "a table row". */
  origin?: string;
};

export type SourceDocument = {
  file: string;
  format: "docx" | "text";
  blocks: SourceBlock[];
};

/** "paragraph 7" or "line 7": how a position in the source is named in messages. */
export function where(doc: Pick<SourceDocument, "format">, at: number): string {
  return `${doc.format === "docx" ? "paragraph" : "line"} ${at}`;
}

/** The block's text, without formatting (images left out, links as their text). */
export function plainText(spans: readonly Span[]): string {
  return spans.map((s) => (s.kind === "text" ? s.text : "")).join("");
}

/** The text on one line: line breaks and runs of white space made one space, trimmed. */
export function oneLine(spans: readonly Span[]): string {
  return plainText(spans).replace(/\s+/g, " ").trim();
}

/** The last `n` words of a text, for messages. */
export const lastWords = (text: string, n = 6): string => text.split(/\s+/).filter(Boolean).slice(-n).join(" ");

export const wordCount = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The spans that hold visible text (not white space only). */
const visible = (spans: readonly Span[]) => spans.filter((s) => s.kind === "image" || s.text.trim() !== "");

/** Every visible run is italic (and there is one). */
export const allItalic = (spans: readonly Span[]): boolean => {
  const v = visible(spans);
  return v.length > 0 && v.every((s) => s.kind === "text" && s.italic);
};

/** Every visible run is bold (and there is one). */
export const allBold = (spans: readonly Span[]): boolean => {
  const v = visible(spans);
  return v.length > 0 && v.every((s) => s.kind === "text" && s.bold);
};

export const hasImage = (spans: readonly Span[]): boolean => spans.some((s) => s.kind === "image");
export const hasLink = (spans: readonly Span[]): boolean => spans.some((s) => s.href !== undefined);

/** Opening quotation marks of the languages Pressroom sets. */
export const OPENING_QUOTE = /^["“”„«»‘’‚‹›「『'״]/;

/** Removes the first `count` characters of the spans' text (and white space after them). */
export function dropLeading(spans: readonly Span[], count: number): Span[] {
  const out: Span[] = [];
  let left = count;
  let trimming = true;
  for (const s of spans) {
    if (s.kind !== "text" || (left === 0 && !trimming)) {
      if (s.kind === "image") trimming = false;
      out.push(s);
      continue;
    }
    let text = s.text.slice(Math.min(left, s.text.length));
    left = Math.max(0, left - s.text.length);
    if (left === 0 && trimming) {
      text = text.replace(/^\s+/, "");
      if (text !== "") trimming = false;
    }
    if (text !== "") out.push({ ...s, text });
  }
  return out;
}

/** Trims white space at both ends of a span list. */
export function trimSpans(spans: readonly Span[]): Span[] {
  const out = spans.map((s) => ({ ...s }));
  while (out[0]?.kind === "text" && out[0].text.trim() === "") out.shift();
  while (out.at(-1)?.kind === "text" && (out.at(-1) as TextSpan).text.trim() === "") out.pop();
  const first = out[0];
  if (first?.kind === "text") first.text = first.text.replace(/^\s+/, "");
  const last = out.at(-1);
  if (last?.kind === "text") last.text = last.text.replace(/\s+$/, "");
  return out;
}

/** Splits spans at line breaks ("\n" in text) into lines. */
export function splitLines(spans: readonly Span[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const s of spans) {
    if (s.kind !== "text") {
      lines.at(-1)!.push(s);
      continue;
    }
    s.text.split("\n").forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== "") lines.at(-1)!.push({ ...s, text: part });
    });
  }
  return lines.map(trimSpans).filter((l) => l.length > 0);
}
