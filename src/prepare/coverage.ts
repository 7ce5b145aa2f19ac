/**
 * Glyph coverage: every character a layout will print must be in a font of
 * the family stack, else react-pdf silently falls back to Helvetica (and a
 * `.notdef` box for anything outside WinAnsi).
 */
import { readFileSync } from "node:fs";
import { error, type Diagnostic, type SourceLocation } from "../model/diagnostic.ts";
import type { Block, Inline, Position, Release } from "../model/release.ts";
import { faceName, fontFor, type FontFamily, type FontManifest } from "./fonts.ts";

/** One piece of printed text and where it came from. */
type Printed = {
  text: string;
  /** Where `text` starts in the source; absent for text the layout makes up. */
  pos?: Position;
  /** `text` starts somewhere after `pos` (values inside the front matter's contact block). */
  seek?: boolean;
  /** For made-up text: where to point, and what to call it. */
  derived?: { at?: Position; what: string };
};

/** Characters that are never drawn as glyphs. */
const NOT_DRAWN = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u;

/**
 * Checks that every printed character of the release is in at least one of
 * the families, in every face (regular, bold, italic, bold italic) of that
 * family, since the layout decides which face prints it. Printed text: the
 * front matter's title, standfirst, organization, place (also in capitals,
 * as datelines print it), contact fields, the dates as layouts format them
 * (ASCII digits and the language's month names), all block text, pull quote
 * attributions and figure captions, and the "-" drawn at hyphenated line ends.
 * Alt text and link targets are not printed. One error per character, at its
 * first place in the source.
 */
export function checkCoverage(release: Release, families: readonly string[], manifest: FontManifest): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const stack: FontFamily[] = [];
  for (const id of families) {
    const family = manifest.families.find((f) => f.id === id);
    if (family) stack.push(family);
    else diagnostics.push(error({ file: manifest.file }, `font family "${id}" is not in the font manifest`, `families are: ${manifest.families.map((f) => f.id).join(", ")}`));
  }
  const covered = new Map<number, boolean>();
  const isCovered = (cp: number): boolean => {
    let yes = covered.get(cp);
    if (yes === undefined) {
      yes = stack.some((family) => family.faces.every((face) => fontFor(face).hasGlyphForCodePoint(cp)));
      covered.set(cp, yes);
    }
    return yes;
  };

  type Miss = { first: SourceLocation; also: SourceLocation[]; derivedFrom?: string };
  const misses = new Map<number, Miss>();
  const locator = new SourceLocator(release.file);
  for (const item of printedText(release)) {
    let offset = 0;
    for (const ch of item.text) {
      const cp = ch.codePointAt(0)!;
      if (!NOT_DRAWN.test(ch) && !isCovered(cp)) {
        const at: SourceLocation = item.pos
          ? { file: release.file, ...locator.locate(item.pos, item.text, offset, item.seek ?? false) }
          : { file: release.file, ...(item.derived?.at ?? {}) };
        const miss = misses.get(cp);
        if (miss) miss.also.push(at);
        else misses.set(cp, { first: at, also: [], ...(item.pos ? {} : { derivedFrom: item.derived?.what }) });
      }
      offset += ch.length;
    }
  }

  const tried = stack.map((f) => f.name).join(", ") || "none";
  for (const [cp, miss] of misses) {
    const ch = String.fromCodePoint(cp);
    const shown = /^\p{M}$/u.test(ch) ? `◌${ch}` : ch;
    const where = miss.derivedFrom ? ` in ${miss.derivedFrom}` : "";
    const more = miss.also.filter((a) => a.line !== undefined);
    const also = more.length
      ? `; also at ${more.slice(0, 5).map((a) => `${a.line}:${a.column ?? 1}`).join(", ")}${more.length > 5 ? ` and ${more.length - 5} more` : ""}`
      : "";
    const partial = stack.flatMap((family) => family.faces.filter((face) => fontFor(face).hasGlyphForCodePoint(cp)).map((face) => faceName(family, face)));
    const hint =
      `fonts tried: ${tried}; add a font that covers it to ${manifest.file}` +
      (partial.length ? ` (only some faces have it: ${partial.join(", ")}; every face of a family must)` : "");
    diagnostics.push(error(miss.first, `character "${shown}" (${codePointLabel(cp)})${where} is not covered by any configured font${also}`, hint));
  }
  return diagnostics;
}

function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Every piece of text the layouts print, in reading order. */
function printedText(release: Release): Printed[] {
  const { meta, metaPos } = release;
  const out: Printed[] = [];
  const field = (text: string | undefined, pos: Position | undefined, what: string) => {
    if (!text) return;
    out.push(pos ? { text, pos } : { text, derived: { what } });
  };
  field(meta.title, metaPos.title, "the title");
  field(meta.standfirst, metaPos.standfirst, "the standfirst");
  field(meta.organization, metaPos.organization, "the organization");
  field(meta.place, metaPos.place, "the place");
  if (meta.place) {
    const upper = meta.place.toLocaleUpperCase(localeOrUndefined(release.lang));
    if (upper !== meta.place) out.push({ text: upper, derived: { what: `the dateline ("${upper}")`, ...at(metaPos.place) } });
  }
  if (meta.contact) {
    for (const value of [meta.contact.name, meta.contact.email, meta.contact.phone]) {
      // The contact block has one position; the locator finds each value after it.
      if (value) out.push(metaPos.contact ? { text: value, pos: metaPos.contact, seek: true } : { text: value, derived: { what: "the contact" } });
    }
  }
  const date = formatDate(meta.date, release.lang, false);
  out.push({ text: `0123456789${date}`, derived: { what: `the printed date ("${date}")`, ...at(metaPos.date) } });
  if (meta.embargo) {
    const embargo = formatDate(meta.embargo, release.lang, true);
    out.push({ text: embargo, derived: { what: `the printed embargo ("${embargo}")`, ...at(metaPos.embargo) } });
  }
  out.push({ text: "-", derived: { what: "the hyphen drawn at hyphenated line ends" } });
  for (const block of release.blocks) blockText(block, out);
  return out;
}

const at = (pos: Position | undefined): { at?: Position } => (pos ? { at: pos } : {});

function localeOrUndefined(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).toString();
  } catch {
    return undefined;
  }
}

/** A date as layouts print it: the language's long form, in UTC. */
function formatDate(value: string, lang: string, withTime: boolean): string {
  const date = new Date(withTime ? value : `${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return "";
  const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: "long", timeStyle: "short", timeZone: "UTC" } : { dateStyle: "long", timeZone: "UTC" };
  try {
    return new Intl.DateTimeFormat(lang, options).format(date) + (withTime ? " UTC" : "");
  } catch {
    return new Intl.DateTimeFormat("en", options).format(date);
  }
}

function blockText(block: Block, out: Printed[]): void {
  switch (block.kind) {
    case "paragraph":
    case "heading":
      inlineText(block.inlines, out);
      return;
    case "pullquote":
      inlineText(block.inlines, out);
      if (block.attribution) inlineText(block.attribution, out);
      return;
    case "quote":
      for (const b of block.blocks) blockText(b, out);
      return;
    case "list":
      for (const item of block.items) for (const b of item) blockText(b, out);
      return;
    case "figure":
      // The alt text is not printed; the caption is.
      if (block.caption) inlineText(block.caption, out);
      return;
  }
}

function inlineText(inlines: readonly Inline[], out: Printed[]): void {
  for (const inline of inlines) {
    if (inline.kind === "text") out.push({ text: inline.text, pos: inline.pos });
    else inlineText(inline.children, out);
  }
}

/**
 * Turns "character k of a text that starts at `pos`" into a line and column
 * (columns count UTF-16 units, as micromark's do). The text may differ from
 * the source (escapes, entities, `> ` and list indentation on continuation
 * lines, YAML quotes), so the characters are found in the source file one by
 * one; when that fails, the position is counted from `pos`.
 */
class SourceLocator {
  private source: string | undefined | null = null;
  private lineStarts: number[] = [];
  constructor(private readonly file: string) {}

  private load(): string | undefined {
    if (this.source === null) {
      try {
        this.source = readFileSync(this.file, "utf8");
        this.lineStarts = [0];
        for (let i = 0; i < this.source.length; i++) if (this.source[i] === "\n") this.lineStarts.push(i + 1);
      } catch {
        this.source = undefined;
      }
    }
    return this.source;
  }

  locate(pos: Position, text: string, index: number, seek: boolean): Position {
    return this.fromSource(pos, text, index, seek) ?? (seek ? pos : counted(pos, text, index));
  }

  private fromSource(pos: Position, text: string, index: number, seek: boolean): Position | undefined {
    const source = this.load();
    const lineStart = this.lineStarts[pos.line - 1];
    if (source === undefined || lineStart === undefined) return undefined;
    let cursor = lineStart + pos.column - 1;
    if (seek) {
      const start = source.indexOf(text, cursor);
      if (start < 0) return undefined;
      cursor = start;
    }
    let i = 0;
    for (const ch of text) {
      const found = source.indexOf(ch, cursor);
      // Escapes, entities, quotes and line prefixes are short.
      if (found < 0 || found - cursor > 12) return undefined;
      if (i === index) return this.position(found);
      cursor = found + ch.length;
      i += ch.length;
    }
    return undefined;
  }

  private position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }
}

function counted(pos: Position, text: string, index: number): Position {
  let { line, column } = pos;
  for (let i = 0; i < index; i++) {
    if (text[i] === "\n") {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return { line, column };
}
