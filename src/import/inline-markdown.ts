/**
 * Styled text runs → one line of Markdown that Pressroom's parser reads back
 * as the same text: `*italic*`, `**bold**`, `[text](url)`, and every
 * character that Markdown would take as syntax escaped (`\*`, `\_`, `\[`,
 * `\<`, `\|`, `\&` before an entity, and `#`, `>`, `-`, `+`, `1.` at the start
 * of the line).
 *
 * Emphasis delimiters are subtle (CommonMark's flanking rules), so every line
 * is parsed back: when its text differs from the source's, the line is
 * written again without bold and italic, then without links, and the caller
 * is told what was given up. Text is never lost, formatting may be.
 */
import type { Node } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Span, TextSpan } from "./source.ts";

export type InlineResult = {
  markdown: string;
  /** What had to be given up for the text to survive, e.g. "bold and italic". */
  dropped?: string;
  /** Link addresses Pressroom does not accept (not http, https or mailto), kept as text. */
  badLinks: string[];
};

/** Addresses Pressroom's parser accepts as links (see src/parse/inlines.ts). */
export const isAcceptedHref = (href: string): boolean => /^https?:\/\/[^/?#\s]+/i.test(href) || /^mailto:[^@\s]+@[^@\s]+/i.test(href);

/** Text with every Markdown-special character escaped (inside a line). */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, "\\$&").replace(/&(?=#?[a-z0-9]+;)/gi, "\\&");
}

/** Escapes what would start a block at the beginning of a line: `#`, `>`, `-`, `+`, `~`, `=`, `1.`, `1)`. */
export function escapeLineStart(line: string): string {
  if (/^[#>+\-~=]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** The runs as one line of Markdown; `atLineStart` when the line begins with it (not after `## ` or `> `). */
export function inlineMarkdown(spans: readonly Span[]): InlineResult {
  const runs = normalise(spans);
  const expected = runs.map((r) => r.text).join("");
  const badLinks = [...new Set(runs.map((r) => r.href).filter((h): h is string => h !== undefined && !isAcceptedHref(h)))];
  const attempts: { style: boolean; links: boolean; dropped?: string }[] = [
    { style: true, links: true },
    { style: false, links: true, dropped: "bold and italic" },
    { style: false, links: false, dropped: "bold, italic and links" },
  ];
  for (const attempt of attempts) {
    const markdown = escapeLineStart(write(runs, attempt.style, attempt.links));
    if (textOfMarkdown(markdown) === expectedText(runs, attempt.links)) {
      return { markdown, ...(attempt.dropped ? { dropped: attempt.dropped } : {}), badLinks };
    }
  }
  // Plain escaped text always reads back as itself; kept as a last resort.
  return { markdown: escapeLineStart(escapeText(expected)), dropped: "all formatting", badLinks };
}

/** One space for any run of white space (a release is reflowed), trimmed, neighbours with the same style merged. */
function normalise(spans: readonly Span[]): TextSpan[] {
  const out: TextSpan[] = [];
  for (const s of spans) {
    if (s.kind !== "text") continue;
    const text = s.text.replace(/[ \t\n\r\f\v]+/g, " ");
    const last = out.at(-1);
    const run: TextSpan = { kind: "text", text, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}), ...(s.href ? { href: s.href } : {}) };
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += text;
    else out.push(run);
  }
  for (let i = 0; i < out.length; i++) {
    const run = out[i]!;
    if (i > 0 && out[i - 1]!.text.endsWith(" ")) run.text = run.text.replace(/^ +/, "");
  }
  if (out[0]) out[0].text = out[0].text.replace(/^ +/, "");
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/ +$/, "");
  return out.filter((r) => r.text !== "");
}

/** What the line must read back as: links that are written as `text (address)` include the address. */
function expectedText(runs: readonly TextSpan[], links: boolean): string {
  return groups(runs)
    .map((g) => g.runs.map((r) => r.text).join("") + (g.href && (!links || !isAcceptedHref(g.href)) ? addressSuffix(g) : ""))
    .join("");
}

/** " (address)" after a link's text when the link cannot be kept, unless the text is the address. */
function addressSuffix(g: { href?: string; runs: TextSpan[] }): string {
  const text = g.runs.map((r) => r.text).join("");
  const href = g.href ?? "";
  if (href === "" || href.startsWith("#") || text.includes(href.replace(/^mailto:/i, ""))) return "";
  return ` (${href})`;
}

/** The runs cut where their link changes. */
function groups(runs: readonly TextSpan[]): { href?: string; runs: TextSpan[] }[] {
  return stretches(runs, (r) => r.href).map(({ key, runs: part }) => ({ ...(key ? { href: key } : {}), runs: part }));
}

function write(runs: readonly TextSpan[], style: boolean, links: boolean): string {
  return groups(runs)
    .map((g) => {
      const inner = styled(g.runs, style);
      if (!g.href) return inner;
      if (links && isAcceptedHref(g.href) && inner.trim() !== "") {
        const [lead, core, trail] = splitSpace(inner);
        return `${lead}[${core}](${destination(g.href)})${trail}`;
      }
      return inner + escapeText(addressSuffix(g));
    })
    .join("");
}

/** Bold outside, italic inside; white space at the ends moved out of the delimiters. */
function styled(runs: readonly TextSpan[], style: boolean): string {
  if (!style) return runs.map((r) => escapeText(r.text)).join("");
  return stretches(runs, (r) => r.bold === true)
    .map(({ key: bold, runs: part }) => (bold ? wrap(italics(part), "**") : italics(part)))
    .join("");
}

function italics(runs: readonly TextSpan[]): string {
  return stretches(runs, (r) => r.italic === true)
    .map(({ key: italic, runs: part }) => {
      const text = part.map((r) => escapeText(r.text)).join("");
      return italic ? wrap(text, "*") : text;
    })
    .join("");
}

/** The runs cut where `keyOf` changes, each stretch with its key. */
function stretches<K>(runs: readonly TextSpan[], keyOf: (r: TextSpan) => K): { key: K; runs: TextSpan[] }[] {
  const out: { key: K; runs: TextSpan[] }[] = [];
  for (const r of runs) {
    const key = keyOf(r);
    const last = out.at(-1);
    if (last && last.key === key) last.runs.push(r);
    else out.push({ key, runs: [r] });
  }
  return out;
}

function wrap(text: string, delimiter: string): string {
  const [lead, core, trail] = splitSpace(text);
  return core === "" ? text : `${lead}${delimiter}${core}${delimiter}${trail}`;
}

function splitSpace(text: string): [string, string, string] {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return [m[1]!, m[2]!, m[3]!];
}

/** A link destination with the characters that would end or break it percent-encoded. */
function destination(href: string): string {
  return href.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** The text a line of Markdown reads back as, or "" unless it is exactly one paragraph. */
export function textOfMarkdown(markdown: string): string {
  const root = fromMarkdown(markdown);
  const only = root.children[0];
  if (root.children.length !== 1 || only?.type !== "paragraph") return "\u0000not one paragraph";
  return textOf(only);
}

function textOf(node: Node): string {
  if ("value" in node && typeof node.value === "string") return node.type === "html" ? "\u0000html" : node.value;
  if ("children" in node && Array.isArray(node.children)) return (node.children as Node[]).map(textOf).join("");
  return "";
}
