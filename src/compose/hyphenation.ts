/**
 * Hyphenation of a paragraph whose foreign-language phrases (`{kind:"lang"}`
 * spans) follow their own language's word division.
 *
 * react-pdf takes one `hyphenationCallback` per `Text` (paragraph) and calls
 * it with each chunk textkit cuts from a run: the run's text split on ASCII
 * spaces (see src/prepare/hyphenate.ts). A chunk does not say which inline
 * it came from, so the callback recognises it by its text: the chunks of
 * every span are collected beforehand, split the way textkit splits them.
 */
import type { Inline } from "../model/release.ts";
import { hyphenatorFor, type Hyphenate } from "../prepare/hyphenate.ts";

const noHyphenation: Hyphenate = (word) => [word];
/** textkit 7.0.1 `wrapWords`: `split(/([ ]+)/g).filter(Boolean)`. */
const chunksOf = (text: string): string[] => text.split(/[ ]+/).filter((c) => c !== "");

/**
 * A `hyphenationCallback` for one paragraph in `paragraphLang`: a chunk that
 * occurs in a language span (and nowhere else in the paragraph) is
 * hyphenated with that language's patterns, or not at all when it has none;
 * every other chunk with `base` (the paragraph's callback; none: no
 * hyphenation). A chunk found both inside and outside a span, or in spans of
 * two languages, is ambiguous and never split. A chunk that matches no
 * collected chunk (a word textkit cut in two at a script or font change) is
 * looked up as a part of the spans' and the rest's text the same way.
 * Results are cached per paragraph.
 */
export function paragraphHyphenator(paragraphLang: string, inlines: readonly Inline[], base?: Hyphenate): Hyphenate {
  const paragraph = canonical(paragraphLang);
  const paragraphHyphenate = paragraph ? hyphenatorFor(paragraph) : undefined;

  /** Chunk → languages of the spans it occurs in; "" is the paragraph's own text. */
  const chunkLangs = new Map<string, Set<string>>();
  /** The text of each language, for chunks that match no collected chunk. */
  const texts = new Map<string, string[]>();
  const note = (text: string, lang: string) => {
    for (const chunk of chunksOf(text)) {
      let langs = chunkLangs.get(chunk);
      if (!langs) chunkLangs.set(chunk, (langs = new Set()));
      langs.add(lang);
    }
  };

  // Consecutive text inlines of one language read as one text; textkit cuts
  // runs at every inline, so both the whole and each inline's text count.
  let segment = { lang: "", text: "" };
  const flush = () => {
    if (segment.text !== "") {
      note(segment.text, segment.lang);
      texts.set(segment.lang, [...(texts.get(segment.lang) ?? []), segment.text]);
    }
  };
  const walk = (items: readonly Inline[], lang: string): void => {
    for (const item of items) {
      if (item.kind === "text") {
        if (segment.lang !== lang) {
          flush();
          segment = { lang, text: "" };
        }
        segment.text += item.text;
        note(item.text, lang);
      } else {
        walk(item.children, item.kind === "lang" ? foreignLang(item.lang, paragraph, paragraphHyphenate) ?? lang : lang);
      }
    }
  };
  walk(inlines, "");
  flush();

  const hyphenateIn = (lang: string, word: string): string[] =>
    lang === "" ? (base ?? noHyphenation)(word) : (hyphenatorFor(lang) ?? noHyphenation)(word);

  const decide = (word: string): string[] => {
    let langs = chunkLangs.get(word);
    if (!langs) {
      langs = new Set();
      for (const [lang, parts] of texts) if (parts.some((text) => text.includes(word))) langs.add(lang);
      if (langs.size === 0) return (base ?? noHyphenation)(word);
    }
    if (langs.size > 1) return [word]; // ambiguous
    return hyphenateIn([...langs][0]!, word);
  };

  const cache = new Map<string, string[]>();
  return (word: string): string[] => {
    if (typeof word !== "string" || word === "") return [];
    if (word.trim() === "") return [word];
    let pieces = cache.get(word);
    if (!pieces) {
      pieces = decide(word);
      cache.set(word, pieces);
    }
    return pieces;
  };
}

function canonical(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).toString();
  } catch {
    return undefined;
  }
}

/**
 * The span's language when it is hyphenated differently from the paragraph,
 * else `undefined` (the span reads as paragraph text: same tag, or the same
 * patterns, as `en-GB` in `en-GB`). An invalid tag is kept: no patterns, no
 * hyphenation for its words.
 */
function foreignLang(lang: string, paragraph: string | undefined, paragraphHyphenate: Hyphenate | undefined): string | undefined {
  const tag = canonical(lang);
  if (tag === undefined) return lang === "" ? undefined : lang;
  if (tag === paragraph) return undefined;
  const own = hyphenatorFor(tag);
  if (own !== undefined && own === paragraphHyphenate) return undefined;
  return tag;
}

/** A chunk that is a long web address, maybe in brackets or with punctuation after it. */
const LONG_ADDRESS = /^[("«“]?(https?:\/\/|www\.)\S{20,}$/;

export const isLongAddress = (chunk: string) => LONG_ADDRESS.test(chunk);

/**
 * Long web addresses may break after a "/" (never inside "//") and after
 * "-", "_", ".", "?", "&" or "=" before a letter or digit. textkit marks
 * every break between pieces with a hyphen glyph; the render stage draws
 * one only between two letters, so the address stays exactly as written.
 */
export function withAddressBreaks(callback: Hyphenate): Hyphenate {
  return (word) => (LONG_ADDRESS.test(word) ? word.split(/(?<=[^/:]\/|[-_.?&=](?=[\p{L}\p{N}]))(?=[^/])/u) : callback(word));
}
