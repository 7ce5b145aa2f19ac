// The Typst side of the whole-process timing: `node bench/typst/child.mjs <job.json>`.
// Starts like a real tool would: loads the compiler, reads the font files,
// compiles each `.typ` to a PDF/UA-1 file on disk, and prints one JSON line
// `{ "pages": [..] }`. Plain JS (not TypeScript through tsx) so that the
// child's start is Node + the compiler, nothing else. Typed with JSDoc.
// job.json: { "fonts": [absolute font file paths], "jobs": [{ "typ": path, "pdf": path }] }
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** @type {{ fonts: string[], jobs: { typ: string, pdf: string }[] }} */
const job = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8"));
const { NodeCompiler } = createRequire(import.meta.url)("@myriaddreamin/typst-ts-node-compiler");
const fontBlobs = job.fonts.map((f) => readFileSync(f));
// Workspace `/`: a figure's absolute image path resolves (see compile.ts).
const compiler = NodeCompiler.create({ workspace: "/", fontArgs: [{ fontBlobs }] });

/** @type {number[]} */
const pages = [];
let failed = 0;
for (const { typ, pdf } of job.jobs) {
  const result = compiler.compile({ mainFileContent: readFileSync(typ, "utf8") });
  const doc = result.result;
  if (!doc) {
    failed++;
    console.error(`${typ}: ${JSON.stringify(result.takeError()?.shortDiagnostics ?? "error")}`);
    continue;
  }
  mkdirSync(path.dirname(pdf), { recursive: true });
  writeFileSync(pdf, compiler.pdf(doc, { pdfStandard: "ua-1" }));
  pages.push(doc.numOfPages);
}
console.log(JSON.stringify({ pages }));
process.exitCode = failed > 0 ? 1 : 0;
