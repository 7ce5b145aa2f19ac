/**
 * The recipients list of `pressroom send --to`: a text file with one address
 * per line (`Name <address>` allowed; blank lines and `#` comments skipped),
 * or a CSV file (name ending in `.csv`) with an `email` column and an
 * optional `name` column.
 *
 * The whole list is checked before anything is sent: every bad line is
 * reported as `file:line:col: error: …`, and one error refuses the run. An
 * address listed twice is sent to once (a warning).
 */
import type { Diagnostic } from "../../model/diagnostic.ts";

export type Recipient = {
  address: string;
  name?: string;
  /** Where the address is in the list file, 1-based. */
  line: number;
  column: number;
};

export type RecipientList = { recipients: Recipient[]; diagnostics: Diagnostic[] };

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const LOCAL_PART = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`);
/** A domain label: letters (any script, for internationalised domains), digits and inner hyphens. */
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

/**
 * Why `address` is not an address one can send to, or `undefined` when it is
 * one: `local@domain.tld`, a dot-atom local part (no quoted local parts, no
 * IP literals), a domain of at least two labels ending in a letter label.
 */
export function addressProblem(address: string): string | undefined {
  if (address === "") return "the address is empty";
  if (/\s/.test(address)) return "an address has no spaces (one address per line)";
  const at = address.lastIndexOf("@");
  if (at < 0) return "there is no @";
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === "") return "there is nothing before the @";
  if (domain === "") return "there is no domain after the @";
  if (local.includes("@")) return "there is more than one @";
  if (local.length > 64) return "the part before the @ is longer than 64 characters";
  if (/[^\x00-\x7f]/.test(local)) return "the part before the @ has letters outside ASCII, which most mail servers refuse";
  if (!LOCAL_PART.test(local)) return "the part before the @ has a character that needs quoting, or dots at its start, end or twice in a row";
  const labels = domain.split(".");
  if (labels.length < 2) return `the domain \`${domain}\` has no dot`;
  if (!labels.every((l) => LABEL.test(l))) return `the domain \`${domain}\` is not a domain name`;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return `the domain \`${domain}\` ends in a number`;
  if (address.length > 254) return "the address is longer than 254 characters";
  return undefined;
}

const HINT = "write one address per line, as name@example.org or Name <name@example.org>";

function check(file: string, found: Omit<Recipient, "address"> & { address: string }, out: RecipientList): void {
  const problem = addressProblem(found.address);
  if (problem) {
    out.diagnostics.push({ severity: "error", file, line: found.line, column: found.column, message: `\`${found.address}\` is not an e-mail address: ${problem}`, hint: HINT });
    return;
  }
  const name = found.name?.replace(/[\s\p{Cc}]+/gu, " ").trim();
  out.recipients.push({ address: found.address, ...(name ? { name } : {}), line: found.line, column: found.column });
}

/** `Name <address>`, `"Name, Title" <address>` or a bare address; positions are 1-based. */
function parseTextLine(line: string, lineNo: number, file: string, out: RecipientList): void {
  const start = line.length - line.trimStart().length;
  const text = line.trim();
  if (text === "" || text.startsWith("#")) return;
  const angled = /^(.*?)\s*<([^<>]*)>$/.exec(text);
  if (angled) {
    let name = angled[1]!;
    if (/^".*"$/.test(name)) name = name.slice(1, -1).replace(/\\(.)/g, "$1");
    const column = start + text.lastIndexOf("<") + 2;
    check(file, { address: angled[2]!.trim(), ...(name ? { name } : {}), line: lineNo, column }, out);
    return;
  }
  check(file, { address: text, line: lineNo, column: start + 1 }, out);
}

type CsvField = { value: string; line: number; column: number };

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): CsvField[][] {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const atEnd = () => i >= text.length;
  while (!atEnd()) {
    const field: CsvField = { value: "", line, column };
    if (text[i] === '"') {
      i++; column++;
      while (!atEnd()) {
        const ch = text[i]!;
        if (ch === '"' && text[i + 1] === '"') { field.value += '"'; i += 2; column += 2; continue; }
        if (ch === '"') { i++; column++; break; }
        if (ch === "\n") { line++; column = 1; } else column++;
        field.value += ch;
        i++;
      }
      // Anything between the closing quote and the delimiter is kept, as most spreadsheets do.
      while (!atEnd() && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") { field.value += text[i]; i++; column++; }
    } else {
      while (!atEnd() && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") { field.value += text[i]; i++; column++; }
    }
    row.push(field);
    if (text[i] === ",") { i++; column++; continue; }
    if (text[i] === "\r") i++;
    if (text[i] === "\n") i++;
    rows.push(row);
    row = [];
    line++;
    column = 1;
  }
  if (row.length) rows.push(row);
  return rows;
}

function parseCsvList(file: string, text: string, out: RecipientList): void {
  const rows = parseCsv(text).filter((r) => r.some((f) => f.value.trim() !== ""));
  const header = rows.shift();
  const names = header?.map((f) => f.value.trim().toLowerCase()) ?? [];
  const emailAt = names.indexOf("email");
  const nameAt = names.indexOf("name");
  if (emailAt < 0) {
    out.diagnostics.push({
      severity: "error", file, line: header?.[0]?.line ?? 1, column: 1,
      message: "the CSV file has no `email` column",
      hint: "the first row names the columns, e.g. name,email",
    });
    return;
  }
  for (const row of rows) {
    const cell = row[emailAt];
    const first = row[0]!;
    if (!cell || cell.value.trim() === "") {
      out.diagnostics.push({ severity: "error", file, line: first.line, column: first.column, message: "this row has no address in the `email` column", hint: "fill in the address or delete the row" });
      continue;
    }
    const lead = cell.value.length - cell.value.trimStart().length;
    const name = nameAt >= 0 ? row[nameAt]?.value.trim() : undefined;
    check(file, { address: cell.value.trim(), ...(name ? { name } : {}), line: cell.line, column: cell.column + lead }, out);
  }
}

/** Parses and checks a recipients file's text. `file` names it in diagnostics and decides the format (`.csv`). */
export function parseRecipients(file: string, text: string): RecipientList {
  const out: RecipientList = { recipients: [], diagnostics: [] };
  text = text.replace(/^\uFEFF/, "");
  if (/\.csv$/i.test(file)) parseCsvList(file, text, out);
  else text.split(/\r?\n/).forEach((line, i) => parseTextLine(line, i + 1, file, out));

  // The same address twice (case-insensitively) is sent to once.
  const seen = new Map<string, Recipient>();
  out.recipients = out.recipients.filter((r) => {
    const key = r.address.toLowerCase();
    const first = seen.get(key);
    if (!first) { seen.set(key, r); return true; }
    out.diagnostics.push({ severity: "warning", file, line: r.line, column: r.column, message: `${r.address} is listed again (first on line ${first.line}); it gets one message` });
    return false;
  });
  if (out.recipients.length === 0 && !out.diagnostics.some((d) => d.severity === "error")) {
    out.diagnostics.push({ severity: "error", file, message: "the list has no recipients", hint: HINT });
  }
  out.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return out;
}
