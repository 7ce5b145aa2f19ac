/**
 * Hyphen ladders: more than two lines in a row of one paragraph that end in
 * a hyphen. textkit's Knuth–Plass line breaker (7.0.1) gives consecutive
 * hyphenated lines only 100 extra demerits against a hyphen penalty of
 * 100² (TeX uses 10 000), and react-pdf lets a layout set neither, so
 * ladders are common. Pressroom finds them after laying the body out and
 * asks for the word that made the third rung to be kept whole; laid out
 * again, the paragraph breaks elsewhere.
 */
import { logicalLine } from "./logical.ts";
import type { LayoutNode, Line } from "./tree.ts";

/** Most hyphenated line ends in a row. */
export const MAX_HYPHENS_IN_A_ROW = 2;

const LETTER = /[\p{L}\p{M}]/u;
const HYPHENS = new Set(["-", "\u2010"]);
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;

/** The line's logical text, and whether it ends in a visible hyphen (inserted between letters, or the source's own). */
function lineEnd(line: Line): { text: string; hyphen: boolean; inserted: boolean } {
  const { text, inserted } = logicalLine(line);
  let end = text.length - 1;
  while (end >= 0 && text[end]!.trim() === "") end--;
  const last = text[end] ?? "";
  const wasInserted = inserted.has(end);
  const hyphen = HYPHENS.has(last) && (!wasInserted || LETTER.test(text[end - 1] ?? ""));
  return { text: (wasInserted ? text.slice(0, end) : text).join(""), hyphen, inserted: wasInserted };
}

/** The word broken between two lines: the end of one and the start of the next. */
function brokenWord(before: string, after: string): string[] {
  const head = before.split(/\s+/u).pop() ?? "";
  const tail = after.trimStart().split(/\s+/u)[0] ?? "";
  return [...`${head}${tail}`.matchAll(WORD)].map((m) => m[0]);
}

/** For one paragraph's lines: the words that made a rung past the limit, one per ladder. */
export function ladderRungs(lines: readonly Line[], max = MAX_HYPHENS_IN_A_ROW): string[] {
  const ends = lines.map(lineEnd);
  const words: string[] = [];
  let run = 0;
  let fixed = false;
  ends.forEach((end, i) => {
    run = end.hyphen ? run + 1 : 0;
    if (run === 0) fixed = false;
    // Only a break that hyphenation made can move; a hard hyphen stays where the author put it.
    if (run > max && !fixed && end.inserted && i + 1 < ends.length) {
      words.push(...brokenWord(end.text, ends[i + 1]!.text));
      fixed = true;
    }
  });
  return words;
}

/** The longest run of hyphenated line ends in one paragraph. */
export function longestLadder(lines: readonly Line[]): number {
  let longest = 0;
  let run = 0;
  for (const line of lines) {
    run = lineEnd(line).hyphen ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Per paragraph (its `paragraphKey`) in a laid-out flow: the words to keep whole so that no ladder is left. */
export function findLadders(nodes: readonly LayoutNode[], out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const node of nodes) {
    const id = node.props?.paragraphKey;
    if (node.type === "TEXT" && id && node.lines?.length) {
      const words = ladderRungs(node.lines);
      if (words.length) out.set(id, new Set([...(out.get(id) ?? []), ...words]));
    }
    if (node.children) findLadders(node.children, out);
  }
  return out;
}
