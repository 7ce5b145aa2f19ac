/**
 * `npm run typography [-- <content dir>… ] [--layout <ids>] [--json]`
 *
 * Builds every release in every edition (default: `content/`, plus
 * `test/fixtures/releases/` when it exists) into a temporary folder and
 * prints, per PDF, the typography measures of the PDF as written and what
 * PDF.js reads from it; then one summary line with the worst values. The
 * definitions are in bench/typography/measure.ts, frames.ts, pdfjs.ts and
 * reading.ts, and in README.md ("Typography report").
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { UsageError } from "../src/build/build.ts";
import { formatDiagnostics, formatReport, measureContent, summarize, type Row } from "./typography/report.ts";

const USAGE = "usage: npm run typography -- [contentDir…] [--layout <ids>] [--json]";

function options() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { layout: { type: "string", short: "l" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = options();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const dirs = positionals.length ? positionals : ["content", "test/fixtures/releases"].filter((d) => existsSync(d));
const layouts = values.layout?.split(",").map((s) => s.trim()).filter(Boolean);

const rows: Row[] = [];
let failed = false;
for (const dir of dirs) {
  if (!existsSync(dir)) {
    console.error(`${dir}: no such content folder`);
    process.exit(1);
  }
  try {
    const result = await measureContent(dir, layouts ? { layouts } : {});
    rows.push(...result.rows);
    for (const line of formatDiagnostics(result.diagnostics)) {
      console.error(line);
      failed = true;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

if (values.json) console.log(JSON.stringify({ rows, summary: summarize(rows) }, null, 2));
else console.log(`Typography report: ${dirs.join(", ")}\n\n${formatReport(rows)}`);
process.exit(failed ? 1 : 0);
