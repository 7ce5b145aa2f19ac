import leven from "leven";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from "yaml";
import { z } from "zod";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import type { Position, Release, ReleaseMeta } from "../model/release.ts";
import type { LineIndex } from "./context.ts";
import { canonicalLanguageTag, languageTagHint } from "./language-tag.ts";

export type FrontMatter = {
  /** Present when the front matter is valid. */
  meta?: ReleaseMeta;
  /** The canonical `lang:` tag, when given. */
  lang?: string;
  metaPos: Release["metaPos"];
  /** Offset in the text where the Markdown body starts; absent when it can't be told. */
  bodyStart?: number;
  diagnostics: Diagnostic[];
};

const EXAMPLE_LINES: Record<string, string> = {
  title: "title: Harbour Town opens a floating library",
  organization: "organization: Harbour Town Council",
  date: "date: 2026-05-14",
};

// ---------------------------------------------------------------------------
// Schema. Problems that need a specific hint are raised as custom issues with
// `params.hint`; type and unknown-key issues are worded from the YAML node.

type Problem = { message: string; hint: string };

/** Text values: trimmed, runs of ASCII white space (folded YAML lines) made one space. */
const text = z
  .string()
  .transform((s) => s.replace(/[ \t\r\n\f]+/g, " ").trim())
  .pipe(z.string().min(1));

function checked<T extends string>(check: (value: string) => Problem | undefined, normalize?: (value: string) => T) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    const problem = check(value);
    if (problem) {
      ctx.issues.push({ code: "custom", message: problem.message, params: { hint: problem.hint }, input: raw });
      return z.NEVER;
    }
    return normalize ? normalize(value) : value;
  });
}

/** YAML 1.1 timestamps come back as Date objects; keep the text form. */
const fromDate = (asDateOnly: boolean) => (v: unknown) =>
  v instanceof Date && !Number.isNaN(v.getTime()) ? (asDateOnly ? v.toISOString().slice(0, 10) : v.toISOString()) : v;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `undefined` when `value` is a real `YYYY-MM-DD` date. */
function checkCalendarDate(value: string, key: string): Problem | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) {
    const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
    const example = loose ? `${loose[1]}-${loose[2]?.padStart(2, "0")}-${loose[3]?.padStart(2, "0")}` : "2026-05-14";
    return { message: `\`${key}\` must be an ISO date (YYYY-MM-DD), not \`${value}\``, hint: `write it as year-month-day, e.g. ${key}: ${example}` };
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) {
    return { message: `\`${value}\` is not a real date: there is no month ${m[2]}`, hint: "the month comes second: YYYY-MM-DD, 01 to 12" };
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return { message: `\`${value}\` is not a real date`, hint: `${MONTHS[month - 1]} ${year} has ${days} days` };
  }
  return undefined;
}

const EMBARGO_EXAMPLE = "embargo: 2026-05-14T06:00:00Z";

function checkDateTime(value: string): Problem | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))$/.exec(value);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { message: `\`embargo\` needs a time and a time zone, not just the date \`${value}\``, hint: `e.g. ${EMBARGO_EXAMPLE} (Z means UTC)` };
    if (/^\d{4}-\d{2}-\d{2}[ t]\d/.test(value) && !/[zZ]$|[+-]\d{2}:?\d{2}$/.test(value)) {
      return { message: `\`embargo\` has no time zone: \`${value}\``, hint: `add Z for UTC or an offset, and use T between date and time, e.g. ${EMBARGO_EXAMPLE} or embargo: 2026-05-14T07:00:00+01:00` };
    }
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value)) return { message: `\`embargo\` has no time zone: \`${value}\``, hint: `add Z for UTC or an offset such as +01:00, e.g. ${EMBARGO_EXAMPLE}` };
    return { message: `\`embargo\` must be an ISO 8601 date and time with a time zone, not \`${value}\``, hint: `e.g. ${EMBARGO_EXAMPLE} or embargo: 2026-05-14T07:00:00+01:00` };
  }
  const dateProblem = checkCalendarDate(m[1] ?? "", "embargo");
  if (dateProblem) return dateProblem;
  const [hour, minute, second, offHour, offMinute] = [m[2], m[3], m[4], m[6], m[7]].map((s) => Number(s ?? 0)) as [number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59 || offHour > 14 || offMinute > 59) {
    return { message: `\`${value}\` is not a real time`, hint: "hours run 00–23, minutes and seconds 00–59" };
  }
  return undefined;
}

function checkEmail(value: string): Problem | undefined {
  if (/^mailto:/i.test(value)) return { message: `\`email\` must be the bare address, not \`${value}\``, hint: `write it without mailto:, e.g. email: ${value.slice(7)}` };
  if (/^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(\.[^\s@<>()[\],;:".]+)+$/.test(value)) return undefined;
  return { message: `\`${value}\` does not look like an e-mail address`, hint: "e.g. email: press@harbourtown.example" };
}

function checkLang(value: string): Problem | undefined {
  if (canonicalLanguageTag(value)) return undefined;
  return { message: `\`${value}\` is not a valid BCP 47 language tag`, hint: languageTagHint(value, (t) => `lang: ${t}`) };
}

const contactSchema = z.strictObject({
  name: text.optional(),
  email: checked(checkEmail).optional(),
  phone: text.optional(),
});

/** The front matter's schema; exported for tests. */
export const frontMatterSchema = z.strictObject({
  title: text,
  standfirst: text.optional(),
  organization: text,
  date: z.preprocess(fromDate(true), checked((v) => checkCalendarDate(v, "date"))),
  place: text.optional(),
  embargo: z.preprocess(fromDate(false), checked(checkDateTime)).optional(),
  lang: checked(checkLang, (v) => canonicalLanguageTag(v) ?? v).optional(),
  contact: contactSchema.optional(),
});

const KNOWN_KEYS = {
  top: Object.keys(frontMatterSchema.shape),
  contact: Object.keys(contactSchema.shape),
};

// ---------------------------------------------------------------------------

const FENCE = /^---[ \t]*(?:\r?\n|$)/;

/** Reads and checks the front matter at the top of `text`. */
export function parseFrontMatter(text: string, file: string, lines: LineIndex): FrontMatter {
  const diagnostics: Diagnostic[] = [];
  const metaPos: Release["metaPos"] = {};
  const fail = (at: Position, message: string, hint?: string) => diagnostics.push(error({ file, ...at }, message, hint));

  // Opening fence: the very first line (blank lines before it are reported, then tolerated).
  let open = FENCE.exec(text) ? 0 : -1;
  if (open === -1) {
    const late = /^(?:[ \t]*\r?\n)+(?=---[ \t]*(?:\r?\n|$))/.exec(text);
    if (late) {
      open = late[0].length;
      fail(lines.at(open), "the front matter must start on the first line", "remove the blank lines before the opening `---`");
    }
  }
  if (open === -1) {
    fail(
      { line: 1, column: 1 },
      "the file has no front matter",
      "start the file with a line `---`, then lines such as `title: …`, `organization: …` and `date: 2026-05-14`, then a closing `---`",
    );
    return { metaPos, bodyStart: 0, diagnostics };
  }
  const openLine = lines.at(open).line;
  const yamlStart = open + (FENCE.exec(text.slice(open))?.[0].length ?? 3);
  const closeRe = /^---[ \t]*(?:\r?\n|$)/gm;
  closeRe.lastIndex = yamlStart;
  const close = yamlStart > text.length ? null : closeRe.exec(text);
  if (!close) {
    fail({ line: openLine, column: 1 }, "the front matter is not closed", "add a line `---` after the last front-matter line, before the body");
    return { metaPos, diagnostics };
  }
  const bodyStart = close.index + close[0].length;
  const yamlText = text.slice(yamlStart, close.index);

  // YAML. The core schema keeps `2026-05-14` a string (no Date objects).
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: "core", lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlPos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + openLine, column: col };
  };
  const nodePos = (node: YamlNode | null | undefined, fallback: Position): Position =>
    node?.range ? yamlPos(node.range[0]) : fallback;
  /** Where a key's value starts; the key itself when the value is empty. */
  const valuePos = (pair: Pair, fallback: Position): Position => {
    const keyPos = nodePos(pair.key as YamlNode | null, fallback);
    const value = pair.value as YamlNode | null;
    const empty = !value?.range || (isScalar(value) && value.value === null && value.range[0] === value.range[1]);
    return empty ? keyPos : nodePos(value, keyPos);
  };

  if (doc.errors.length > 0) {
    const seenLines = new Set<number>();
    for (const e of doc.errors) {
      const at = yamlPos(e.pos[0]);
      if (seenLines.has(at.line)) continue; // one mistake often yields several parser errors on a line
      seenLines.add(at.line);
      fail(at, `YAML syntax error: ${e.message}`, yamlHint(e.code, /^[^:\s]+/.exec(yamlText.slice(e.pos[0]))?.[0] ?? ""));
    }
    return { metaPos, bodyStart, diagnostics };
  }

  const firstLine: Position = { line: openLine, column: 1 };
  const root = doc.contents;
  if (root !== null && !isMap(root)) {
    fail(nodePos(root, { line: openLine + 1, column: 1 }), "the front matter must be `key: value` lines", `e.g. ${EXAMPLE_LINES.title}`);
    return { metaPos, bodyStart, diagnostics };
  }
  const data: unknown = root === null ? {} : doc.toJS();
  const result = frontMatterSchema.safeParse(data);

  const topPairs = root === null ? [] : root.items;
  const contactPair = findPair(topPairs, "contact");
  const pairsAt = (path: readonly PropertyKey[]): Pair[] => {
    if (path.length === 0) return topPairs;
    if (path[0] === "contact" && isMap(contactPair?.value)) return (contactPair.value as YAMLMap).items as Pair[];
    return [];
  };

  if (!result.success) {
    const missing: string[] = [];
    // Keys that a misspelt key was probably meant to be: not also reported as missing.
    const suggested = new Set<string>();
    for (const issue of result.error.issues) {
      const path = issue.path;
      if (issue.code === "unrecognized_keys") {
        const known = path.length === 0 ? KNOWN_KEYS.top : KNOWN_KEYS.contact;
        for (const key of issue.keys) {
          const pair = findPair(pairsAt(path), key);
          const at = nodePos(pair?.key as YamlNode | undefined, firstLine);
          const guess = closestKey(key, known);
          if (guess && path.length === 0) suggested.add(guess);
          const where = path.length === 0 ? "" : ` in \`${path.join(".")}\``;
          let hint: string;
          if (guess) hint = `did you mean \`${guess}\`?`;
          else if (path.length === 0 && KNOWN_KEYS.contact.includes(key.toLowerCase())) hint = `put \`${key.toLowerCase()}\` under \`contact:\`, indented by two spaces`;
          else hint = `the keys allowed here are ${known.map((k) => `\`${k}\``).join(", ")}`;
          fail(at, `unknown key \`${key}\`${where}`, hint);
        }
        continue;
      }
      const key = String(path[path.length - 1] ?? "");
      const pair = findPair(pairsAt(path.slice(0, -1)), key);
      if (!pair) {
        if (path.length === 1) missing.push(key);
        continue;
      }
      const at = valuePos(pair, firstLine);
      const problem: Problem =
        issue.code === "custom"
          ? { message: issue.message, hint: (issue.params as { hint?: string } | undefined)?.hint ?? "" }
          : issue.code === "too_small"
            ? { message: `\`${path.join(".")}\` is empty`, hint: `write the value after \`${key}:\`, or delete the line` }
            : describeWrongValue(path.join("."), pair.value, yamlText);
      fail(at, problem.message, problem.hint || undefined);
    }
    for (const key of missing) {
      if (suggested.has(key)) continue;
      fail(firstLine, `the front matter has no \`${key}\``, `add a line such as \`${EXAMPLE_LINES[key] ?? `${key}: …`}\``);
    }
    return { metaPos, bodyStart, diagnostics };
  }

  for (const pair of topPairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key in frontMatterSchema.shape) {
      metaPos[key as keyof Release["metaPos"]] = valuePos(pair, firstLine);
    }
  }
  const { lang, contact, ...rest } = result.data;
  const meta: ReleaseMeta = { ...rest, ...(contact && Object.keys(contact).length > 0 ? { contact } : {}) };
  return { meta, ...(lang ? { lang } : {}), metaPos, bodyStart, diagnostics };
}

function findPair(items: readonly unknown[], key: string): Pair | undefined {
  return items.find((p): p is Pair => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
}

/** The allowed key `key` was probably meant to be: same letters in another case, or at most two edits away. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const exact = known.find((k) => k === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = leven(lower, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Wording for a value of the wrong YAML type (the schema wants text, or a block for `contact`). */
function describeWrongValue(key: string, value: unknown, yamlText: string): Problem {
  const name = key.split(".").pop() ?? key;
  if (value === null || (isScalar(value) && value.value === null)) {
    return key === "contact"
      ? { message: "`contact` has no value", hint: "add `name:`, `email:` or `phone:` lines under it, indented by two spaces, or delete the line" }
      : { message: `\`${key}\` has no value`, hint: `write the value after \`${name}:\`, or delete the line` };
  }
  if (key === "contact") {
    return {
      message: "`contact` must be a block of `name:`, `email:` and `phone:` lines",
      hint: "put each on its own line under `contact:`, indented by two spaces",
    };
  }
  if (isScalar(value)) {
    const written = value.range ? yamlText.slice(value.range[0], value.range[1]).trim() : String(value.value);
    const kind = typeof value.value === "number" ? "a number" : typeof value.value === "boolean" ? "true/false" : "something other than text";
    const hint =
      key === "date" ? "write it as year-month-day, e.g. date: 2026-05-14"
      : key === "embargo" ? "write it as an ISO date and time, e.g. embargo: 2026-05-14T06:00:00Z"
      : `put it in quotes: ${name}: "${written}"`;
    return { message: `\`${key}\` must be text, but YAML reads \`${written}\` as ${kind}`, hint };
  }
  if (isSeq(value)) return { message: `\`${key}\` must be text, not a list`, hint: `write one value on the same line: ${name}: …` };
  if (isMap(value)) return { message: `\`${key}\` must be text, not a block of keys`, hint: `write the value on the same line as \`${name}:\`` };
  return { message: `\`${key}\` must be text`, hint: `write it as ${name}: …` };
}

function yamlHint(code: string, near: string): string {
  switch (code) {
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return 'put a value that contains `: ` in quotes, e.g. title: "Harbour Town: a new library"';
    case "DUPLICATE_KEY":
      return `each key may appear once; delete one of the \`${near || "duplicate"}\` lines`;
    case "TAB_AS_INDENT":
      return "indent with spaces, not tabs";
    case "MISSING_CHAR":
      return "close the quotation mark, or leave the value unquoted";
    case "BAD_INDENT":
    case "UNEXPECTED_TOKEN":
      return "top-level keys start at the beginning of the line; the keys under `contact:` are indented by two spaces";
    default:
      return "check the YAML near this point; put values that contain `: `, ` #` or start with a quote, `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%` or `@` in quotes";
  }
}
