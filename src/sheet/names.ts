/**
 * Words the contact sheet and the previews print about an output: language
 * and edition names, alt text, sizes. The pages' UI is English
 * (`<html lang="en">`); titles are shown in their own language.
 */
import { directionOf } from "../prepare/direction.ts";

export { directionOf };

/** Edition names for the layouts we know; any other layout id is shown as it is. */
const EDITIONS: Readonly<Record<string, string>> = {
  "handout-a4": "A4 handout",
  "handout-letter": "US Letter handout",
  print: "print master",
  "large-print": "large-print edition",
  email: "press e-mail",
};
const EDITION_ORDER = Object.keys(EDITIONS);

/** Whether an output is a PDF (the press e-mail is not: no page images). */
export const isPdf = (file: string): boolean => file.endsWith(".pdf");

export const editionName = (layout: string): string => EDITIONS[layout] ?? layout;

/** For headings: "Print master". */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const displayNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "uk" → "Ukrainian", "en-GB" → "British English"; the tag itself when ICU does not know it. */
export function languageName(lang: string): string {
  try {
    return displayNames.of(lang) ?? lang;
  } catch {
    return lang; // not a well-formed tag
  }
}

/** "Page 1 of the English A4 handout"; with `of`: "Page 2 of 3 of the Ukrainian A4 handout". */
export function pageAlt(lang: string, layout: string, page: number, of?: number, earlier = false): string {
  const count = of === undefined ? "" : ` of ${of}`;
  return `Page ${page}${count} of the ${earlier ? "earlier " : ""}${languageName(lang)} ${editionName(layout)}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const number1 = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** Binary units, as the build's log prints them: "812 bytes", "9.6 KB", "39 KB", "1.2 MB". */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, "byte");
  const kb = bytes / 1024;
  if (kb < 1024) return `${number1.format(kb < 10 ? kb : Math.round(kb))} KB`;
  return `${number1.format(kb / 1024)} MB`;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Known editions in table order, then other layout ids alphabetically. */
export function byEdition(a: string, b: string): number {
  const ia = EDITION_ORDER.indexOf(a), ib = EDITION_ORDER.indexOf(b);
  if (ia !== ib) return ia === -1 ? 1 : ib === -1 ? -1 : ia - ib;
  return byCodeUnit(a, b);
}

export { byCodeUnit };

/** An HTML id from free text (slugs, layout ids): letters, digits, `-`, `_`; anything else escaped. */
export const idFor = (...parts: string[]): string =>
  parts.map((p) => p.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)).join("--");

/** A relative URL from path segments (each percent-encoded), for `href` and `src`. */
export const urlOf = (relativePath: string): string => relativePath.split("/").map(encodeURIComponent).join("/");
