/** The few words a layout prints itself, per language (primary subtag); English is the fallback. */
type Labels = { pressRelease: string; contact: string; embargo: string; /** Set when the labels are English for another language. */ lang?: string };

const labels: Record<string, Labels> = {
  en: { pressRelease: "Press release", contact: "Media contact", embargo: "Embargoed until" },
  uk: { pressRelease: "Прес-реліз", contact: "Контакти для медіа", embargo: "Ембарго до" },
  de: { pressRelease: "Pressemitteilung", contact: "Pressekontakt", embargo: "Sperrfrist bis" },
  fr: { pressRelease: "Communiqué de presse", contact: "Contact presse", embargo: "Sous embargo jusqu’au" },
  es: { pressRelease: "Nota de prensa", contact: "Contacto de prensa", embargo: "Embargo hasta" },
  ar: { pressRelease: "بيان صحفي", contact: "للتواصل الإعلامي", embargo: "يحظر النشر قبل" },
  he: { pressRelease: "הודעה לעיתונות", contact: "קשר עם התקשורת", embargo: "אמברגו עד" },
  pl: { pressRelease: "Informacja prasowa", contact: "Kontakt dla mediów", embargo: "Embargo do" },
  el: { pressRelease: "Δελτίο Τύπου", contact: "Επικοινωνία για τα ΜΜΕ", embargo: "Απαγόρευση δημοσίευσης έως" },
  it: { pressRelease: "Comunicato stampa", contact: "Contatti per la stampa", embargo: "Embargo fino al" },
  pt: { pressRelease: "Comunicado de imprensa", contact: "Contacto para a imprensa", embargo: "Embargo até" },
  nl: { pressRelease: "Persbericht", contact: "Perscontact", embargo: "Embargo tot" },
  ru: { pressRelease: "Пресс-релиз", contact: "Контакты для СМИ", embargo: "Эмбарго до" },
};

export function labelsFor(lang: string): Labels {
  const primary = lang.split("-")[0]!.toLowerCase();
  // English labels in another language's document are tagged as English, so a screen reader switches voice.
  return labels[primary] ?? (primary === "en" ? labels.en! : { ...labels.en!, lang: "en" });
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
