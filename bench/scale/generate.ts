/**
 * A long English release for the scaling bench, of about `pages` A4
 * handout pages, made from the sample releases' own sentences.
 *
 * Constraints:
 * - Deterministic: a seeded generator, so every run builds the same text.
 * - Paragraphs are new combinations of 3–6 sample sentences, not copies of
 *   whole paragraphs: Typst memoizes the layout of identical paragraphs
 *   within a compile, and Pressroom may cache per word or paragraph too, so
 *   verbatim repeats would flatter whichever caches more. Sentences do
 *   repeat (a real long report repeats words, not whole paragraphs).
 * - Only sentences whose Markdown is self-contained (balanced `[]`, `()`,
 *   `“”`, `*`) are used, so every paragraph parses without error.
 * - Structure of a long report: `##` sections every 10 paragraphs, a `###`
 *   subsection in every third section, a list every 25 paragraphs and a
 *   pull quote every 40.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "../../test/support/seeded-random.ts";
import { repoRoot } from "../process/run.ts";

/** Paragraphs per A4 handout page, measured with this generator (see README bench section). */
export const PARAGRAPHS_PER_PAGE = 7.0;

const SAMPLES = ["test/fixtures/releases/long-report/en.md", "test/fixtures/releases/clinic-vans/en.md"];

const count = (s: string, c: string) => s.split(c).length - 1;
const balanced = (s: string) =>
  count(s, "[") === count(s, "]") && count(s, "(") === count(s, ")") && count(s, "“") === count(s, "”") && count(s, "*") % 2 === 0;

type Pool = { sentences: string[]; listItems: string[]; headings: string[]; quotes: { text: string; by: string }[] };

function samplePool(): Pool {
  const pool: Pool = { sentences: [], listItems: [], headings: [], quotes: [] };
  for (const file of SAMPLES) {
    const body = readFileSync(path.join(repoRoot, file), "utf8").split(/^---$/m).slice(2).join("---");
    const lines = body.split("\n");
    lines.forEach((line, i) => {
      if (line.startsWith("## ")) pool.headings.push(line.slice(3).trim());
      else if (line.startsWith("- ")) pool.listItems.push(line.slice(2).trim());
      else if (line.startsWith("> “")) pool.quotes.push({ text: line.slice(2).trim(), by: (lines[i + 1] ?? "").replace(/^> — /, "").trim() });
      else if (line.trim() && !/^[>#\-\d]/.test(line)) {
        // A sentence ends at . ! ? (and a closing quote) before a space and a capital or opening quote.
        for (const s of line.trim().split(/(?<=[.!?][”’]?)\s+(?=[A-Z“])/)) if (balanced(s)) pool.sentences.push(s);
      }
    });
  }
  return pool;
}

/** Markdown of the long release. */
export function generateLongRelease(pages: number, seed = 1): string {
  const pool = samplePool();
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const paragraphs = Math.max(4, Math.round(pages * PARAGRAPHS_PER_PAGE));
  const out: string[] = [];
  let section = 0;
  for (let i = 0; i < paragraphs; i++) {
    if (i > 0 && i % 10 === 0) {
      section++;
      out.push(`## ${section}. ${pick(pool.headings)}`);
    }
    if (i % 10 === 5 && section % 3 === 2) out.push(`### ${section}.1 ${pick(pool.headings)}: details`);
    const n = 3 + Math.floor(rnd() * 4);
    out.push(Array.from({ length: n }, () => pick(pool.sentences)).join(" "));
    if (i % 25 === 24) out.push(Array.from({ length: 4 }, () => `- ${pick(pool.listItems)}`).join("\n"));
    if (i % 40 === 20) {
      const q = pick(pool.quotes);
      out.push(`> [!PULLQUOTE]\n> ${q.text}\n> — ${q.by}`);
    }
  }
  const front = [
    "---",
    `title: "Scaling sample: a report of about ${pages} pages"`,
    "standfirst: Paragraphs recombined from the sample releases' sentences, with sections, lists and pull quotes, to see how build time and memory grow with length.",
    "organization: Greyhaven Food Partnership",
    "date: 2026-03-24",
    "place: Greyhaven",
    "contact:",
    "  name: Tobias Renshaw, Head of Communications",
    "  email: media@greyhavenfood.example",
    '  phone: "+44 1632 960 583"',
    "---",
  ];
  return `${front.join("\n")}\n\n${out.join("\n\n")}\n`;
}
