/**
 * Text → Typst markup and Typst string literals.
 *
 * Constraints (checked against Typst 0.14.2, the compiler in
 * @myriaddreamin/typst-ts-node-compiler 0.7.0):
 * - In markup a backslash followed by any non-space character other than
 *   `u{` prints that character literally, so over-escaping is harmless.
 * - Characters with a markup meaning anywhere in a line: `\ # * _ ` $ < > @ ~ [ ]`,
 *   `'` and `"` (smart quotes), `-` (`--`, `---`, `-?` shorthands), `/` (`//`
 *   comments, and `https://` would turn into an automatic link), `.` (`...`).
 * - At the start of a line: `=` (heading), `-`/`+` (lists), `/` (terms),
 *   and `1.` (numbered list): covered by escaping `= - + / .` everywhere.
 * - Right after an embedded expression such as `#emph[x]`, `.` continues
 *   the expression (field access), `(` and `[` add call arguments, and `;`
 *   ends it and is swallowed: `( ;` are escaped too, everywhere, because the
 *   caller does not know what precedes a run.
 * - Line breaks inside a paragraph are spaces in the source model; a raw
 *   newline in markup could start a new block, so runs of white space other
 *   than no-break spaces become one ASCII space.
 * - U+00A0 and U+202F are ordinary text to Typst (no break there), exactly
 *   as in Pressroom's prepared text, so they are kept as they are.
 */

const MARKUP = /[\\#*_`$<>@~[\]'"\-/.=+(;]/g;

/** Plain text as Typst markup that prints exactly that text. */
export function escapeMarkup(text: string): string {
  return text.replace(/[\t\n\r\f\v ]+/g, " ").replace(MARKUP, (c) => `\\${c}`);
}

/** A Typst string literal (code mode) holding `text`. */
export function typstString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}

/**
 * Typst's `text(lang:, region:)` from a BCP 47 tag: Typst takes an ISO 639
 * code and an ISO 3166-1 alpha-2 region only (no script subtag).
 */
export function typstLang(tag: string): { lang: string; region?: string } {
  const [primary, ...rest] = tag.split("-");
  const region = rest.find((p) => /^[A-Za-z]{2}$/.test(p));
  return { lang: primary!.toLowerCase(), ...(region ? { region: region.toLowerCase() } : {}) };
}

/** `lang: "en", region: "gb"` as call arguments. */
export function langArgs(tag: string): string {
  const { lang, region } = typstLang(tag);
  return `lang: ${typstString(lang)}${region ? `, region: ${typstString(region)}` : ""}`;
}
