/**
 * BCP 47 language tags as Pressroom accepts them: language[-script][-region],
 * e.g. `en`, `en-GB`, `sr-Latn`, `es-419`. Shared by discover (file names),
 * front matter (`lang:`) and language spans (`{lang=uk}`).
 */

/** language (2–3 letters), optional script (4 letters), optional region (2 letters or 3 digits). */
const SHAPE = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/i;

/** The canonical form of `tag` (`en-gb` → `en-GB`), or `undefined` when it is not a tag we accept. */
export function canonicalLanguageTag(tag: string): string | undefined {
  if (!SHAPE.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

let namesToTags: Map<string, string> | undefined;

/** English and native language names (lower case) → two-letter tag, built on first use. */
function languageNames(): Map<string, string> {
  if (namesToTags) return namesToTags;
  const map = new Map<string, string>();
  const english = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      const name = english.of(code);
      if (!name) continue;
      map.set(name.toLowerCase(), code);
      const native = new Intl.DisplayNames([code], { type: "language", fallback: "none" }).of(code);
      if (native && !map.has(native.toLowerCase())) map.set(native.toLowerCase(), code);
    }
  }
  namesToTags = map;
  return map;
}

/**
 * A valid tag that `wrong` probably meant: `en_GB` → `en-GB`, `English` → `en`,
 * `українська` → `uk`. `undefined` when there is no good guess.
 */
export function suggestLanguageTag(wrong: string): string | undefined {
  const dashed = canonicalLanguageTag(wrong.replace(/_/g, "-"));
  if (dashed) return dashed;
  return languageNames().get(wrong.trim().toLowerCase());
}

/** A one-sentence hint for a bad tag, with a guess when there is one. */
export function languageTagHint(wrong: string, example: (tag: string) => string): string {
  const guess = suggestLanguageTag(wrong);
  if (guess) return `did you mean \`${example(guess)}\`?`;
  return `use a BCP 47 language tag such as \`${example("en")}\`, \`${example("en-GB")}\` or \`${example("sr-Latn")}\``;
}
