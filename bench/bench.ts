/**
 * `npm run bench`: builds the sample content several times in one process
 * and prints, per document, milliseconds for Pressroom's tagged output and
 * for react-pdf's own untagged renderer on the same laid-out pages, plus
 * peak memory. Targets (2-core machine): warm median ≤ 50 ms for a one-page
 * release; tagged ≤ 1.15 × untagged; peak RSS ≤ 300 MB.
 *
 *   layout   = Pressroom's layout passes (header, column flow, frame) in react-pdf
 *   tagged   = layout + Pressroom's tagged render
 *   untagged = layout + @react-pdf/render (what renderToBuffer does after layout)
 *   verify   = reading the PDF back and the PDF/UA checks (every build does this too)
 */
import { performance } from "node:perf_hooks";
import PDFDocument from "pdfkit";
import renderUntagged from "@react-pdf/render";
import { loadLayouts } from "../src/build/layouts.ts";
import { documentDate } from "../src/build/dates.ts";
import { discoverSources } from "../src/discover/discover.ts";
import { layoutRelease } from "../src/layout/pages.tsx";
import type { PreparedRelease } from "../src/model/prepared.ts";
import { parseRelease } from "../src/parse/parse-release.ts";
import { createFontStore, loadFontManifest } from "../src/prepare/fonts.ts";
import { prepareRelease } from "../src/prepare/prepare.ts";
import { profiles } from "../src/render/profiles.ts";
import { renderTagged } from "../src/render/render.ts";
import type { LayoutNode } from "../src/layout/tree.ts";
import { checkPdf } from "../src/verify/check.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const layoutId = process.env.BENCH_LAYOUT ?? "handout-a4";

let peakRss = 0;
const sampleMemory = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const memoryTimer = setInterval(sampleMemory, 2);

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const fmt = (x: number) => x.toFixed(1).padStart(7);

const fonts = await loadFontManifest();
if (!fonts.manifest) throw new Error("font manifest failed to load");
const manifest = fonts.manifest;
const layout = (await loadLayouts()).layouts.get(layoutId);
if (!layout) throw new Error(`no layout ${layoutId}`);
const profile = profiles[layout.profile];

const prepared: PreparedRelease[] = [];
for (const s of (await discoverSources("content")).sources) {
  const parsed = parseRelease(s);
  const p = parsed.release && prepareRelease(parsed.release, manifest).prepared;
  if (p) prepared.push(p);
}

const laidOut = (p: PreparedRelease) => layoutRelease(p, layout, createFontStore(manifest));

async function tagged(p: PreparedRelease, root: LayoutNode): Promise<Uint8Array> {
  const r = await renderTagged({
    root, file: p.release.file, paint: profile.paint(layout!), ...(profile.finish ? { finish: profile.finish } : {}),
    meta: { title: p.release.meta.title, lang: p.lang, author: p.release.meta.organization, date: documentDate(p.release.meta.date) },
  });
  return r.bytes!;
}

function untagged(root: LayoutNode): Promise<void> {
  return new Promise((resolve) => {
    const ctx = new PDFDocument({ autoFirstPage: false, compress: true, displayTitle: true });
    ctx.on("data", () => {});
    ctx.on("end", () => resolve());
    (renderUntagged as unknown as (ctx: unknown, doc: unknown) => void)(ctx, root);
  });
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

console.log(`Pressroom bench: ${prepared.length} documents × ${ROUNDS} rounds, layout ${layoutId}, Node ${process.version}\n`);
type Row = { name: string; pages: number; layout: number[]; tagged: number[]; untagged: number[]; verify: number[] };
const rows: Row[] = [];
for (const p of prepared) {
  const row: Row = { name: `${p.release.slug}/${p.lang}`, pages: 0, layout: [], tagged: [], untagged: [], verify: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const [tl, root] = await time(() => laidOut(p));
    const [tt, bytes] = await time(() => tagged(p, root));
    const [tv] = await time(() => checkPdf(bytes, { file: "bench.pdf", profiles: profile.checks }));
    // react-pdf's renderer on a fresh layout of the same release (its render reads but may cache on nodes).
    const [ul, root2] = await time(() => laidOut(p));
    const [tu] = await time(() => untagged(root2));
    row.pages = root.children?.length ?? 0;
    row.layout.push(tl);
    row.tagged.push(tl + tt);
    row.untagged.push(ul + tu);
    row.verify.push(tv);
  }
  rows.push(row);
}
clearInterval(memoryTimer);
sampleMemory();

console.log("document              pages | layout | tagged: first median | untagged: first median | tagged/untagged | verify");
for (const r of rows) {
  const t = median(r.tagged.slice(1)), u = median(r.untagged.slice(1));
  console.log(`${r.name.padEnd(21)} ${String(r.pages).padStart(5)} | ${fmt(median(r.layout.slice(1)))}| ${fmt(r.tagged[0]!)} ${fmt(t)}     | ${fmt(r.untagged[0]!)} ${fmt(u)}       | ${(t / u).toFixed(2).padStart(8)}        | ${fmt(median(r.verify.slice(1)))}`);
}
console.log(`\npeak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
console.log("ms, medians over warm rounds (first round excluded); fresh font store per document, as the build does.");
console.log("targets: warm tagged median <= 50 ms for a one-page release; tagged/untagged <= 1.15; peak RSS <= 300 MB.");
