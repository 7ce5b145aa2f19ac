/**
 * The language of an imported text when `--lang` is not given, from its
 * script. The rule, which the README documents:
 *
 * - Latin script → `en`, always (a guess the author must check: German or
 *   Polish are written in Latin script too). When few of the words are
 *   common English words the guess says so.
 * - A script that one language owns in practice → that language: Greek `el`,
 *   Hebrew `he`, Armenian `hy`, Georgian `ka`, Thai `th`, Hangul `ko`,
 *   kana `ja`.
 * - A script that several languages share (Cyrillic, Arabic, Han,
 *   Devanagari) → no guess: `--lang` is required, and the hint names the
 *   likeliest language from its letters (і ї є ґ → Ukrainian, ы э ё →
 *   Russian, پ چ ژ گ ک ی → Persian …).
 */

export type LanguageGuess =
  | { lang: string; why: string; suggestion?: undefined }
  | { lang?: undefined; why: string; suggestion?: string };

const SCRIPTS: { name: string; re: RegExp; lang?: string }[] = [
  { name: "Latin", re: /\p{Script=Latin}/gu, lang: "en" },
  { name: "Greek", re: /\p{Script=Greek}/gu, lang: "el" },
  { name: "Hebrew", re: /\p{Script=Hebrew}/gu, lang: "he" },
  { name: "Armenian", re: /\p{Script=Armenian}/gu, lang: "hy" },
  { name: "Georgian", re: /\p{Script=Georgian}/gu, lang: "ka" },
  { name: "Thai", re: /\p{Script=Thai}/gu, lang: "th" },
  { name: "Hangul", re: /\p{Script=Hangul}/gu, lang: "ko" },
  { name: "kana", re: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, lang: "ja" },
  { name: "Cyrillic", re: /\p{Script=Cyrillic}/gu },
  { name: "Arabic", re: /\p{Script=Arabic}/gu },
  { name: "Han", re: /\p{Script=Han}/gu },
  { name: "Devanagari", re: /\p{Script=Devanagari}/gu },
];

const ENGLISH_WORDS = new Set(["the", "and", "of", "to", "in", "a", "is", "for", "that", "on", "with", "will", "said", "at", "by", "from", "it", "this", "are", "was", "be", "has", "have"]);

export function guessLanguage(text: string): LanguageGuess {
  const counts = SCRIPTS.map((s) => ({ ...s, count: text.match(s.re)?.length ?? 0 })).sort((a, b) => b.count - a.count);
  const top = counts[0]!;
  if (top.count === 0) return { why: "the text has no letters to tell its language by" };
  // Kana and Han together are Japanese.
  if (top.name === "Han" && (counts.find((c) => c.name === "kana")?.count ?? 0) > 0) return { lang: "ja", why: "Han and kana script" };
  if (top.lang === "en") {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
    const doubt = words.length >= 30 && english / words.length < 0.05 ? "; few of its words are common English words, so check it" : "";
    return { lang: "en", why: `Latin script, which Pressroom reads as English unless --lang says otherwise${doubt}` };
  }
  if (top.lang) return { lang: top.lang, why: `${top.name} script` };
  return { why: `the text is in ${top.name} script, which several languages share`, ...suggestion(top.name, text) };
}

function suggestion(script: string, text: string): { suggestion?: string } {
  const has = (re: RegExp) => re.test(text);
  if (script === "Cyrillic") {
    if (has(/[їєґЇЄҐ]/) || (has(/[іІ]/) && !has(/[ыэёъЫЭЁЪўЎ]/))) return { suggestion: "uk" };
    if (has(/[ўЎ]/)) return { suggestion: "be" };
    if (has(/[ђћџљњјЂЋЏЉЊЈ]/)) return { suggestion: "sr" };
    if (has(/[ыэёЫЭЁ]/)) return { suggestion: "ru" };
    if (has(/[ъЪ]/)) return { suggestion: "bg" };
    return {};
  }
  if (script === "Arabic") {
    if (has(/[ٹڈڑںے]/)) return { suggestion: "ur" };
    if (has(/[پچژگکی]/)) return { suggestion: "fa" };
    return { suggestion: "ar" };
  }
  if (script === "Han") return { suggestion: "zh" };
  if (script === "Devanagari") return { suggestion: "hi" };
  return {};
}
