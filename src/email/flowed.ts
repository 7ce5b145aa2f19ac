/**
 * Plain text as `format=flowed` (RFC 3676, DelSp=no): paragraphs are cut
 * into lines of at most `WIDTH` characters, each cut line ending in a space
 * (a soft break). A client that knows format=flowed (Thunderbird, Apple Mail,
 * mailparser) joins the lines again and re-wraps them to its window; any
 * other client shows short lines that read well as they are.
 *
 * Constraints kept here:
 * - Lines break only at ASCII spaces, never at a no-break space (U+00A0,
 *   U+202F: "10 km", "« mot »"), never inside a word or an address. A word
 *   longer than a line (a long URL) gets a line of its own.
 * - A line that ends a paragraph (a hard break) has no trailing space.
 * - Quoted lines start with ">" per level and then one space (the stuffing
 *   space); an unquoted line that starts with a space, ">" or "From " gets
 *   a stuffing space too, so it is not read as a quote or mangled by mbox.
 * - Text stays in logical order: right-to-left text is never reordered.
 * Width is counted in code points, which is close enough for alphabetic scripts.
 */

/** RFC 3676 recommends at most 78 characters, and 66–72 for reading. */
export const WIDTH = 72;

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Collapses ASCII white space (line breaks included) to single spaces; no-break spaces stay. */
export const collapseSpaces = (text: string): string => text.replace(/[ \t\r\n]+/g, " ").trim();

function stuffed(line: string, quoteDepth: number): string {
  if (quoteDepth > 0) return `${">".repeat(quoteDepth)} ${line}`;
  return /^( |>|From )/.test(line) ? ` ${line}` : line;
}

/**
 * One paragraph as flowed lines (without line ends). `quoteDepth` > 0 quotes
 * it. An empty paragraph gives one empty line (or a bare quote marker).
 */
export function flowParagraph(text: string, quoteDepth = 0, width = WIDTH): string[] {
  const words = collapseSpaces(text).split(" ").filter(Boolean);
  // Room for the quote marker and stuffing space, and for the soft break's trailing space.
  const room = Math.max(20, width - (quoteDepth > 0 ? quoteDepth + 1 : 1) - 1);
  const lines: string[] = [];
  let line = "";
  let length = 0;
  for (const word of words) {
    const n = codePoints(word);
    if (line && length + 1 + n > room) {
      lines.push(`${line} `); // soft break: the space stays, the reader joins the lines
      line = word;
      length = n;
    } else {
      line = line ? `${line} ${word}` : word;
      length += (length ? 1 : 0) + n;
    }
  }
  lines.push(line);
  return lines.map((l) => stuffed(l, quoteDepth)).map((l) => (l === "-- " ? "--" : l));
}

/** Paragraphs (each already flowed) joined by an empty line, CRLF line ends as RFC 5322 wants. */
export function joinParagraphs(paragraphs: readonly (readonly string[])[]): string {
  return paragraphs.map((p) => p.join("\r\n")).join("\r\n\r\n") + "\r\n";
}
