/**
 * The guesses that turn an imported document into a release: which block is
 * the headline and the standfirst, the dateline, the media contact, the
 * organisation, and which lines are only markers. Each guess is recorded in
 * words, so that the author can check it. The body is converted by body.ts.
 *
 * Nothing is lost: markers ("FOR IMMEDIATE RELEASE", "ENDS", "###", "-30-")
 * are the only text dropped; the dateline and the contact lines are taken
 * out of the text, but their words stay in the file as comments on the
 * front-matter lines made from them.
 */
import { labelInEveryLanguage } from "../../layouts/shared/labels.ts";
import { convertBody, type Body } from "./body.ts";
import { contactContinuation, contactLabel, parseContact, type Contact } from "./contact.ts";
import { findDateline } from "./dateline.ts";
import { allItalic, dropLeading, hasImage, hasLink, oneLine, OPENING_QUOTE, plainText, splitLines, wordCount, where, type SourceBlock, type SourceDocument, type Span } from "./source.ts";
import { guessOrganisation } from "./organisation.ts";

export type FrontKey = "title" | "standfirst" | "organization" | "date" | "place" | "lang" | "contact";

export type Draft = {
  lang: string;
  /** Absent: left as a TODO that fails the build. */
  title?: string;
  standfirst?: string;
  /** Absent: left as a TODO that fails the build. */
  organization?: string;
  date: string;
  place?: string;
  contact?: Contact;
  /** Comments written on a key's line: the words the value was made from, or what to do. */
  comments: Partial<Record<FrontKey, string>>;
  guesses: { key: FrontKey; text: string }[];
  body: Body;
  /** Markers left out, with where they were. */
  dropped: { text: string; where: string }[];
};

const PRESS_RELEASE = labelInEveryLanguage("pressRelease").map((l) => l.text.toLocaleLowerCase());
const MARKER_WORDS = /^(?:for\s+immediate\s+release|immediate\s+release|for\s+release|news\s+release|press\s+release|ends?|end\s+of\s+(?:press\s+)?release|xxx)$/i;

/** A line that only marks the start or end of a release. */
export function isMarker(text: string): boolean {
  const t = text.trim();
  if (/^#{3,}$/.test(t) || /^-\s*30\s*-$/.test(t)) return true;
  const core = t.replace(/^[\s*_–—\-:.#]+|[\s*_–—\-:.#]+$/g, "");
  return MARKER_WORDS.test(core) || PRESS_RELEASE.includes(core.toLocaleLowerCase());
}

/** The text of runs on one line, with the address of each link that its text does not show. */
function flatText(spans: readonly Span[]): string {
  let out = "";
  let href: string | undefined;
  let linkText = "";
  const close = () => {
    if (href && !href.startsWith("#") && !linkText.includes(href.replace(/^mailto:/i, ""))) out += ` (${href})`;
  };
  for (const s of spans) {
    if (s.kind !== "text") continue;
    if (s.href !== href) {
      close();
      href = s.href;
      linkText = "";
    }
    out += s.text;
    linkText += s.text;
  }
  close();
  return out.replace(/\s+/g, " ").trim();
}

export function interpret(doc: SourceDocument, lang: string, langWhy: string, fallbackDate: string): Draft {
  const kindOfFile = doc.format === "docx" ? "the Word file" : "the text file";
  const at = (n: number) => where(doc, n);
  const guesses: Draft["guesses"] = [];
  const comments: Draft["comments"] = {};
  const dropped: Draft["dropped"] = [];
  const guess = (key: FrontKey, text: string) => guesses.push({ key, text });

  // 1. Markers.
  let blocks: SourceBlock[] = [];
  for (const b of doc.blocks) {
    if ((b.kind === "paragraph" || b.kind === "heading") && !hasImage(b.spans) && isMarker(oneLine(b.spans))) dropped.push({ text: oneLine(b.spans), where: at(b.at) });
    else blocks.push(b);
  }

  // 2. Headline: the Title style, else the first heading before the text gets going, else the first line or paragraph.
  let title: string | undefined;
  let next = 0; // where the blocks after the headline start
  const take = (i: number) => {
    const b = blocks[i]!;
    blocks = [...blocks.slice(0, i), ...blocks.slice(i + 1)];
    return b;
  };
  // Word: the Title style, else the first heading before the text gets going, else a short first paragraph.
  // Text: the first line, or the first heading when the file starts with one.
  const titled = doc.format === "docx" ? blocks.findIndex((b) => b.kind === "title") : -1;
  const firstLong = blocks.findIndex((b) => wordCount(oneLine(b.spans)) > 40);
  const heading =
    doc.format === "docx" ? blocks.findIndex((b, i) => b.kind === "heading" && (firstLong === -1 || i < firstLong))
    : blocks[0]?.kind === "heading" ? 0
    : -1;
  if (titled !== -1 || heading !== -1) {
    const i = titled !== -1 ? titled : heading;
    const b = take(i);
    title = flatText(b.spans);
    next = i;
    guess("title", `${titled !== -1 ? "the Title style" : "the first heading"} of ${kindOfFile} (${at(b.at)})`);
  } else {
    const i = blocks.findIndex((b) => !hasImage(b.spans));
    const b = blocks[i];
    const lines = b ? splitLines(b.spans) : [];
    if (b && (doc.format === "text" || wordCount(oneLine(lines[0] ?? [])) <= 25)) {
      // The first line is the headline; the rest of its paragraph, if any, stays as the next paragraph.
      title = flatText(lines[0]!);
      const rest = lines.slice(1).flatMap((l, k) => (k > 0 ? [{ kind: "text", text: "\n" } as Span, ...l] : l));
      blocks = [...blocks.slice(0, i), ...(rest.length ? [{ ...b, spans: rest, at: doc.format === "text" ? b.at + 1 : b.at }] : []), ...blocks.slice(i + 1)];
      next = i;
      guess("title", `the first ${doc.format === "text" ? "line" : "paragraph"} of ${kindOfFile} (${at(b.at)})${doc.format === "docx" ? ": it has no Title style or heading" : ""}`);
    } else {
      comments.title = "TODO: write the headline";
      guess("title", "not found: left as a TODO, which the build reports until you write it");
    }
  }

  // 3. A dateline on a line of its own, right after the headline.
  let date: string | undefined;
  let place: string | undefined;
  const datelineFrom = (b: SourceBlock, found: NonNullable<ReturnType<typeof findDateline>>) => {
    date = found.date;
    place = found.place;
    comments.date = `from the dateline “${found.original}”`;
    guess("date", `the dateline “${found.original}” (${at(b.at)}), taken out of the text`);
    if (place) guess("place", `the dateline (${at(b.at)})`);
  };
  for (let k = next; k < Math.min(next + 3, blocks.length); k++) {
    const b = blocks[k]!;
    if (b.kind !== "paragraph" || hasImage(b.spans)) continue;
    const found = findDateline(plainText(b.spans), lang);
    if (found && found.length >= plainText(b.spans).trimEnd().length) {
      take(k);
      datelineFrom(b, found);
      break;
    }
  }

  // 4. Standfirst: the Subtitle style; else (Word) an italic paragraph or (text) the paragraph right after the headline.
  let standfirst: string | undefined;
  const subtitle = blocks.findIndex((b) => b.kind === "subtitle");
  const candidate = blocks[next];
  if (subtitle !== -1 && !hasLink(blocks[subtitle]!.spans)) {
    const b = take(subtitle);
    standfirst = flatText(b.spans);
    guess("standfirst", `the Subtitle style (${at(b.at)})`);
  } else if (candidate && candidate.kind === "paragraph" && !hasImage(candidate.spans) && !hasLink(candidate.spans) && wordCount(oneLine(candidate.spans)) <= 60 && !OPENING_QUOTE.test(oneLine(candidate.spans)) && !findDateline(plainText(candidate.spans), lang)) {
    const italic = allItalic(candidate.spans);
    if (doc.format === "text" || italic) {
      take(next);
      standfirst = flatText(candidate.spans);
      guess("standfirst", `${doc.format === "docx" ? "the first italic paragraph" : "the paragraph after the headline"} (${at(candidate.at)})`);
    }
  }

  // 5. A dateline opening the first paragraph.
  if (!date) {
    const k = blocks.findIndex((b, i) => i >= next && b.kind === "paragraph");
    const b = blocks[k];
    const found = b && !hasImage(b.spans) ? findDateline(plainText(b.spans), lang) : undefined;
    if (b && found) {
      const rest = dropLeading(b.spans, found.length);
      blocks = [...blocks.slice(0, k), ...(oneLine(rest) ? [{ ...b, spans: rest }] : []), ...blocks.slice(k + 1)];
      datelineFrom(b, found);
    }
  }
  if (!date) {
    date = fallbackDate;
    comments.date = "TODO: no dateline found, so this is the day of the import: check it";
    guess("date", "today: no dateline found; check it");
  }

  // 6. The media contact, wherever it is.
  let contact: Contact | undefined;
  for (let k = 0; k < blocks.length && !contact; k++) {
    const label = contactLabel(blocks[k]!);
    if (!label) continue;
    const hasText = oneLine(label.rest) !== "";
    const more = contactContinuation(blocks, k + 1, hasText);
    const taken = blocks.slice(k, k + 1 + more);
    const parsed = parseContact([label.rest, ...taken.slice(1).map((b) => b.spans)]);
    if (!parsed.email && !parsed.phone && !parsed.name) continue;
    contact = parsed;
    blocks = [...blocks.slice(0, k), ...blocks.slice(k + 1 + more)];
    const original = taken.flatMap((b) => splitLines(b.spans).map(oneLine)).join(" / ");
    comments.contact = `from “${original}”`;
    const span = taken.length > 1 ? `${at(taken[0]!.at)}–${taken.at(-1)!.at}` : at(taken[0]!.at);
    guess("contact", `“${oneLine(taken[0]!.spans)}” (${span}), taken out of the text`);
  }

  // 7. The body, and the organisation from an "About …" heading, else the name the text repeats most.
  const body = convertBody(blocks, lang, doc.format);
  let organization: string | undefined;
  if (body.organization) {
    organization = body.organization.name;
    guess("organization", `the heading “${body.organization.heading}” (${at(body.organization.at)})`);
  } else {
    const recurring = guessOrganisation([title ?? "", standfirst ?? "", ...blocks.map((b) => oneLine(b.spans))]);
    if (recurring) {
      organization = recurring.name;
      comments.organization = "guessed: the name the text repeats most; check it";
      guess("organization", `“${recurring.name}”, the name the text repeats most (${recurring.count} times); check it`);
    } else {
      const domain = contact?.email?.split("@")[1];
      comments.organization = `TODO: write the organisation's name${domain ? ` (the contact's e-mail is at ${domain})` : ""}`;
      guess("organization", `not found (no “About …” heading, no name repeated three times): left as a TODO, which the build reports until you write it`);
    }
  }

  guess("lang", langWhy);
  return {
    lang,
    ...(title ? { title } : {}),
    ...(standfirst ? { standfirst } : {}),
    ...(organization ? { organization } : {}),
    date,
    ...(place ? { place } : {}),
    ...(contact ? { contact } : {}),
    comments,
    guesses,
    body,
    dropped,
  };
}
