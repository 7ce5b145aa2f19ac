/**
 * The text/plain part: the release as a reader of plain text (or a screen
 * reader) wants it. Masthead, embargo line, headline, standfirst, the lede
 * after its dateline, the body, the media contact; paragraphs separated by an
 * empty line and wrapped as format=flowed (flowed.ts).
 *
 * - Emphasis has no markers (asterisks would be read out); a link's address
 *   follows its words in parentheses, as in the print master, so it can be
 *   seen and copied (a link whose words are its address is shown once).
 * - A pull quote that repeats the body is left out; one that does not is a
 *   quotation (`> `), with its attribution.
 * - A figure is its caption, or its alt text, in square brackets.
 * - Right-to-left text stays in logical order. In a right-to-left release
 *   the line that holds the phone number starts with U+200E LEFT-TO-RIGHT
 *   MARK, so that a reader still shows "+972 4 555 0199" and not "0199 555 4 +972".
 */
import { pullQuoteRepeatsBody } from "../compose/pullquote.ts";
import type { PreparedRelease } from "../model/prepared.ts";
import type { Block, Inline } from "../model/release.ts";
import { flowParagraph, joinParagraphs } from "./flowed.ts";
import { linkAddress, type EmailTexts } from "./texts.ts";

const LRM = "\u200e";

/** Inlines as plain words; link addresses in parentheses after their words. */
export function plainInlines(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.kind) {
        case "text":
          return i.text;
        case "link": {
          const address = linkAddress(i.href, i.children);
          return address ? `${plainInlines(i.children)} (${address})` : plainInlines(i.children);
        }
        default:
          return plainInlines(i.children);
      }
    })
    .join("");
}

/** One block as groups of lines; the groups are separated by an empty line (a quoted one inside quotes). */
function blockLines(block: Block, release: PreparedRelease["release"], depth: number): string[][] {
  switch (block.kind) {
    case "paragraph":
    case "heading":
      return [flowParagraph(plainInlines(block.inlines), depth)];
    case "pullquote": {
      if (pullQuoteRepeatsBody(release, block)) return [];
      const quote = flowParagraph(plainInlines(block.inlines), depth + 1);
      // The dash that the PDF shows as a different style marks the speaker in plain text.
      return [block.attribution ? [...quote, ...flowParagraph(`— ${plainInlines(block.attribution)}`, depth + 1)] : quote];
    }
    case "quote": {
      const inner = blocksLines(block.blocks, release, depth + 1);
      const separator = ">".repeat(depth + 1);
      return inner.length ? [inner.flatMap((g, i) => (i ? [separator, ...g] : g))] : [];
    }
    case "list": {
      // One item per line (or run of lines); no empty line between items.
      const lines = block.items.flatMap((item, i) => {
        const marker = block.ordered ? `${(block.start ?? 1) + i}.` : "-";
        const [first, ...more] = item;
        const head = first?.kind === "paragraph" ? flowParagraph(`${marker} ${plainInlines(first.inlines)}`, depth) : [`${marker}`];
        const rest = (first?.kind === "paragraph" ? more : item).flatMap((b) => blockLines(b, release, depth).flat());
        return [...head, ...rest];
      });
      return [lines];
    }
    case "figure":
      return [flowParagraph(`[${block.caption ? plainInlines(block.caption) : block.alt}]`, depth)];
  }
}

function blocksLines(blocks: readonly Block[], release: PreparedRelease["release"], depth: number): string[][] {
  return blocks.flatMap((b) => blockLines(b, release, depth));
}

export function renderPlainText(prepared: PreparedRelease, texts: EmailTexts): string {
  const { meta, blocks } = prepared.release;
  const groups: string[][] = [];
  groups.push([...flowParagraph(meta.organization), ...flowParagraph(texts.pressRelease.text)]);
  if (texts.embargo) groups.push(flowParagraph(texts.embargo.text));
  groups.push(flowParagraph(meta.title));
  if (meta.standfirst) groups.push(flowParagraph(meta.standfirst));

  const [first, ...rest] = blocks;
  const lede = first?.kind === "paragraph" ? first : undefined;
  if (lede) groups.push(flowParagraph(texts.dateline + plainInlines(lede.inlines)));
  groups.push(...blocksLines(lede ? rest : blocks, prepared.release, 0));

  const contact = meta.contact;
  if (contact && (contact.name || contact.email || contact.phone)) {
    groups.push([
      ...flowParagraph(texts.contactHeading.text),
      ...(contact.name ? flowParagraph(contact.name) : []),
      ...(contact.email ? flowParagraph(contact.email) : []),
      ...(contact.phone ? flowParagraph((prepared.direction === "rtl" ? LRM : "") + contact.phone) : []),
    ]);
  }
  return joinParagraphs(groups);
}
