/**
 * Hyphenation for react-pdf's per-`Text` `hyphenationCallback`.
 *
 * What textkit 7.0.1 passes to the callback (read in `wrapWords`, checked by
 * running it): the text of each *run* split on ASCII spaces only
 * (`split(/([ ]+)/)`), so a call gets either a run of spaces (`" "`, `"  "`)
 * or a chunk with its punctuation attached (`"(hyphenation),"`), possibly
 * holding no-break spaces (`"world,\u00a0x"`), newlines or tabs. A word that
 * spans two runs (a script change such as `PDF-` + `документи`, a font
 * fallback, a nested `Text`) arrives in two calls. The pieces returned must
 * join back to exactly the chunk (textkit rebuilds the string from them,
 * removing U+00AD), and textkit puts a hyphenation penalty between every two
 * neighbouring non-space pieces; a line broken there gets an inserted "-"
 * glyph, even when the piece already ends with "-" (so no piece may end
 * right after a hard hyphen).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { packageRoot } from "../paths.ts";

export type Hyphenate = (word: string) => string[];

const require = createRequire(import.meta.url);
const SOFT_HYPHEN = "\u00ad";

/** Letters needed before and after a break (TeX's lefthyphenmin/righthyphenmin). */
const MIN_FRAGMENTS: Record<string, { left: number; right: number }> = {
  en: { left: 2, right: 3 },
  de: { left: 2, right: 2 },
  fr: { left: 2, right: 3 },
  uk: { left: 2, right: 2 },
  ru: { left: 2, right: 2 },
};
const DEFAULT_MIN_FRAGMENTS = { left: 2, right: 2 };
/** Words with fewer letters are never split. */
const MIN_WORD_LETTERS = 5;

/** Languages that are not hyphenated at line ends even where `hyphen` has patterns. */
const NEVER_HYPHENATED = new Set(["zh", "ja", "ko", "th", "lo", "km", "my", "bo"]);
/** English regions that follow British spelling and word division. */
const BRITISH_ENGLISH = new Set(["GB", "IE", "AU", "NZ", "ZA", "IN"]);

/**
 * Chunks that are never split: anything with a digit, an URL or e-mail
 * address (`@`, `/`, `\`, `www.`, a dot between letters as in
 * `example.com`), or characters of code and markup.
 */
const PROTECTED = /[\p{Nd}@/\\_=#%&+~|<>{}[\]^`$]|^www\.|\p{L}\.\p{L}/iu;
/** A word inside a chunk: letters and marks, with apostrophes between letters. */
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const LETTER = /\p{L}/u;
const APOSTROPHE = /['’ʼ]/;
/** One Cyrillic consonant or sign, alone between two breaks. */
const LONE_CONSONANT = /^[бвгґджзклмнпрстфхцчшщйьъ]$/iu;
const EXCEPTION_ENTRY = /^[\p{L}\p{M}'’ʼ]+(?:-[\p{L}\p{M}'’ʼ]+)*$/u;

type HyphenModule = { hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string };

/** The `hyphen` pattern set for a BCP 47 tag (`"en-GB"` → `"en-gb"`), if there is one. */
export function patternSetFor(lang: string): string | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    return undefined;
  }
  const language = locale.language.toLowerCase();
  if (NEVER_HYPHENATED.has(language)) return undefined;
  const script = (locale.script ?? safeMaximize(locale)?.script ?? "").toLowerCase();
  const special: Record<string, string> = {
    en: BRITISH_ENGLISH.has(locale.region ?? "") ? "en-gb" : "en-us",
    de: "de-1996",
    el: "el-monoton",
    sr: script === "latn" ? "sh-latn" : "sr-cyrl",
    mn: "mn-cyrl",
  };
  const candidates = [special[language], script ? `${language}-${script}` : undefined, language];
  return candidates.find((id): id is string => id !== undefined && hasPatternSet(id));
}

function safeMaximize(locale: Intl.Locale): Intl.Locale | undefined {
  try {
    return locale.maximize();
  } catch {
    return undefined;
  }
}

const patternSetExists = new Map<string, boolean>();
function hasPatternSet(id: string): boolean {
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(id)) return false;
  let known = patternSetExists.get(id);
  if (known === undefined) {
    try {
      require.resolve(`hyphen/${id}/index.js`);
      known = true;
    } catch {
      known = false;
    }
    patternSetExists.set(id, known);
  }
  return known;
}

const hyphenators = new Map<string, Hyphenate | undefined>();

/**
 * A react-pdf hyphenation callback for the language, or `undefined` when it
 * has no patterns (then text is not hyphenated). One callback per language,
 * shared and cached: pieces are frozen arrays, don't mutate them.
 */
export function hyphenatorFor(lang: string): Hyphenate | undefined {
  const patternSet = patternSetFor(lang);
  if (!patternSet) return undefined;
  const language = new Intl.Locale(lang).language.toLowerCase();
  const key = `${language}:${patternSet}`;
  if (!hyphenators.has(key)) {
    const patterns = require(`hyphen/${patternSet}/index.js`) as HyphenModule;
    const { exceptions } = loadHyphenationExceptions(lang);
    hyphenators.set(key, createHyphenator(patterns, MIN_FRAGMENTS[language] ?? DEFAULT_MIN_FRAGMENTS, exceptions));
  }
  return hyphenators.get(key);
}

const CACHE_LIMIT = 100_000;

function createHyphenator(
  patterns: HyphenModule,
  min: { left: number; right: number },
  exceptions: ReadonlyMap<string, readonly number[]>,
): Hyphenate {
  const cache = new Map<string, string[]>();

  /** Break offsets inside one word (a letter run), in UTF-16 units from its start. */
  const breaksInWord = (word: string): readonly number[] => {
    const lower = word.toLowerCase();
    const listed = lower.length === word.length ? exceptions.get(lower) : undefined;
    if (listed) return listed;
    const letters = countLetters(word);
    if (letters < MIN_WORD_LETTERS) return [];
    const hasLower = word !== word.toUpperCase();
    const hasUpper = word !== word.toLowerCase();
    if (hasUpper && !hasLower) return []; // an acronym: NATO, UNESCO
    if (/\p{Ll}\p{Lu}/u.test(word)) return []; // a brand in camel case: iPhone, PressRoom
    // `hyphen` counts only the ASCII apostrophe as part of a word (п'ятниця).
    const marked = patterns.hyphenateSync(word.replace(/[’ʼ]/g, "'"), { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD_LETTERS });
    const raw: number[] = [];
    let offset = 0;
    for (const ch of marked) {
      if (ch === SOFT_HYPHEN) raw.push(offset);
      else offset += ch.length;
    }
    const breaks: number[] = [];
    raw.forEach((at, i) => {
      // A lone consonant is no syllable: the Ukrainian patterns give "мов-ле-н-ня",
      // "від-кри-т-тя"; keep "мов-лен-ня", "від-крит-тя".
      if (LONE_CONSONANT.test(word.slice(at, raw[i + 1] ?? word.length))) return;
      const apostrophe = APOSTROPHE.test(word[at - 1] ?? "") || APOSTROPHE.test(word[at] ?? "");
      const before = countLetters(word.slice(0, at));
      if (!apostrophe && before >= min.left && letters - before >= min.right) breaks.push(at);
    });
    return breaks;
  };

  const split = (chunk: string): string[] => {
    if (chunk.includes(SOFT_HYPHEN)) {
      // The author's soft hyphens replace the patterns, as in textkit's own engine.
      return chunk.split(SOFT_HYPHEN).filter((piece) => piece !== "");
    }
    if (PROTECTED.test(chunk)) return [chunk];
    const breaks: number[] = [];
    for (const match of chunk.matchAll(WORD)) {
      for (const at of breaksInWord(match[0])) breaks.push(match.index + at);
    }
    if (breaks.length === 0) return [chunk];
    const pieces: string[] = [];
    let from = 0;
    for (const at of breaks) {
      pieces.push(chunk.slice(from, at));
      from = at;
    }
    pieces.push(chunk.slice(from));
    return pieces;
  };

  return (word: string): string[] => {
    if (typeof word !== "string" || word === "") return [];
    // Fewer than five UTF-16 units cannot hold five letters.
    if (word.length < MIN_WORD_LETTERS) return [word];
    let pieces = cache.get(word);
    if (!pieces) {
      pieces = Object.freeze(split(word)) as string[];
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, pieces);
    }
    return pieces;
  };
}

function countLetters(word: string): number {
  let n = 0;
  for (const ch of word) if (LETTER.test(ch)) n += 1;
  return n;
}

export type HyphenationExceptions = {
  /** Lower-cased word → break offsets (UTF-16 units); no offsets: never split. */
  exceptions: ReadonlyMap<string, readonly number[]>;
  /** Problems in the exception files (warnings with file and line). */
  diagnostics: Diagnostic[];
};

// From the package root: compiled, this code runs from dist/, and the lists stay in src/.
const EXCEPTIONS_DIR = join(packageRoot, "src/prepare/hyphenation-exceptions/");
const exceptionFiles = new Map<string, { entries: Map<string, number[]>; diagnostics: Diagnostic[] }>();

/**
 * The exception lists for a language: `hyphenation-exceptions/<language>.txt`
 * and, when it exists, the one named after the pattern set (`en-gb.txt`),
 * whose entries win. One word a line, hyphens at the allowed breaks
 * (`press-re-lease`); a word without hyphens is never split; `#` starts a
 * comment. Read once per file.
 */
export function loadHyphenationExceptions(lang: string): HyphenationExceptions {
  let language: string;
  try {
    language = new Intl.Locale(lang).language.toLowerCase();
  } catch {
    return { exceptions: new Map(), diagnostics: [] };
  }
  const names = [language, patternSetFor(lang)].filter((n, i, all): n is string => !!n && all.indexOf(n) === i);
  const exceptions = new Map<string, readonly number[]>();
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const file = readExceptionFile(name);
    for (const [word, breaks] of file.entries) exceptions.set(word, breaks);
    diagnostics.push(...file.diagnostics);
  }
  return { exceptions, diagnostics };
}

function readExceptionFile(name: string): { entries: Map<string, number[]>; diagnostics: Diagnostic[] } {
  const cached = exceptionFiles.get(name);
  if (cached) return cached;
  const path = `${EXCEPTIONS_DIR}${name}.txt`;
  const entries = new Map<string, number[]>();
  const diagnostics: Diagnostic[] = [];
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    // No list for this language.
  }
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") return;
    if (!EXCEPTION_ENTRY.test(line)) {
      diagnostics.push({
        ...error(
          { file: path, line: index + 1, column: 1 },
          `"${line}" is not a hyphenation exception (letters, with "-" at the allowed breaks)`,
          "write one word a line, e.g. press-re-lease; a word without hyphens is never split",
        ),
        severity: "warning",
      });
      return;
    }
    const breaks: number[] = [];
    let word = "";
    for (const part of line.split("-")) {
      if (word !== "") breaks.push(word.length);
      word += part;
    }
    entries.set(word.toLowerCase(), breaks);
  });
  const result = { entries, diagnostics };
  exceptionFiles.set(name, result);
  return result;
}
