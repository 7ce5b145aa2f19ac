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
  let answers = decided.get(release);
  if (!answers) decided.set(release, (answers = new WeakMap()));
  let answer = answers.get(quote);
  if (answer === undefined) {
    const needle = words(inlineText(quote.inlines)).join(" ");
    answer = needle.length > 0 && normalisedBody(release).some((text) => text.includes(` ${needle} `));
    answers.set(quote, answer);
  }
  return answer;
}

// A release is laid out several times and has pull quotes throughout a long report:
// its body's words are normalised once, and each quote is decided once.
const decided = new WeakMap<Release, WeakMap<object, boolean>>();
const bodies = new WeakMap<Release, string[]>();
function normalisedBody(release: Release): string[] {
  let texts = bodies.get(release);
  if (!texts) bodies.set(release, (texts = bodyTexts(release.blocks).map((text) => ` ${words(text).join(" ")} `)));
  return texts;
}
