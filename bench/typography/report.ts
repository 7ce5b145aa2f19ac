/**
 * The typography report over a content folder: build every release in every
 * edition with the normal build into a temporary folder, then measure each
 * PDF as written (measure.ts) and as PDF.js reads it (pdfjs.ts, reading.ts).
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "../../src/build/build.ts";
import { discoverSources } from "../../src/discover/discover.ts";
import { formatDiagnostic, type Diagnostic } from "../../src/model/diagnostic.ts";
import type { Release } from "../../src/model/release.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { tempDir } from "../../test/support/build.ts";
import { typographyOf, type Example, type Typography } from "./measure.ts";
import { pdfjsWords } from "./pdfjs.ts";
import { compareReading, expectedWords, type Reading } from "./reading.ts";

export type Row = { content: string; file: string; slug: string; lang: string; layout: string } & Typography & { reading: Reading };
export type Summary = {
  pdfs: number; longestLadder: number; hyphenatedLines: number; maxGap: number; worstMedianGap: number;
  lastLinesAway: number; firstLinesShort: number; linesShort: number; wordsOutside: number; worstRecall: number;
};

/** Measures one PDF of a release. */
export async function measurePdf(bytes: Uint8Array, release: Release): Promise<Typography & { reading: Reading }> {
  const { expected, allowed } = expectedWords(release);
  return { ...(await typographyOf(bytes)), reading: compareReading(await pdfjsWords(bytes), expected, allowed) };
}

/** Builds `contentDir` and measures every PDF written. Build errors are returned, not thrown. */
export async function measureContent(contentDir: string, options: { layouts?: string[] } = {}): Promise<{ rows: Row[]; diagnostics: Diagnostic[] }> {
  const outDir = tempDir("pressroom-typography-");
  try {
    const result = await build({ contentDir, outDir, ...(options.layouts ? { layouts: options.layouts } : {}) });
    const releases = new Map<string, Release>();
    for (const source of (await discoverSources(contentDir)).sources) {
      const release = parseRelease(source).release;
      if (release) releases.set(`${source.slug}/${source.lang}`, release);
    }
    const rows: Row[] = [];
    for (const o of result.outputs) {
      const release = releases.get(`${o.slug}/${o.lang}`);
      // The press e-mail is an output too; only PDFs are measured.
      if (!release || !o.file.endsWith(".pdf")) continue;
      const bytes = new Uint8Array(readFileSync(path.join(outDir, o.file)));
      rows.push({ content: contentDir, file: o.file, slug: o.slug, lang: o.lang, layout: o.layout, ...(await measurePdf(bytes, release)) });
    }
    return { rows, diagnostics: result.diagnostics };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function summarize(rows: readonly Row[]): Summary {
  const max = (f: (r: Row) => number) => rows.reduce((m, r) => Math.max(m, f(r)), 0);
  const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    pdfs: rows.length,
    longestLadder: max((r) => r.ladder.longest),
    hyphenatedLines: sum((r) => r.ladder.hyphenatedLines),
    maxGap: max((r) => r.gaps.max),
    worstMedianGap: max((r) => r.gaps.median),
    lastLinesAway: sum((r) => r.lastLines.away),
    firstLinesShort: sum((r) => r.firstLines.short),
    linesShort: sum((r) => r.shortLines.short),
    wordsOutside: sum((r) => r.reading.outside),
    worstRecall: rows.reduce((m, r) => Math.min(m, r.reading.recall), 1),
  };
}

const HEADER = ["pdf", "pages", "ladder", "hyph", "gap med", "gap max", "last away", "first short", "short", "read", "outside", "recall"];

function cells(r: Row): string[] {
  return [
    `${r.slug}/${r.lang}/${r.layout}`, String(r.pages), String(r.ladder.longest), String(r.ladder.hyphenatedLines),
    r.gaps.count ? r.gaps.median.toFixed(3) : "-", r.gaps.count ? r.gaps.max.toFixed(3) : "-",
    `${r.lastLines.away}/${r.lastLines.judged}`, `${r.firstLines.short}/${r.firstLines.judged}`,
    `${r.shortLines.short}/${r.shortLines.judged}`,
    String(r.reading.words), String(r.reading.outside), r.reading.recall.toFixed(3),
  ];
}

const quote = (e: Example) => `p${e.page} (${e.by}) “${e.text}”`;

/** The table, one row per PDF, with examples under rows that have findings, and the summary line. */
export function formatReport(rows: readonly Row[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const format = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const out = [format(HEADER), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const r of rows) {
    out.push(format(cells(r)));
    if (r.ladder.longest >= 3 && r.ladder.example) out.push(`    ladder ends at: ${quote(r.ladder.example)}`);
    if (r.gaps.maxExample && r.gaps.max >= 1) out.push(`    widest gap in: ${quote(r.gaps.maxExample)}`);
    for (const e of r.lastLines.examples) out.push(`    last line away from start edge by pt: ${quote(e)}`);
    for (const e of r.firstLines.examples) out.push(`    first line short by pt: ${quote(e)}`);
    for (const e of r.shortLines.examples.filter((e) => !r.firstLines.examples.some((f) => f.page === e.page && f.text === e.text))) out.push(`    line short by pt: ${quote(e)}`);
    if (r.reading.outside) out.push(`    outside the source: ${r.reading.outsideExamples.map((w) => `"${w}"`).join(", ")}`);
  }
  const s = summarize(rows);
  out.push("", `summary: ${s.pdfs} PDFs; longest hyphen ladder ${s.longestLadder}; ${s.hyphenatedLines} hyphenated line ends; ` +
    `word gap max ${s.maxGap.toFixed(3)} em, worst median ${s.worstMedianGap.toFixed(3)} em; ${s.lastLinesAway} last lines away from the start edge; ` +
    `${s.firstLinesShort} first lines not justified; ${s.linesShort} lines short of a justified measure (first ones included); ${s.wordsOutside} words read outside the source; worst recall ${s.worstRecall.toFixed(3)}`);
  return out.join("\n");
}

export const formatDiagnostics = (d: readonly Diagnostic[]) => d.filter((x) => x.severity === "error").map((x) => formatDiagnostic(x));
