/**
 * Words a paragraph never splits at a line end, whatever the patterns allow:
 *
 * - names: the organisation, place and contact from the front matter, and,
 *   in languages that capitalise only names, every capitalised word that
 *   does not open a sentence ("International’s", "Kyiv");
 * - the paragraph's last word, so that no fragment stands alone on the
 *   last line.
 *
 * These hold for textkit's own line breaking; Pressroom's line breaker
 * (src/layout/linebreak/) breaks a name only when nothing else fits.
 */
import type { Hyphenate } from "../prepare/hyphenate.ts";

/** A word: letters and marks, with apostrophes between letters. */
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const APOSTROPHE = /['’ʼ]/u;
const UPPER_FIRST = /^\p{Lu}/u;
/** Languages that capitalise every noun: a capital says nothing about names. */
const NOUNS_CAPITALISED = new Set(["de", "lb", "gsw", "nds", "bar"]);
/** A token that opens a quotation or a parenthesis starts like a sentence. */
const OPENS = /^[“”„‚‘«‹"'(\[¡¿—–-]/u;
/** A token after which a new sentence begins. */
const ENDS_SENTENCE = /[.!?…:;]["'”’»›)\]]*$/u;

const wordsIn = (text: string): string[] => [...text.matchAll(WORD)].map((m) => m[0]);

/** A word and, for "International’s", the parts on each side of its apostrophes. */
const formsOf = (word: string): string[] => (APOSTROPHE.test(word) ? [word, ...word.split(APOSTROPHE)] : [word]);

function capitalisesOnlyNames(lang: string): boolean {
  try {
    return !NOUNS_CAPITALISED.has(new Intl.Locale(lang).language);
  } catch {
    return true;
  }
}

/** Capitalised words that stand inside a sentence: names, in languages that capitalise only names. */
function midSentenceCapitals(text: string): string[] {
  const out: string[] = [];
  let sentenceStart = true;
  for (const token of text.split(/\s+/u)) {
    if (token === "") continue;
    const words = wordsIn(token);
    const opensSentence = sentenceStart || OPENS.test(token);
    words.forEach((word, i) => {
      if (UPPER_FIRST.test(word) && !(i === 0 && opensSentence)) out.push(word);
    });
    if (words.length) sentenceStart = ENDS_SENTENCE.test(token);
  }
  return out;
}

/**
 * The words of `text` (a paragraph, as laid out) to keep whole in a
 * paragraph of language `lang`; `names` are the release's own names.
 * Returns the names (the line breaker may still break one when nothing
 * else fits, see src/compose/forced-breaks.ts) and all kept words.
 */
export function wordsKeptWhole(text: string, lang: string, names: readonly string[]): { names: Set<string>; all: Set<string> } {
  const named = new Set<string>();
  for (const name of names) for (const word of wordsIn(name)) named.add(word);
  if (capitalisesOnlyNames(lang)) for (const word of midSentenceCapitals(text)) named.add(word);
  const all = new Set(named);
  const words = wordsIn(text);
  const last = words[words.length - 1];
  if (last) all.add(last);
  return { names: named, all };
}

/** A callback that leaves a chunk whole when any of its words, or a part of one, is kept. */
export function keepingWhole(callback: Hyphenate, kept: ReadonlySet<string>): Hyphenate {
  if (kept.size === 0) return callback;
  return (chunk) => (typeof chunk === "string" && wordsIn(chunk).some((w) => formsOf(w).some((f) => kept.has(f))) ? [chunk] : callback(chunk));
}

/** The release's names: organisation, place and press contact. */
export function releaseNames(meta: { organization: string; place?: string; contact?: { name?: string } }): string[] {
  return [meta.organization, meta.place, meta.contact?.name].filter((n): n is string => !!n);
}
