/**
 * Words read back against the words written. The expected words are the
 * release's source words (`sourceWords`: front matter values and body, without
 * a pull quote that repeats the body) plus the words the layout prints itself
 * (`layouts/shared/labels.ts`: "Press release", "Media contact" when there is
 * a contact, "Embargoed until" and its date-time when there is an embargo,
 * and the dateline's date). Link addresses are allowed but not expected (the
 * print edition prints them after the link text).
 *
 * Words are compared as multisets, case-insensitively (the dateline's place
 * is set in capitals) after NFC normalisation:
 * - outside: words read that are left over once every expected or allowed
 *   word has been matched once (e.g. "agen", "cies" from a broken "agencies");
 * - recall: expected words read back whole, as a share of all expected words.
 */
import { formatDate, formatDateTime, labelsFor } from "../../layouts/shared/labels.ts";
import type { Block, Inline, Release } from "../../src/model/release.ts";
import { sourceWords, wordsOf } from "../../test/support/build.ts";

export type Reading = { words: number; expected: number; outside: number; outsideExamples: string[]; recall: number };

const MAX_EXAMPLES = 10;
const key = (w: string) => w.normalize("NFC").toLocaleLowerCase();

function hrefs(inlines: readonly Inline[]): string[] {
  return inlines.flatMap((i) => (i.kind === "text" ? [] : [...(i.kind === "link" ? [i.href] : []), ...hrefs(i.children)]));
}

function blockHrefs(b: Block): string[] {
  switch (b.kind) {
    case "paragraph": case "heading": return hrefs(b.inlines);
    case "pullquote": return [...hrefs(b.inlines), ...hrefs(b.attribution ?? [])];
    case "quote": return b.blocks.flatMap(blockHrefs);
    case "list": return b.items.flat().flatMap(blockHrefs);
    case "figure": return hrefs(b.caption ?? []);
  }
}

/** Words a reader should hear for this release, and words that may also be printed. */
export function expectedWords(release: Release): { expected: string[]; allowed: string[] } {
  const { meta, lang } = release;
  const labels = labelsFor(lang);
  const printed = [labels.pressRelease, formatDate(meta.date, lang)];
  if (meta.contact) printed.push(labels.contact);
  // The dateline prints the place in capitals (Greek capitals drop their accents).
  if (meta.place) printed.push(meta.place.toLocaleUpperCase(lang));
  if (meta.embargo) printed.push(labels.embargo, formatDateTime(meta.embargo, lang));
  return { expected: [...sourceWords(release), ...wordsOf(printed.join(" "))], allowed: wordsOf(release.blocks.flatMap(blockHrefs).join(" ")) };
}

export function compareReading(read: readonly string[], expected: readonly string[], allowed: readonly string[] = []): Reading {
  const want = new Map<string, number>();
  for (const w of expected) want.set(key(w), (want.get(key(w)) ?? 0) + 1);
  const extra = new Map<string, number>();
  for (const w of allowed) extra.set(key(w), (extra.get(key(w)) ?? 0) + 1);
  let matched = 0;
  const outside: string[] = [];
  for (const w of read) {
    const k = key(w);
    const n = want.get(k) ?? 0;
    if (n > 0) { want.set(k, n - 1); matched++; continue; }
    const m = extra.get(k) ?? 0;
    if (m > 0) { extra.set(k, m - 1); continue; }
    outside.push(w);
  }
  return {
    words: read.length,
    expected: expected.length,
    outside: outside.length,
    outsideExamples: [...new Set(outside)].slice(0, MAX_EXAMPLES),
    recall: expected.length ? Math.round((matched / expected.length) * 1000) / 1000 : 1,
  };
}
