/** The few words a layout prints itself, per language (primary subtag); English is the fallback. */
type Labels = { pressRelease: string; contact: string; embargo: string };

const labels: Record<string, Labels> = {
  en: { pressRelease: "Press release", contact: "Media contact", embargo: "Embargoed until" },
  uk: { pressRelease: "Прес-реліз", contact: "Контакти для медіа", embargo: "Ембарго до" },
  de: { pressRelease: "Pressemitteilung", contact: "Pressekontakt", embargo: "Sperrfrist bis" },
  fr: { pressRelease: "Communiqué de presse", contact: "Contact presse", embargo: "Sous embargo jusqu’au" },
  es: { pressRelease: "Nota de prensa", contact: "Contacto de prensa", embargo: "Embargo hasta" },
  ar: { pressRelease: "بيان صحفي", contact: "للتواصل الإعلامي", embargo: "يحظر النشر قبل" },
};

export function labelsFor(lang: string): Labels {
  const primary = lang.split("-")[0]!.toLowerCase();
  return labels[primary] ?? labels.en!;
}

/** A calendar date (`YYYY-MM-DD`) written out in the language, e.g. "14 May 2026". */
export function formatDate(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** An ISO date-time written out in the language, in UTC. */
export function formatDateTime(dateTime: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(dateTime)) + " UTC";
}

/** The comma that separates a dateline's place and date ("، " in Arabic script). */
export function listComma(lang: string): string {
  return ["ar", "fa", "ur"].includes(lang.split("-")[0]!.toLowerCase()) ? "، " : ", ";
}
