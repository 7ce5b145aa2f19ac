/**
 * The words the e-mail prints besides the release's own text, shared by the
 * subject, the text/plain part and the text/html part, so the two
 * alternatives always say the same. Labels come from the layouts'
 * `labelsFor`, so the message and the PDF use the same words per language.
 */
import { formatDate, formatDateTime, labelsFor, listComma } from "../../layouts/shared/labels.ts";
import type { PreparedRelease } from "../model/prepared.ts";
import type { Inline } from "../model/release.ts";

/** A label and, when it is English inside another language's message, its language tag. */
export type Label = { text: string; lang?: string };

export type EmailTexts = {
  /** The Subject header: the headline, after the embargo prefix when there is an embargo. */
  subject: string;
  /** "Press release" in the release's language. */
  pressRelease: Label;
  /** "Embargoed until 14 May 2026 at 06:00 UTC", when the release has an embargo. */
  embargo?: Label;
  /** "HARBOUR TOWN, 14 May 2026 – ", printed before the lede, as in the PDF. */
  dateline: string;
  /** "Media contact". */
  contactHeading: Label;
};

const label = (text: string, lang: string | undefined): Label => (lang ? { text, lang } : { text });

/**
 * The subject's embargo prefix: the layouts' embargo label in capitals
 * ("EMBARGOED UNTIL", "ЕМБАРГО ДО", "ΑΠΑΓΟΡΕΥΣΗ ΔΗΜΟΣΙΕΥΣΗΣ ΕΩΣ"; scripts
 * without case stay as they are) and the date-time in the release's
 * language, in UTC like the PDF's embargo line.
 */
export function embargoPrefix(embargo: string, lang: string): string {
  const labels = labelsFor(lang);
  return `${labels.embargo.toLocaleUpperCase(labels.lang ?? lang)} ${formatDateTime(embargo, lang)}`;
}

/** French sets a no-break space before a colon; every other language none. */
const colonAfter = (lang: string): string => (lang.split("-")[0]!.toLowerCase() === "fr" ? "\u00a0: " : ": ");

export function emailTexts(prepared: PreparedRelease): EmailTexts {
  const { meta } = prepared.release;
  const lang = prepared.lang;
  const labels = labelsFor(lang);
  return {
    subject: meta.embargo ? `${embargoPrefix(meta.embargo, lang)}${colonAfter(lang)}${meta.title}` : meta.title,
    pressRelease: label(labels.pressRelease, labels.lang),
    ...(meta.embargo ? { embargo: label(`${labels.embargo} ${formatDateTime(meta.embargo, lang)}`, labels.lang) } : {}),
    dateline: `${[meta.place?.toLocaleUpperCase(lang), formatDate(meta.date, lang)].filter(Boolean).join(listComma(lang))} – `,
    contactHeading: label(labels.contact, labels.lang),
  };
}

/** What a link shows in plain text after its words: the address, without `mailto:`; nothing when the words are the address. */
export function linkAddress(href: string, children: readonly Inline[]): string | undefined {
  const address = href.replace(/^mailto:/i, "");
  const only = children.length === 1 ? children[0] : undefined;
  return only?.kind === "text" && only.text === address ? undefined : address;
}

/** `tel:` target for a phone number as written ("+44 20 7946 0123" → "+442079460123"). */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, "")}`;
