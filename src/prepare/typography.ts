/**
 * Language-appropriate spacing of the printed text: no-break spaces where a
 * line must not break (a number and its unit, French punctuation, grouped
 * thousands, single-letter prepositions, …).
 *
 * Only space characters are replaced or inserted, so the text's length
 * changes at most by the inserted spaces, and `pos` stays as it is: later
 * stages map the laid-out text back to this prepared text, not to the file.
 *
 * Why no-break spaces are enough for react-pdf (textkit 7.0.1): a line breaks
 * only between the "syllables" that `wrapWords` makes by splitting each run
 * on ASCII spaces (`/([ ]+)/`), so U+00A0 and U+202F inside a chunk never
 * break. A run that is *only* a no-break space (an inline element holding
 * nothing else, or a font fallback for that one character) is glue, though:
 * `s.trim() === ""` holds for U+00A0 and U+202F as well.
 */
import type { Block, Inline, Release, ReleaseMeta } from "../model/release.ts";

/** NO-BREAK SPACE. */
export const NBSP = "\u00a0";
/** NARROW NO-BREAK SPACE. */
export const NNBSP = "\u202f";

/** The spacing rules of one language. Every field is optional: absent, the rule is off. */
export type SpacingRules = {
  /**
   * Spaces before these marks (`;` `!` `?` `:` `»`): an ordinary space there
   * is replaced, a missing one inserted (French).
   */
  spaceBefore?: Readonly<Record<string, string>>;
  /** Spaces after these marks (`«`), replaced or inserted likewise. */
  spaceAfter?: Readonly<Record<string, string>>;
  /** Separator of space-grouped thousands (`4 000`). */
  thousands?: string;
  /** Spaces around `h` in times such as `9 h 30`. */
  timeSpace?: string;
  /** The language's words written after a number (million, Uhr, грн, …), besides the common units. */
  unitWords?: readonly string[];
  /** A different space before some units (French: U+202F before `%` and `€`); else U+00A0. */
  unitSpace?: Readonly<Record<string, string>>;
  /** Abbreviations written with inner spaces (`z. B.`); the spaces become `abbreviationSpace`. */
  abbreviations?: readonly string[];
  abbreviationSpace?: string;
  /** Single-letter words (lower case) that must not end a line: a no-break space follows them. */
  singleLetterWords?: string;
};

/** Units written after a number in every language. Longest first is not needed: matching sorts them. */
const COMMON_UNITS = [
  "%", "‰", "km/h", "km²", "km", "m²", "m³", "m", "cm", "mm", "kg", "g", "t", "l", "ml", "h", "min", "s", "ha",
  "°C", "°F", "°", "kW", "kWh", "MW", "GW", "€", "£", "$", "¥", "₴", "₽", "₹", "₺", "₪", "₩", "zł", "Kč",
];
/** Currency signs written before a number (`€ 5`). */
const CURRENCY_SIGNS = new Set(["€", "£", "$", "¥", "₴", "₽", "₹", "₺", "₪", "₩"]);

const FRENCH: SpacingRules = {
  // Imprimerie nationale: a no-break space before the colon, a narrow one before ; ! ? and inside guillemets.
  spaceBefore: { ";": NNBSP, "!": NNBSP, "?": NNBSP, ":": NBSP, "»": NNBSP },
  spaceAfter: { "«": NNBSP },
  thousands: NNBSP,
  timeSpace: NBSP,
  unitWords: ["million", "millions", "milliard", "milliards", "Md", "Mds", "M€", "Md€"],
  unitSpace: { "%": NNBSP, "‰": NNBSP, "€": NNBSP, "£": NNBSP, "$": NNBSP },
};

/**
 * Rules by language subtag (`fr-CH` uses `fr`). Languages not listed get the
 * common units only. To add one: its number words, and what it customarily
 * keeps together.
 */
export const SPACING_RULES: Readonly<Record<string, SpacingRules>> = {
  fr: FRENCH,
  en: { unitWords: ["million", "millions", "billion", "billions", "trillion", "thousand", "bn"] },
  de: {
    unitWords: ["Uhr", "Million", "Millionen", "Milliarde", "Milliarden", "Mio.", "Mrd.", "Tsd.", "Prozent", "Euro"],
    abbreviations: ["z. B.", "d. h.", "u. a.", "o. Ä.", "o. ä.", "s. o.", "s. u.", "u. U.", "v. a.", "z. T.", "i. d. R.", "u. v. m.", "m. E.", "o. g.", "a. D.", "i. A.", "i. V.", "v. Chr.", "n. Chr."],
    abbreviationSpace: NNBSP,
  },
  es: { unitWords: ["millón", "millones", "mil", "millardo", "millardos", "euros"] },
  uk: {
    unitWords: ["мільйон", "мільйона", "мільйонів", "мільярд", "мільярда", "мільярдів", "тисяча", "тисячі", "тисяч", "млн", "млрд", "тис.", "грн", "год", "км", "кг", "м", "см", "мм", "га"],
    thousands: NNBSP,
    singleLetterWords: "ійвузао",
  },
  pl: {
    unitWords: ["mln", "mld", "tys.", "milion", "miliony", "milionów", "miliard", "miliardy", "miliardów", "tysiące", "tysięcy"],
    thousands: NNBSP,
    singleLetterWords: "wziaou",
  },
  cs: {
    unitWords: ["mil.", "mld.", "tis.", "milion", "miliony", "milionů", "miliarda", "miliardy", "miliard"],
    thousands: NNBSP,
    singleLetterWords: "vkszouai",
  },
};

/** The rules for a BCP 47 tag, by its language subtag. */
export function spacingRulesFor(lang: string): SpacingRules {
  return SPACING_RULES[languageOf(lang)] ?? {};
}

function languageOf(lang: string): string {
  try {
    return new Intl.Locale(lang).language.toLowerCase();
  } catch {
    return lang.toLowerCase().split(/[-_]/)[0] ?? "";
  }
}

/**
 * The release with its printed text spaced by the rules of its language
 * (`lang`) and, inside `{kind: "lang"}` phrases, of the phrase's language.
 * Printed text: title, standfirst, organization, place, contact name and
 * every inline text of the blocks, attributions and captions. URLs and
 * e-mail addresses in the text are left alone. Never mutates `release`.
 */
export function applyTypography(release: Release, lang: string): Release {
  const meta: ReleaseMeta = { ...release.meta };
  meta.title = applySpacing(meta.title, lang);
  meta.organization = applySpacing(meta.organization, lang);
  if (meta.standfirst !== undefined) meta.standfirst = applySpacing(meta.standfirst, lang);
  if (meta.place !== undefined) meta.place = applySpacing(meta.place, lang);
  if (meta.contact) {
    meta.contact = { ...meta.contact };
    if (meta.contact.name !== undefined) meta.contact.name = applySpacing(meta.contact.name, lang);
  }
  return { ...release, meta, metaPos: { ...release.metaPos }, blocks: release.blocks.map((b) => spaceBlock(b, lang)) };
}

/** One piece of text spaced by the rules of `lang`. */
export function applySpacing(text: string, lang: string): string {
  return spaceLeaves([{ text, lang }])[0]!;
}

/** Inlines (one paragraph, heading, caption …) spaced as one text; a new tree. */
export function spaceInlines(inlines: readonly Inline[], lang: string): Inline[] {
  const leaves: Leaf[] = [];
  const collect = (items: readonly Inline[], itemLang: string): void => {
    for (const item of items) {
      if (item.kind === "text") leaves.push({ text: item.text, lang: itemLang });
      else collect(item.children, item.kind === "lang" ? item.lang : itemLang);
    }
  };
  collect(inlines, lang);
  const texts = spaceLeaves(leaves);
  let k = 0;
  const rebuild = (items: readonly Inline[]): Inline[] =>
    items.map((item) => (item.kind === "text" ? { ...item, text: texts[k++]! } : { ...item, children: rebuild(item.children) }));
  return rebuild(inlines);
}

function spaceBlock(block: Block, lang: string): Block {
  switch (block.kind) {
    case "paragraph":
    case "heading":
      return { ...block, inlines: spaceInlines(block.inlines, lang) };
    case "pullquote":
      return {
        ...block,
        inlines: spaceInlines(block.inlines, lang),
        ...(block.attribution ? { attribution: spaceInlines(block.attribution, lang) } : {}),
      };
    case "quote":
      return { ...block, blocks: block.blocks.map((b) => spaceBlock(b, lang)) };
    case "list":
      return { ...block, items: block.items.map((item) => item.map((b) => spaceBlock(b, lang))) };
    case "figure":
      return { ...block, ...(block.caption ? { caption: spaceInlines(block.caption, lang) } : {}) };
  }
}

// ---------------------------------------------------------------------------
// The rules, on one text made of leaves (the text inlines of a paragraph).

type Leaf = { text: string; lang: string };

/**
 * One change: a space replaced (`at` is its index) or inserted (before `at`).
 * `owner`: the character whose language decides and whose text node takes an
 * inserted space; `anchors`: characters that must not be in a URL or address.
 */
type Edit = { kind: "replace" | "insert"; at: number; space: string; owner: number; anchors: number[] };

const DIGIT = /\p{Nd}/u;
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;
const WHITE = /\s/u;
/** After these, a missing space before `;` `!` `?` `:` `»` is not inserted. */
const OPENERS = new Set(["(", "[", "{", "«", "‹", "“", "„", "‘", "'", '"', "/", "-", "–", "—"]);
/** A unit ends before a character that is none of these (so `l’équipe`, `h-index` are no units). */
const UNIT_CONTINUES = /[\p{L}\p{M}\p{Nd}'’ʼ\-_@]/u;

/** Runs of non-space characters that are URLs or e-mail addresses. */
const URL_LIKE =
  /^[("«“‘[]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|[^\s@]+@[^\s@]+\.[^\s@]+|[\p{L}\p{N}-]{2,}(?:\.[\p{L}\p{N}-]{2,})*\.\p{L}{2,}(?:[/:?#]\S*)?[)»”’\].,;:!?]*$)/iu;

function protectedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/\S+/gu)) if (URL_LIKE.test(m[0])) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function spaceLeaves(leaves: readonly Leaf[]): string[] {
  const text = leaves.map((l) => l.text).join("");
  if (text === "") return leaves.map((l) => l.text);
  const starts: number[] = [];
  const leafOf = new Int32Array(text.length);
  let offset = 0;
  leaves.forEach((leaf, i) => {
    starts.push(offset);
    leafOf.fill(i, offset, offset + leaf.text.length);
    offset += leaf.text.length;
  });
  const ranges = protectedRanges(text);
  const isProtected = (i: number) => ranges.some(([a, b]) => i >= a && i < b);

  const chosen = new Map<string, Edit>();
  for (const lang of new Set(leaves.map((l) => l.lang))) {
    for (const edit of findEdits(text, spacingRulesFor(lang))) {
      if (leaves[leafOf[edit.owner]!]!.lang !== lang) continue;
      if (edit.anchors.some(isProtected)) continue;
      const key = `${edit.kind}:${edit.at}`;
      if (!chosen.has(key)) chosen.set(key, edit); // the first rule wins
    }
  }
  if (chosen.size === 0) return leaves.map((l) => l.text);

  // Per leaf: replacements by offset, insertions by offset.
  const out = leaves.map((l) => ({ chars: l.text.split(""), inserts: new Map<number, string>() }));
  for (const edit of chosen.values()) {
    const leaf = leafOf[edit.owner]!;
    if (edit.kind === "replace") {
      const target = leafOf[edit.at]!;
      out[target]!.chars[edit.at - starts[target]!] = edit.space;
    } else {
      const at = Math.min(Math.max(edit.at - starts[leaf]!, 0), leaves[leaf]!.text.length);
      out[leaf]!.inserts.set(at, (out[leaf]!.inserts.get(at) ?? "") + edit.space);
    }
  }
  return out.map(({ chars, inserts }) => {
    let s = "";
    for (let i = 0; i <= chars.length; i++) s += (inserts.get(i) ?? "") + (chars[i] ?? "");
    return s;
  });
}

/** All edits the rules ask for in `text` (unfiltered: the caller checks language and URLs). */
function findEdits(text: string, rules: SpacingRules): Edit[] {
  const edits: Edit[] = [];
  const replace = (at: number, space: string, anchors: number[]) => edits.push({ kind: "replace", at, space, owner: at, anchors });

  // French punctuation: before ; ! ? : », after «.
  if (rules.spaceBefore || rules.spaceAfter) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      const before = rules.spaceBefore?.[ch];
      if (before && i > 0) {
        const prev = text[i - 1]!;
        const next = text[i + 1] ?? "";
        if ((ch === "!" || ch === "?") && (prev === "!" || prev === "?")) continue; // `??`, `?!`: one space before the group
        if (ch === ":" && DIGIT.test(prev) && DIGIT.test(next)) continue; // 10:00, 1:2
        if (prev === " ") replace(i - 1, before, [i]);
        else if (!WHITE.test(prev) && !OPENERS.has(prev)) edits.push({ kind: "insert", at: i, space: before, owner: i, anchors: [i - 1, i] });
      }
      const after = rules.spaceAfter?.[ch];
      if (after && i + 1 < text.length) {
        const next = text[i + 1]!;
        if (next === " ") replace(i + 1, after, [i]);
        else if (!WHITE.test(next) && !rules.spaceBefore?.[next]) edits.push({ kind: "insert", at: i + 1, space: after, owner: i, anchors: [i, i + 1] });
      }
    }
  }

  // Space-grouped thousands: 4 000, 1 250 000 (the first group has 1–3 digits).
  if (rules.thousands) {
    for (const m of text.matchAll(/(?<!\p{Nd})\p{Nd}{1,3}(?: \p{Nd}{3})+(?!\p{Nd})/gu)) {
      for (let i = m.index; i < m.index + m[0].length; i++) if (text[i] === " ") replace(i, rules.thousands, [i - 1, i + 1]);
    }
  }

  // Times: 9 h 30.
  if (rules.timeSpace) {
    for (const m of text.matchAll(/(?<=\p{Nd}) h (?=\p{Nd}{2}(?!\p{Nd}))/gu)) {
      replace(m.index, rules.timeSpace, [m.index - 1, m.index + 1]);
      replace(m.index + 2, rules.timeSpace, [m.index + 1, m.index + 3]);
    }
  }

  // A number and its unit; a currency sign and its number.
  const units = unitsOf(rules);
  for (let i = 1; i + 1 < text.length; i++) {
    if (text[i] !== " ") continue;
    const prev = text[i - 1]!;
    if (DIGIT.test(prev)) {
      const unit = units.find((u) => text.startsWith(u, i + 1) && unitEnds(text, i + 1 + u.length, u));
      if (unit) replace(i, rules.unitSpace?.[unit] ?? NBSP, [i - 1, i + 1]);
    } else if (CURRENCY_SIGNS.has(prev) && DIGIT.test(text[i + 1]!)) {
      replace(i, NBSP, [i - 1, i + 1]);
    }
  }

  // Abbreviations with inner spaces: z. B.
  if (rules.abbreviations && rules.abbreviationSpace) {
    for (const abbreviation of rules.abbreviations) {
      const variants = new Set([abbreviation, abbreviation[0]!.toUpperCase() + abbreviation.slice(1)]);
      for (const variant of variants) {
        let from = 0;
        for (let at = text.indexOf(variant, from); at >= 0; at = text.indexOf(variant, from)) {
          from = at + 1;
          if (at > 0 && WORD_CHAR.test(text[at - 1]!)) continue;
          for (let i = at; i < at + variant.length; i++) if (text[i] === " ") replace(i, rules.abbreviationSpace, [at]);
        }
      }
    }
  }

  // Single-letter prepositions and conjunctions: w domu, і в місті.
  if (rules.singleLetterWords) {
    for (let i = 1; i + 1 < text.length; i++) {
      if (text[i] !== " " || WHITE.test(text[i + 1]!)) continue;
      const letter = text[i - 1]!;
      if (!rules.singleLetterWords.includes(letter.toLowerCase())) continue;
      const before = text[i - 2];
      if (before !== undefined && (WORD_CHAR.test(before) || /['’ʼ.\-]/u.test(before))) continue;
      replace(i, NBSP, [i - 1]);
    }
  }
  return edits;
}

const unitCache = new WeakMap<SpacingRules, string[]>();
function unitsOf(rules: SpacingRules): string[] {
  let units = unitCache.get(rules);
  if (!units) {
    units = [...new Set([...COMMON_UNITS, ...(rules.unitWords ?? [])])].sort((a, b) => b.length - a.length);
    unitCache.set(rules, units);
  }
  return units;
}

/** Whether a unit that ends at `end` is a whole word there (`h` in `10 h`, not in `2 300 habitants`). */
function unitEnds(text: string, end: number, unit: string): boolean {
  if (end >= text.length) return true;
  if (unit.endsWith(".")) return true;
  // A unit ending in a symbol (`%`, `€`, `M€`) may be followed by anything.
  if (!WORD_CHAR.test(unit[unit.length - 1]!)) return true;
  return !UNIT_CONTINUES.test(text[end]!);
}
