/**
 * mdast phrasing content → `Inline[]`, in two steps:
 *
 * 1. `convertPhrasing` maps nodes one to one and keeps text as written (line
 *    breaks included), each text with a locator so it can be split exactly.
 * 2. `finishInlines` turns `[phrase]{lang=xx}` into language spans, then makes
 *    white space uniform: soft and hard line breaks and runs of ASCII white
 *    space become one space (a hard break is not kept: a release is reflowed
 *    text), and the run is trimmed. Non-breaking spaces and typographic
 *    characters are kept as written.
 */
import type { Link, PhrasingContent } from "mdast";
import type { Inline, Position } from "../model/release.ts";
import type { BodyContext, Locator } from "./context.ts";
import { canonicalLanguageTag, languageTagHint } from "./language-tag.ts";

type Text = Extract<Inline, { kind: "text" }>;

const ASCII_SPACE = /[ \t\r\n\f]+/g;
const HTML_COMMENTS = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;

/** Step 1: mdast phrasing nodes → raw inlines. Unsupported nodes are reported and dropped. */
export function convertPhrasing(nodes: readonly PhrasingContent[], ctx: BodyContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const pos = ctx.pos(node);
    switch (node.type) {
      case "text":
        out.push(makeText(ctx, node.value, pos, ctx.locatorFor(node)));
        break;
      case "break":
        // Kept as a line end for now: pull-quote attributions are found by line.
        out.push(makeText(ctx, "\n", pos));
        break;
      case "emphasis":
        out.push({ kind: "emphasis", children: convertPhrasing(node.children, ctx), pos });
        break;
      case "strong":
        out.push({ kind: "strong", children: convertPhrasing(node.children, ctx), pos });
        break;
      case "link":
        pushLink(out, node.url, node.children, pos, ctx);
        break;
      case "linkReference": {
        const definition = ctx.definitions.get(node.identifier);
        if (definition) pushLink(out, definition.url, node.children, pos, ctx);
        else out.push(makeText(ctx, ctx.sourceOf(node), pos));
        break;
      }
      case "image":
      case "imageReference":
        ctx.error(pos, "an image must stand in a paragraph of its own, not inside text", "put a blank line before and after the image line `![alt](path)`");
        break;
      case "inlineCode":
        ctx.error(pos, "inline code (`backticks`) is not supported in a press release", "remove the backticks; for a name or a term use *emphasis*");
        break;
      case "html":
        if (!HTML_COMMENTS.test(node.value)) {
          ctx.error(pos, `HTML (\`${shorten(node.value)}\`) is not supported in a press release`, "use Markdown instead: *emphasis*, **strong**, [text](https://…); a line break becomes a space anyway");
        }
        break;
      default:
        ctx.error(pos, `${node.type} is not supported in a press release`, "use plain text, *emphasis*, **strong** and [links](https://…)");
    }
  }
  return out;
}

function pushLink(out: Inline[], url: string, children: PhrasingContent[], pos: Position, ctx: BodyContext): void {
  const inner = convertPhrasing(children, ctx);
  const problem = checkHref(url);
  if (problem) {
    ctx.error(pos, problem.message, problem.hint);
    out.push(...inner);
    return;
  }
  if (inner.every((i) => i.kind === "text" && i.text.trim() === "")) {
    ctx.error(pos, `the link to ${url} has no text`, `write the words to click in the brackets: [our report](${url})`);
    return;
  }
  out.push({ kind: "link", href: url, children: inner, pos } satisfies Inline);
}

function checkHref(url: Link["url"]): { message: string; hint: string } | undefined {
  const href = url.trim();
  if (href === "") return { message: "the link has no address", hint: "put the address in the parentheses: [text](https://example.org/page)" };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") {
    if (/^https?:\/\/[^/?#\s]+/i.test(href)) return undefined;
    return { message: `the link address \`${href}\` has no host name`, hint: "write the full address, e.g. https://example.org/page" };
  }
  if (scheme === "mailto") {
    if (/^mailto:[^@\s]+@[^@\s]+/i.test(href)) return undefined;
    return { message: `the e-mail link \`${href}\` has no address`, hint: "write it as [write to us](mailto:press@example.org)" };
  }
  if (scheme !== undefined) {
    return { message: `links with \`${scheme}:\` are not allowed`, hint: "use an http, https or mailto link" };
  }
  if (/^www\.|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(href)) {
    return { message: `the link address \`${href}\` has no https://`, hint: `write the full address: https://${href}` };
  }
  if (/^[^\s@/]+@[^\s@/]+\.[a-z]+$/i.test(href)) {
    return { message: `the e-mail link \`${href}\` has no mailto:`, hint: `write it as mailto:${href}` };
  }
  return {
    message: `the link \`${href}\` is a relative address, which a PDF cannot follow`,
    hint: "link to a full https:// address (or mailto: for e-mail)",
  };
}

/** Step 2: language spans, then uniform white space; trimmed at both ends. */
export function finishInlines(raw: readonly Inline[], ctx: BodyContext): Inline[] {
  const spans = resolveLangSpans(raw, ctx);
  reportDetachedAttributes(spans, ctx);
  const normalized = normalizeSpace(spans, { afterSpace: true }, ctx);
  trimEnd(normalized);
  return prune(normalized);
}

// --- text helpers ----------------------------------------------------------

function makeText(ctx: BodyContext, text: string, pos: Position, locator?: Locator): Text {
  const t: Text = { kind: "text", text, pos };
  ctx.locators.set(t, locator ?? (() => pos));
  return t;
}

/** Position of character `index` of a raw text inline. */
export function locate(ctx: BodyContext, t: Text, index: number): Position {
  return ctx.locators.get(t)?.(index) ?? t.pos;
}

/** `t.text.slice(start, end)` as a new text inline, with its exact position. */
export function sliceText(ctx: BodyContext, t: Text, start: number, end = t.text.length): Text {
  const locator = ctx.locators.get(t);
  return makeText(ctx, t.text.slice(start, end), locate(ctx, t, start), locator ? (i) => locator(i + start) : undefined);
}

function shorten(s: string): string {
  const one = s.replace(ASCII_SPACE, " ").trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

// --- language spans --------------------------------------------------------

/** `]{lang=uk}`, optionally with quotes and spaces inside the braces. */
const LANG_CLOSE = /^\]\{\s*lang\s*=\s*"?([^\s}"]*)"?\s*\}/;
/** The start of a `{lang=…` attribute, up to its tag. */
const LANG_OPEN = /^\]\{\s*lang\s*=\s*"?[^\s}"]*"?/;
const LANG_HINT = "write a phrase in another language as [phrase]{lang=uk}";

type Opener = { index: number; pos: Position; bracket: Text };

function resolveLangSpans(items: readonly Inline[], ctx: BodyContext): Inline[] {
  const out: Inline[] = [];
  const open: Opener[] = [];
  /** An unmatched `[` stays literal text. */
  const restore = (o: Opener) => out.splice(o.index, 0, o.bracket);

  for (const item of items) {
    if (item.kind !== "text") {
      out.push({ ...item, children: resolveLangSpans(item.children, ctx) } as Inline);
      continue;
    }
    const v = item.text;
    let segStart = 0;
    const flush = (end: number) => {
      if (end > segStart) out.push(sliceText(ctx, item, segStart, end));
    };
    for (let i = 0; i < v.length; i++) {
      const ch = v[i];
      if (ch === "[") {
        flush(i);
        open.push({ index: out.length, pos: locate(ctx, item, i), bracket: sliceText(ctx, item, i, i + 1) });
        segStart = i + 1;
      } else if (ch === "]" && v[i + 1] === "{") {
        const m = LANG_CLOSE.exec(v.slice(i));
        flush(i);
        const opener = open.pop();
        if (!m) {
          const langStart = LANG_OPEN.exec(v.slice(i));
          let attrEnd: number; // index of the attribute's last character
          if (langStart) {
            attrEnd = i + langStart[0].length - 1;
            ctx.error(locate(ctx, item, i + 1), `the language attribute \`${langStart[0].slice(1).trim()}\` is not closed`, `close it with \`}\` right after the tag; ${LANG_HINT}`);
          } else {
            const close = v.indexOf("}", i);
            attrEnd = close === -1 ? v.length - 1 : close;
            ctx.error(locate(ctx, item, i + 1), `\`${shorten(v.slice(i + 1, attrEnd + 1))}\` after a bracketed phrase is not a language attribute`, `the only attribute is lang; ${LANG_HINT}`);
          }
          if (opener) restore(opener);
          // Keep the `]` as text; drop the attribute so it is not reported again.
          out.push(sliceText(ctx, item, i, i + 1));
          i = attrEnd;
          segStart = i + 1;
          continue;
        }
        const end = i + m[0].length;
        const tagText = m[1] ?? "";
        if (!opener) {
          ctx.error(locate(ctx, item, i), `\`${m[0]}\` has no opening \`[\``, `wrap the phrase in brackets: [phrase]${m[0].slice(1)}`);
        } else {
          const children = out.splice(opener.index);
          const lang = canonicalLanguageTag(tagText);
          if (tagText === "") {
            ctx.error(opener.pos, "the language span has no language tag", `${LANG_HINT}`);
            out.push(...children);
          } else if (!lang) {
            ctx.error(locate(ctx, item, i + m[0].indexOf(tagText, 2)), `\`${tagText}\` is not a valid BCP 47 language tag`, languageTagHint(tagText, (t) => `{lang=${t}}`));
            out.push(...children);
          } else if (children.every((c) => c.kind === "text" && c.text.trim() === "")) {
            ctx.error(opener.pos, "the language span is empty", `put the phrase inside the brackets: [Слава Україні]{lang=${lang}}`);
          } else {
            out.push({ kind: "lang", lang, children, pos: opener.pos });
          }
        }
        i = end - 1;
        segStart = end;
      } else if (ch === "]") {
        const opener = open.pop();
        if (opener) restore(opener);
      }
    }
    flush(v.length);
  }
  for (const o of open.reverse()) restore(o);
  return out;
}

/** `{lang=…}` left in text: a space between `]` and `{`, or no brackets at all. */
function reportDetachedAttributes(items: readonly Inline[], ctx: BodyContext): void {
  for (const item of items) {
    if (item.kind !== "text") {
      reportDetachedAttributes(item.children, ctx);
      continue;
    }
    const m = /\{\s*lang\s*=[^}]*\}?/.exec(item.text);
    if (m) {
      ctx.error(locate(ctx, item, m.index), `\`${shorten(m[0])}\` does not follow a bracketed phrase`, `${LANG_HINT}, with no space between \`]\` and \`{\``);
    }
  }
}

// --- white space -----------------------------------------------------------

function normalizeSpace(items: readonly Inline[], state: { afterSpace: boolean }, ctx: BodyContext): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    if (item.kind === "text") {
      let text = item.text.replace(ASCII_SPACE, " ");
      let pos = item.pos;
      if (state.afterSpace && text.startsWith(" ")) {
        text = text.slice(1);
        const skipped = /^[ \t\r\n\f]*/.exec(item.text)?.[0].length ?? 0;
        if (text !== "") pos = locate(ctx, item, skipped);
      }
      if (text !== "") state.afterSpace = text.endsWith(" ");
      out.push({ kind: "text", text, pos });
    } else {
      out.push({ ...item, children: normalizeSpace(item.children, state, ctx) } as Inline);
    }
  }
  return out;
}

/** Removes trailing white space of the run, recursing into the last inline. */
function trimEnd(items: Inline[]): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!item) continue;
    if (item.kind === "text") {
      item.text = item.text.replace(/ +$/, "");
      if (item.text !== "") return;
    } else {
      trimEnd(item.children);
      if (item.children.length > 0 && hasText(item.children)) return;
    }
  }
}

function hasText(items: readonly Inline[]): boolean {
  return items.some((i) => (i.kind === "text" ? i.text !== "" : hasText(i.children)));
}

/** Drops empty texts and emptied containers; merges neighbouring texts. */
function prune(items: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    if (item.kind === "text") {
      if (item.text === "") continue;
      const last = out[out.length - 1];
      if (last?.kind === "text") last.text += item.text;
      else out.push(item);
    } else {
      const children = prune(item.children);
      if (children.length > 0) out.push({ ...item, children } as Inline);
    }
  }
  return out;
}
