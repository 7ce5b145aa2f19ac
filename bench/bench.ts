/**
 * `npm run bench`: builds the sample content several times in one process
 * and prints, side by side, per-document milliseconds for Pressroom's tagged
 * output and for react-pdf's own untagged renderToBuffer of the same layout,
 * plus peak memory. Targets (2-core machine): warm median ≤ 50 ms for a
 * one-page release, tagged ≤ 1.15 × untagged, peak RSS ≤ 300 MB.
 */
import React from "react";
import { performance } from "node:perf_hooks";
import { renderToBuffer } from "@react-pdf/renderer";
import { loadLayouts } from "../src/build/layouts.ts";
import { documentDate } from "../src/build/dates.ts";
import { discoverSources } from "../src/discover/discover.ts";
import { layoutDocument } from "../src/layout/layout.ts";
import { parseRelease } from "../src/parse/parse-release.ts";
import { createFontStore, loadFontManifest } from "../src/prepare/fonts.ts";
import { prepareRelease } from "../src/prepare/prepare.ts";
import type { PreparedRelease } from "../src/model/prepared.ts";
import { profiles } from "../src/render/profiles.ts";
import { renderTagged } from "../src/render/render.ts";
import { checkPdf } from "../src/verify/check.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const layoutId = process.env.BENCH_LAYOUT ?? "handout-a4";

let peakRss = 0;
const sampleMemory = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const memoryTimer = setInterval(sampleMemory, 2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const fmt = (x: number) => x.toFixed(1).padStart(7);

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const fonts = await loadFontManifest();
if (!fonts.manifest) throw new Error("font manifest failed to load");
const manifest = fonts.manifest;
// react-pdf's own renderer uses its global store: give it the same fonts.
const { Font } = await import("@react-pdf/renderer");
const { registerFonts } = await import("../src/prepare/fonts.ts");
registerFonts(Font as never, manifest);

const layout = (await loadLayouts()).layouts.get(layoutId)!;
const { sources } = await discoverSources("content");
const prepared: PreparedRelease[] = [];
for (const s of sources) {
  const parsed = parseRelease(s);
  const p = parsed.release && prepareRelease(parsed.release, manifest).prepared;
  if (p) prepared.push(p);
}

const element = (p: PreparedRelease) => React.createElement(layout.Component, { prepared: p, page: layout.page });
const tagged = async (p: PreparedRelease) => {
  const root = await layoutDocument(element(p), createFontStore(manifest));
  const r = await renderTagged({
    root, file: p.release.file, paint: profiles[layout.profile].paint(layout),
    meta: { title: p.release.meta.title, lang: p.lang, author: p.release.meta.organization, date: documentDate(p.release.meta.date) },
  });
  return r.bytes!;
};

console.log(`Pressroom bench: ${prepared.length} documents × ${ROUNDS} rounds, layout ${layoutId}, Node ${process.version}\n`);

// Phase 1: Pressroom alone, so that its peak memory is its own.
type Row = { name: string; pages: number; t: number[]; v: number[]; u: number[] };
const rows: Row[] = [];
for (const p of prepared) {
  const pages = (await layoutDocument(element(p), createFontStore(manifest))).children?.length ?? 0;
  const row: Row = { name: `${p.release.slug}/${p.lang}`, pages, t: [], v: [], u: [] };
  for (let i = 0; i < ROUNDS; i++) {
    row.t.push(await time(() => tagged(p)));
    row.v.push(await time(async () => checkPdf(await tagged(p), { file: "bench.pdf", profiles: ["ua"] })));
  }
  rows.push(row);
}
sampleMemory();
const pressroomPeak = peakRss;

// Phase 2: react-pdf's own untagged renderer on the same layout.
gc();
for (const [i, p] of prepared.entries()) {
  for (let k = 0; k < ROUNDS; k++) rows[i]!.u.push(await time(() => renderToBuffer(element(p) as never)));
}
clearInterval(memoryTimer);

console.log("document                   pages | tagged ms: first  median | tagged+verify median | react-pdf ms: first  median | tagged/react-pdf");
for (const r of rows) {
  const warmT = median(r.t.slice(1)), warmU = median(r.u.slice(1));
  console.log(`${r.name.padEnd(26)} ${String(r.pages).padStart(5)} |        ${fmt(r.t[0]!)} ${fmt(warmT)} |              ${fmt(median(r.v.slice(1)))} |            ${fmt(r.u[0]!)} ${fmt(warmU)} | ${(warmT / warmU).toFixed(2)}`);
}
console.log(`\npeak RSS, Pressroom phase: ${(pressroomPeak / 1024 / 1024).toFixed(0)} MB; whole run: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
console.log("tagged = layout + tagged render (fresh font store per document, as the build does); +verify adds reading the PDF back and the PDF/UA checks; react-pdf = renderToBuffer, untagged.");
console.log("targets: warm median <= 50 ms for a one-page release; tagged <= 1.15 x react-pdf; peak RSS <= 300 MB.");
