/**
 * The few words a layout prints itself, per language (primary subtag); English is the fallback.
 * `background` is not printed by a layout: it is the heading of the "Background" section that
 * `pressroom new` writes and `pressroom import` recognises (src/new/, src/import/).
 */
type Labels = {
  pressRelease: string;
  contact: string;
  embargo: string;
  background: string;
  /** Set when the labels are English for another language. */
  lang?: string;
};

const labels: Record<string, Labels> = {
  en: { pressRelease: "Press release", contact: "Media contact", embargo: "Embargoed until", background: "Background" },
  uk: { pressRelease: "Прес-реліз", contact: "Контакти для медіа", embargo: "Ембарго до", background: "Довідка" },
  de: { pressRelease: "Pressemitteilung", contact: "Pressekontakt", embargo: "Sperrfrist bis", background: "Hintergrund" },
  fr: { pressRelease: "Communiqué de presse", contact: "Contact presse", embargo: "Sous embargo jusqu’au", background: "Contexte" },
  es: { pressRelease: "Nota de prensa", contact: "Contacto de prensa", embargo: "Embargo hasta", background: "Antecedentes" },
  ar: { pressRelease: "بيان صحفي", contact: "للتواصل الإعلامي", embargo: "يحظر النشر قبل", background: "خلفية" },
  he: { pressRelease: "הודעה לעיתונות", contact: "קשר עם התקשורת", embargo: "אמברגו עד", background: "רקע" },
  pl: { pressRelease: "Informacja prasowa", contact: "Kontakt dla mediów", embargo: "Embargo do", background: "Kontekst" },
  el: { pressRelease: "Δελτίο Τύπου", contact: "Επικοινωνία για τα ΜΜΕ", embargo: "Απαγόρευση δημοσίευσης έως", background: "Ιστορικό" },
  it: { pressRelease: "Comunicato stampa", contact: "Contatti per la stampa", embargo: "Embargo fino al", background: "Contesto" },
  pt: { pressRelease: "Comunicado de imprensa", contact: "Contacto para a imprensa", embargo: "Embargo até", background: "Contexto" },
  nl: { pressRelease: "Persbericht", contact: "Perscontact", embargo: "Embargo tot", background: "Achtergrond" },
  ru: { pressRelease: "Пресс-релиз", contact: "Контакты для СМИ", embargo: "Эмбарго до", background: "Справка" },
};

export function labelsFor(lang: string): Labels {
  const primary = lang.split("-")[0]!.toLowerCase();
  // English labels in another language's document are tagged as English, so a screen reader switches voice.
  return labels[primary] ?? (primary === "en" ? labels.en! : { ...labels.en!, lang: "en" });
}

/** Whether `lang` (its primary subtag) has labels of its own, rather than the English fallback. */
export function hasLabels(lang: string): boolean {
  return lang.split("-")[0]!.toLowerCase() in labels;
}

/** One label in every language that has labels, e.g. every word for "Background" (for recognising them). */
export function labelInEveryLanguage(key: "pressRelease" | "contact" | "embargo" | "background"): { lang: string; text: string }[] {
  return Object.entries(labels).map(([lang, l]) => ({ lang, text: l[key] }));
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
