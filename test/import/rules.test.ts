/** The import's rules one by one: datelines, contacts, languages, markers, slugs, YAML values and Markdown escaping. */
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/authoring/slug.ts";
import { yamlScalar } from "../../src/authoring/yaml.ts";
import { parseContact } from "../../src/import/contact.ts";
import { findDateline } from "../../src/import/dateline.ts";
import { inlineMarkdown } from "../../src/import/inline-markdown.ts";
import { isMarker } from "../../src/import/interpret.ts";
import { guessLanguage } from "../../src/import/language.ts";
import type { Span } from "../../src/import/source.ts";
import { inlineText } from "../../src/model/release.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";

describe("datelines", () => {
  const cases: [string, string, { date: string; place?: string; original: string } | undefined][] = [
    ["RIVERSIDE, 3 March 2026 – The council", "en", { date: "2026-03-03", place: "Riverside", original: "RIVERSIDE, 3 March 2026 –" }],
    ["3 March 2026 — Text", "en", { date: "2026-03-03", original: "3 March 2026 —" }],
    ["NEW YORK, March 3, 2026 -- Text", "en", { date: "2026-03-03", place: "New York", original: "NEW YORK, March 3, 2026 --" }],
    ["PORTLAND, Ore., Tuesday, March 3rd, 2026 — x", "en", { date: "2026-03-03", place: "Portland, Ore.", original: "PORTLAND, Ore., Tuesday, March 3rd, 2026 —" }],
    ["LONDON, UK, 2026-03-03: x", "en", { date: "2026-03-03", place: "London, UK", original: "LONDON, UK, 2026-03-03:" }],
    ["КИЇВ, 3 березня 2026 р. — Сьогодні", "uk", { date: "2026-03-03", place: "Київ", original: "КИЇВ, 3 березня 2026 р. —" }],
    ["Berlin, den 3. März 2026 – Heute", "de", { date: "2026-03-03", place: "Berlin", original: "Berlin, den 3. März 2026 –" }],
    ["Paris, le 3 mars 2026 – Aujourd’hui", "fr", { date: "2026-03-03", place: "Paris", original: "Paris, le 3 mars 2026 –" }],
    ["Madrid, 3 de marzo de 2026 – Hoy", "es", { date: "2026-03-03", place: "Madrid", original: "Madrid, 3 de marzo de 2026 –" }],
    ["Warszawa, 3 marca 2026 r. – Dziś", "pl", undefined], // "r." after the year is read for uk/ru only
    ["תל אביב, 3 במרץ 2026 – היום", "he", { date: "2026-03-03", place: "תל אביב", original: "תל אביב, 3 במרץ 2026 –" }],
    ["Αθήνα, 3 Μαρτίου 2026 – Σήμερα", "el", { date: "2026-03-03", place: "Αθήνα", original: "Αθήνα, 3 Μαρτίου 2026 –" }],
    ["RIVERSIDE, 3 March 2026", "en", { date: "2026-03-03", place: "Riverside", original: "RIVERSIDE, 3 March 2026" }],
    ["Today, 3 March 2026, the council met.", "en", undefined],
    ["31 February 2026 – x", "en", undefined],
    ["3/3/2026 – x", "en", undefined],
  ];
  it.each(cases)("%s (%s)", (text, lang, expected) => {
    const found = findDateline(text, lang);
    if (!expected) expect(found).toBeUndefined();
    else expect({ date: found?.date, place: found?.place, original: found?.original }).toEqual({ place: undefined, ...expected });
  });

  it("takes up the dateline and the space after it, no more", () => {
    const text = "RIVERSIDE, 3 March 2026 – The council";
    expect(text.slice(findDateline(text, "en")!.length)).toBe("The council");
  });
});

describe("contacts", () => {
  const line = (text: string): Span[] => [{ kind: "text", text }];
  it.each([
    ["Sam Reyes, communications officer, press@trust.example, +44 1632 960 555", { name: "Sam Reyes, communications officer", email: "press@trust.example", phone: "+44 1632 960 555" }],
    ["Lena Marsh\nlena@ferries.example\nTel: +44 1632 960 777", { name: "Lena Marsh", email: "lena@ferries.example", phone: "+44 1632 960 777" }],
    ["Press office | E: office@council.example | T: 020 7946 0000", { name: "Press office", email: "office@council.example", phone: "020 7946 0000" }],
    ["press@council.example.", { email: "press@council.example" }],
  ])("%s", (text, expected) => {
    expect(parseContact([line(text)])).toEqual(expected);
  });
  it("reads the address of a mailto link whose text is a name", () => {
    expect(parseContact([[{ kind: "text", text: "Write to Ana Silva", href: "mailto:ana@org.example" }]])).toEqual({ name: "Write to Ana Silva", email: "ana@org.example" });
  });
});

describe("language from the script", () => {
  it.each([
    ["The council said that the library will open on Monday.", "en"],
    ["Το πλοίο θα συνδέει τα νησιά με την πόλη.", "el"],
    ["המעבורת הלילית תחבר את האיים לעיר.", "he"],
    ["Бібліотека на воді", undefined],
    ["مكتبة على الماء", undefined],
  ])("%s → %s", (text, lang) => {
    expect(guessLanguage(text).lang).toBe(lang);
  });
  it("says which language a shared script most likely is, and doubts English when its words are rare", () => {
    expect(guessLanguage("Бібліотека на воді відкриває сезон").suggestion).toBe("uk");
    expect(guessLanguage("Библиотека на воде открывает сезон, ещё").suggestion).toBe("ru");
    expect(guessLanguage("کتابخانه روی آب").suggestion).toBe("fa");
    const german = "Die Bürgerenergiegenossenschaft baut im Frühjahr eine neue Solaranlage auf dem Dach der Grundschule, die jährlich genug Strom für sechzig Haushalte liefern soll, teilte die Genossenschaft heute mit; Mitglieder können ab sofort Anteile zeichnen.";
    expect(guessLanguage(german)).toMatchObject({ lang: "en", why: expect.stringMatching(/few of its words are common English words/) });
  });
});

describe("markers", () => {
  it.each(["FOR IMMEDIATE RELEASE", "For immediate release:", "ENDS", "– ENDS –", "###", "-30-", "- 30 -", "Press release", "Прес-реліз", "END"])("%s is a marker", (text) => {
    expect(isMarker(text)).toBe(true);
  });
  it.each(["The event ends at noon.", "30", "Endspurt", "Release the hounds"])("%s is text", (text) => {
    expect(isMarker(text)).toBe(false);
  });
});

describe("slugs and YAML values", () => {
  it.each([
    ["Millbrook opens a repair café in the old fire station", "millbrook-opens-a-repair-cafe"],
    ["Бібліотека на воді відкриває новий сезон", "biblioteka-na-vodi-vidkryvaie-novyi-sezon"],
    ["Το νυχτερινό πλοίο", "to-nychterino-ploio"],
    ["Straße & Brücke: 2026!", "strasse-brucke-2026"],
    ["מעבורת", ""],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each(["Harbour Town: a new library", "#1 in the county", "- dash first", "yes", "null", "2026-03-03", "+44 20 7946 0123", "+442079460123", "“Quoted” start", "'single'", "a # not a comment", "trailing space ", "key: value"])(
    "%s reads back as itself",
    (value) => {
      expect(parse(`k: ${yamlScalar(value)}`, { schema: "core" }).k).toBe(value);
    },
  );
});

describe("Markdown escaping", () => {
  /** Writes the runs as the body of a release and returns the paragraph's text as Pressroom parses it. */
  function roundTrip(spans: Span[]): { text: string; markdown: string; errors: string[] } {
    const { markdown } = inlineMarkdown(spans);
    const source = `---\ntitle: T\norganization: O\ndate: 2026-01-01\n---\n\n${markdown}\n`;
    const parsed = parseRelease({ slug: "s", lang: "en", path: "s/en.md", dir: "s", text: source });
    const block = parsed.release?.blocks[0];
    return { text: block?.kind === "paragraph" ? inlineText(block.inlines) : `(${block?.kind ?? "nothing"})`, markdown, errors: parsed.diagnostics.map((d) => d.message) };
  }
  const t = (text: string, style: Partial<Extract<Span, { kind: "text" }>> = {}): Span => ({ kind: "text", text, ...style });

  it.each([
    [[t("# hash, > quote, - dash, + plus, 1. one, * star, _under_, [a](b), <i>, `code`, a|b, &amp; \\ backslash")]],
    [[t("> starts like a quote")]],
    [[t("- starts like a list")]],
    [[t("12) starts like an ordered list")]],
    [[t("=== looks like a setext line")]],
    [[t("bold", { bold: true }), t("italic", { italic: true }), t("both", { bold: true, italic: true })]],
    [[t("word"), t("“quoted”", { italic: true }), t("word")]],
    [[t(" spaced ", { bold: true }), t("text")]],
    [[t("*", { italic: true }), t("_", { bold: true })]],
    [[t("a link", { href: "https://example.org/a b(c)" }), t(" and "), t("bold link", { href: "https://example.org/", bold: true })]],
    [[t("an anchor", { href: "#section" }), t(" and a "), t("file", { href: "file:///c:/x.docx" })]],
  ])("%j survives parsing", (spans) => {
    const r = roundTrip(spans);
    expect(r.errors).toEqual([]);
    const expected = spans
      .map((s) => (s.kind === "text" ? s.text + (s.href && !s.href.startsWith("#") && !/^https?:/.test(s.href) ? ` (${s.href})` : "") : ""))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    expect(r.text, r.markdown).toBe(expected);
  });

  it("keeps formatting when Markdown can hold it", () => {
    expect(inlineMarkdown([t("Anyone", { bold: true }), t(" can "), t("come", { italic: true }), t(".")]).markdown).toBe("**Anyone** can *come*.");
    expect(inlineMarkdown([t("see "), t("our report", { href: "https://example.org/report" })]).markdown).toBe("see [our report](https://example.org/report)");
  });
});
