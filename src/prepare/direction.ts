/**
 * Writing direction and main script of a language tag. A module of its own
 * (no font or layout code) so that the contact sheet, which runs in the
 * orchestrating thread, can use it without loading react-pdf.
 */

/** ISO 15924 scripts written right to left. */
const RTL_SCRIPTS = new Set(["Arab", "Aran", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Yezi", "Mend"]);

/** The main script of a language tag (`"uk"` → `"Cyrl"`, `"ar"` → `"Arab"`), if known. */
export function scriptOf(lang: string): string | undefined {
  try {
    const locale = new Intl.Locale(lang);
    return locale.script ?? locale.maximize().script;
  } catch {
    return undefined;
  }
}

export function directionOf(lang: string): "ltr" | "rtl" {
  const script = scriptOf(lang);
  return script && RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
}
