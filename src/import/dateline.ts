/**
 * Datelines at the start of a release's first paragraph: "RIVERSIDE,
 * 3 March 2026 –", "Riverside, March 3, 2026 —", "3 March 2026 –", or the
 * same on a line of its own. Month names come from `Intl.DateTimeFormat`
 * for the release's language (the forms it formats dates with, such as the
 * genitive "березня", and the stand-alone and short forms) plus English.
 *
 * Date forms read: day month year ("3 March 2026", "3. März 2026",
 * "3 de marzo de 2026", "3 березня 2026 р."), month day year
 * ("March 3, 2026"), ISO ("2026-03-03") and dotted ("3.3.2026"); an optional
 * weekday in front. Slashed dates (3/3/2026) are left alone: day and month
 * cannot be told apart.
 */

export type Dateline = {
  /** YYYY-MM-DD. */
  date: string;
  /** As written, except that an all-capitals place is set in title case. */
  place?: string;
  /** Characters of the text the dateline takes up, with the dash after it and the spaces. */
  length: number;
  /** The dateline as written. */
  original: string;
};

const cache = new Map<string, { months: Map<string, number>; pattern: RegExp }>();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const key = (s: string) => s.toLocaleLowerCase().replace(/\.$/, "");

function names(lang: string): { months: Map<string, number>; weekdays: Set<string> } {
  const months = new Map<string, number>();
  const weekdays = new Set<string>();
  for (const locale of [...new Set([lang, "en"])]) {
    let formats: Intl.DateTimeFormat[];
    try {
      formats = [
        new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
        new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
        new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }),
        new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }),
      ];
    } catch {
      continue;
    }
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2026, m, 3));
      for (const f of formats) {
        const part = f.formatToParts(date).find((p) => p.type === "month")?.value;
        if (part && !/^\d+$/.test(part) && !months.has(key(part))) months.set(key(part), m + 1);
      }
    }
    for (let d = 0; d < 7; d++) {
      const date = new Date(Date.UTC(2026, 2, 2 + d));
      for (const weekday of ["long", "short"] as const) weekdays.add(key(new Intl.DateTimeFormat(locale, { weekday, timeZone: "UTC" }).format(date)));
    }
  }
  return { months, weekdays };
}

function patternFor(lang: string): { months: Map<string, number>; pattern: RegExp } {
  const cached = cache.get(lang);
  if (cached) return cached;
  const { months, weekdays } = names(lang);
  const alt = (set: Iterable<string>) => [...set].sort((a, b) => b.length - a.length).map(escape).join("|");
  const M = `(?<month>${alt(months.keys())})\\.?`;
  const D = "(?<day>\\d{1,2})(?:\\.|st|nd|rd|th|er|º|ª)?";
  const Y = "(?<year>\\d{4})(?:\\s*(?:р\\.|року|г\\.|года))?";
  // A weekday, and the article some languages put before a date ("le 3 mars", "den 3. März").
  const W = `(?:(?:${alt(weekdays)})\\.?,?\\s+)?(?:(?:le|den|am|el|il)\\s+)?`;
  const date = [
    `${D}\\s+(?:de\\s+|ב)?${M},?\\s+(?:de\\s+)?${Y}`.replace(/\?<(day|month|year)>/g, "?<$1A>"),
    `${M}\\s+${D},?\\s+${Y}`.replace(/\?<(day|month|year)>/g, "?<$1B>"),
    "(?<yearC>\\d{4})-(?<monthC>\\d{2})-(?<dayC>\\d{2})",
    "(?<dayD>\\d{1,2})\\.(?<monthD>\\d{1,2})\\.(?<yearD>\\d{4})",
  ].join("|");
  // A place: capitalised (or in a script without case), up to 40 characters, at most one comma inside ("PORTLAND, Ore.").
  const place = "(?<place>[\\p{Lu}\\p{Lo}][^,–—\\d()\\n:]{0,40}?(?:,\\s*[\\p{Lu}\\p{Lo}][^,–—\\d()\\n:]{0,20}?)?)";
  const pattern = new RegExp(`^\\s*(?:${place}\\s*(?:,|\\(|\\s[–—-])\\s*)?${W}(?:${date})\\s*\\)?\\s*(?<end>[–—]|--?|:|$)\\s*`, "iu");
  const entry = { months, pattern };
  cache.set(lang, entry);
  return entry;
}

/** Arabic-Indic and Persian digits as ASCII digits (same length, so offsets stay). */
const asciiDigits = (s: string) => s.replace(/[٠-٩۰-۹]/g, (d) => String((d.charCodeAt(0) - (d >= "۰" ? 0x6f0 : 0x660)) % 10));

/** The dateline at the start of `text`, or `undefined`. */
export function findDateline(text: string, lang: string): Dateline | undefined {
  const { months, pattern } = patternFor(lang);
  const m = pattern.exec(asciiDigits(text));
  if (!m?.groups) return undefined;
  const g = m.groups;
  const day = Number(g.dayA ?? g.dayB ?? g.dayC ?? g.dayD);
  const monthText = g.monthA ?? g.monthB;
  const month = monthText ? months.get(key(monthText)) : Number(g.monthC ?? g.monthD);
  const year = Number(g.yearA ?? g.yearB ?? g.yearC ?? g.yearD);
  if (!month || month > 12 || day < 1 || year < 1900 || year > 2100) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const place = g.place?.trim().replace(/,$/, "");
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${year}-${pad(month)}-${pad(day)}`,
    ...(place ? { place: titleCaseCapitals(place, lang) } : {}),
    length: m[0].length,
    original: text.slice(0, m[0].length).replace(/\s+/g, " ").trim(),
  };
}

/**
 * Words in capitals, as datelines are often set, in title case: "NEW YORK" →
 * "New York", "PORTLAND, Ore." → "Portland, Ore."; two-letter words (UK, US)
 * and words with a lower-case letter are kept as written.
 */
function titleCaseCapitals(place: string, lang: string): string {
  return place.replace(/[\p{L}\p{M}]+/gu, (word) =>
    word.length <= 2 || /\p{Ll}/u.test(word) || !/\p{Lu}/u.test(word) ? word : word[0]! + word.slice(1).toLocaleLowerCase(lang),
  );
}
