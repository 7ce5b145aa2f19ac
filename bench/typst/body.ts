/**
 * Pressroom's parsed body (`Block[]`, `Inline[]`) → Typst markup.
 *
 * Every element is written in function form (`#emph[…]`, `#link("…")[…]`,
 * `#list(…)`) rather than with markup shorthands (`_…_`, `- `), because
 * shorthands depend on what surrounds them (`_` cannot open emphasis
 * inside a word; `- ` is a list only at a line start). Text is escaped by
 * `escapeMarkup`, which also makes the characters after a `]` safe.
 * The styles these elements get are set once in the preamble (document.ts).
 */
import { pullQuoteRepeatsBody } from "../../src/compose/pullquote.ts";
import type { Block, Inline, Release } from "../../src/model/release.ts";
import { escapeMarkup, langArgs, typstString } from "./escape.ts";

export function inlinesToTypst(inlines: readonly Inline[]): string {
  return inlines.map(inlineToTypst).join("");
}

function inlineToTypst(i: Inline): string {
  switch (i.kind) {
    case "text":
      return escapeMarkup(i.text);
    case "strong":
      return `#strong[${inlinesToTypst(i.children)}]`;
    case "emphasis":
      return `#emph[${inlinesToTypst(i.children)}]`;
    case "link":
      // Body links are underlined (as in the handout); the contact's e-mail link is not (document.ts).
      return `#link(${typstString(i.href)})[#underline[${inlinesToTypst(i.children)}]]`;
    case "lang":
      // Typst tags a language change in the structure tree as Pressroom's `Span /Lang` does.
      return `#text(${langArgs(i.lang)})[${inlinesToTypst(i.children)}]`;
  }
}

/** Content-block argument: `[…]`. */
const content = (markup: string) => `[${markup}]`;

/**
 * The body blocks, one per paragraph break. `lead` is markup put before the
 * first paragraph's text (the bold dateline), as Pressroom's `Lede` does.
 */
export function blocksToTypst(release: Release, blocks: readonly Block[], lead = ""): string {
  const out: string[] = [];
  blocks.forEach((b, index) => out.push(blockToTypst(release, b, index === 0 ? lead : "")));
  return out.join("\n\n");
}

function blockToTypst(release: Release, b: Block, lead: string): string {
  switch (b.kind) {
    case "paragraph":
      return `${lead}${inlinesToTypst(b.inlines)}`;
    case "heading":
      return `#heading(level: ${b.level})${content(inlinesToTypst(b.inlines))}`;
    case "pullquote":
      return pullQuoteToTypst(release, b);
    case "quote":
      return `#quote(block: true)${content(blocksToTypst(release, b.blocks))}`;
    case "list": {
      const items = b.items.map((item) => content(blocksToTypst(release, item))).join(", ");
      return b.ordered
        ? `#enum(${b.start !== undefined && b.start !== 1 ? `start: ${b.start}, ` : ""}${items})`
        : `#list(${items})`;
    }
    case "figure": {
      // Absolute path: the compiler's workspace is `/` (see compile.ts).
      const image = `image(${typstString(b.src)}, alt: ${typstString(b.alt)}, width: 100%)`;
      const caption = b.caption ? `, caption: ${content(inlinesToTypst(b.caption))}` : "";
      return `#figure(${image}${caption})`;
    }
  }
}

/**
 * A highlighted pull quote (the `pullquote-box` helper in the preamble).
 * When its words repeat the body, Pressroom makes it an artifact so that a
 * screen reader hears it once; Typst 0.14's `pdf.artifact` does the same.
 * Otherwise it is a block quotation in the reading order.
 */
function pullQuoteToTypst(release: Release, b: Extract<Block, { kind: "pullquote" }>): string {
  const attribution = b.attribution ? content(inlinesToTypst(b.attribution)) : "none";
  const box = `#pullquote-box(${content(inlinesToTypst(b.inlines))}, ${attribution})`;
  return pullQuoteRepeatsBody(release, b) ? `#pdf.artifact${content(box)}` : `#quote(block: true)${content(box)}`;
}
