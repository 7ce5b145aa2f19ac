/**
 * The media contact: a line starting with "Media contact:", "Press
 * contact:", "Contact:", "Media enquiries:" (or the layout's contact label in
 * any language, e.g. "Pressekontakt:"), or such a label alone on a line,
 * followed by up to four lines with the name, e-mail and phone. The e-mail is
 * the first address, the phone the first run of 7 or more digits; what is
 * left once those and field labels ("Tel:", "E-mail:") are taken out is the
 * name (with a role, if one is given).
 */
import { labelInEveryLanguage } from "../../layouts/shared/labels.ts";
import { oneLine, plainText, splitLines, wordCount, type SourceBlock, type Span } from "./source.ts";

export type Contact = { name?: string; email?: string; phone?: string };

const ENGLISH = ["media contacts?", "press contacts?", "contacts?", "media (?:enquiries|inquiries)", "press (?:enquiries|inquiries)", "for media (?:enquiries|inquiries)", "for (?:more|further) information(?:,? (?:please )?contact)?"];
const LABEL = new RegExp(
  `^\\s*(?:${[...ENGLISH, ...labelInEveryLanguage("contact").map((l) => l.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), "kontakt", "контакти", "контакты"].join("|")})\\s*(?::|：|$)`,
  "iu",
);

const EMAIL = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(?:\.[^\s@<>()[\],;:".]+)+/u;
const PHONE = /(?:\+|\(?\d)[\d\s().\-/]{5,}\d/u;
const FIELD_LABELS = /(?<=^|[\s,;|])(?:(?:tel|telephone|phone|mobile|mob|cell|fax|e-?mail|mail|tél|тел|телефон)\s*[.:]|[tme]\s*:)\s*/giu;

/** Whether a block opens a contact: the label, and the text after it on the same line. */
export function contactLabel(block: SourceBlock): { rest: Span[] } | undefined {
  const text = plainText(block.spans);
  const m = LABEL.exec(text);
  if (!m) return undefined;
  let skip = m[0].length;
  const rest: Span[] = [];
  for (const s of block.spans) {
    if (s.kind !== "text") continue;
    rest.push({ ...s, text: s.text.slice(Math.min(skip, s.text.length)) });
    skip = Math.max(0, skip - s.text.length);
  }
  return { rest };
}

/** Blocks after the label that belong to the contact (indices into `blocks` from `start`). */
export function contactContinuation(blocks: readonly SourceBlock[], start: number, labelHasText: boolean): number {
  let n = 0;
  while (n < 4) {
    const b = blocks[start + n];
    if (!b || (b.kind !== "paragraph" && b.kind !== "item")) break;
    const text = oneLine(b.spans);
    const contactLike = EMAIL.test(text) || digits(text) >= 7 || b.spans.some((s) => s.href?.startsWith("mailto:"));
    const nameLike = !labelHasText && n === 0 && wordCount(text) <= 6 && !/[.!?]$/.test(text);
    if (!contactLike && !nameLike) break;
    n++;
  }
  return n;
}

const digits = (s: string) => (PHONE.exec(s)?.[0].match(/\d/g) ?? []).length;

/** Name, e-mail and phone from the contact's lines. */
export function parseContact(lines: readonly Span[][]): Contact {
  let email: string | undefined;
  let phone: string | undefined;
  const rest: string[] = [];
  for (const spans of lines.flatMap((l) => splitLines(l))) {
    let text = oneLine(spans);
    const mailto = spans.find((s) => s.href?.toLowerCase().startsWith("mailto:"))?.href?.slice(7).split("?")[0];
    const address = EMAIL.exec(text)?.[0].replace(/\.$/, "") ?? mailto;
    if (address && !email) {
      email = address;
      text = text.replace(address, " ");
    }
    const number = PHONE.exec(text)?.[0];
    if (number && !phone && (number.match(/\d/g) ?? []).length >= 7) {
      phone = number.trim();
      text = text.replace(number, " ");
    }
    text = text.replace(FIELD_LABELS, " ").replace(/\s*[,;|/]\s*(?=[,;|/]|$)/g, "").replace(/^[\s,;|/–—-]+|[\s,;|/–—:-]+$/g, "").replace(/\s+/g, " ");
    if (/[\p{L}\p{N}]/u.test(text)) rest.push(text);
  }
  const name = rest.join(", ");
  return { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}
