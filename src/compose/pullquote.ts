import type { Block, Release } from "../model/release.ts";
import { inlineText } from "../model/release.ts";

const words = (text: string): string[] =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

function bodyTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case "paragraph":
      case "heading":
        return [inlineText(b.inlines)];
      case "quote":
        return bodyTexts(b.blocks);
      case "list":
        return b.items.flatMap((item) => bodyTexts(item));
      default:
        return [];
    }
  });
}

/**
 * A pull quote whose words appear contiguously in one body block repeats the
 * body: a screen reader must not hear it twice, so it becomes an artifact.
 * Words are compared case-insensitively without punctuation, so typographic
 * quotes or a dropped full stop do not matter.
 */
export function pullQuoteRepeatsBody(release: Release, quote: Extract<Block, { kind: "pullquote" }>): boolean {
  const needle = words(inlineText(quote.inlines)).join(" ");
  if (needle.length === 0) return false;
  return bodyTexts(release.blocks).some((text) => ` ${words(text).join(" ")} `.includes(` ${needle} `));
}
