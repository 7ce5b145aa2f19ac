/**
 * Per-document warm times in one process: Pressroom's tagged output next to
 * react-pdf's own untagged renderer (on the same laid-out pages), the
 * verify stage, and the Typst compiler on the equivalent document.
 *
 *   layout   = Pressroom's layout passes (header, column flow, frame) in react-pdf
 *   tagged   = layout + Pressroom's tagged render
 *   untagged = layout + @react-pdf/render (what renderToBuffer does after layout)
 *   verify   = reading the PDF back and the PDF/UA checks (every build does this too)
 *   typst    = Typst compile + PDF/UA-1 export of the same release, one compiler
 *              instance with Pressroom's fonts. "again": the same source compiled
 *              again, which Typst's memoization (comemo) mostly answers from cache;
 *              "fresh": the global cache evicted before each compile (fonts stay
 *              loaded), the like-for-like number, since Pressroom recomputes.
 *
 * Pressroom's peak RSS is taken before the Typst compiler is loaded.
 */
import { performance } from "node:perf_hooks";
import PDFDocument from "pdfkit";
import renderUntagged from "@react-pdf/render";
import { loadLayouts } from "../src/build/layouts.ts";
import { documentDate } from "../src/build/dates.ts";
import { layoutRelease } from "../src/layout/pages.tsx";
import type { LayoutNode } from "../src/layout/tree.ts";
import type { PreparedRelease } from "../src/model/prepared.ts";
import { createFontStore } from "../src/prepare/fonts.ts";
import { profiles } from "../src/render/profiles.ts";
import { renderTagged } from "../src/render/render.ts";
import { checkPdf } from "../src/verify/check.ts";
import { heading, median, ms, ratio, table } from "./report.ts";
import { compileToPdf, createTypstCompiler, manifestFontFiles } from "./typst/compile.ts";
import { fontManifest, type Sample } from "./typst/corpus.ts";

type Row = { name: string; pages: number; layout: number[]; tagged: number[]; untagged: number[]; verify: number[] };
type TypstRow = { pages: number; first: number; again: number[]; fresh: number[]; problems: string[] };

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

function untagged(root: LayoutNode): Promise<void> {
  return new Promise((resolve) => {
    const ctx = new PDFDocument({ autoFirstPage: false, compress: true, displayTitle: true });
    ctx.on("data", () => {});
    ctx.on("end", () => resolve());
    (renderUntagged as unknown as (ctx: unknown, doc: unknown) => void)(ctx, root);
  });
}

async function pressroomRows(samples: readonly Sample[], rounds: number, layoutId: string): Promise<Row[]> {
  const manifest = await fontManifest();
  const layout = (await loadLayouts()).layouts.get(layoutId);
  if (!layout) throw new Error(`no layout ${layoutId}`);
  const profile = profiles[layout.profile];
  const laidOut = (p: PreparedRelease) => layoutRelease(p, layout, createFontStore(manifest));
  const tagged = async (p: PreparedRelease, root: LayoutNode): Promise<Uint8Array> => {
    const r = await renderTagged({
      root, file: p.release.file, paint: profile.paint(layout), ...(profile.finish ? { finish: profile.finish } : {}),
      meta: { title: p.release.meta.title, lang: p.lang, author: p.release.meta.organization, date: documentDate(p.release.meta.date) },
    });
    return r.bytes!;
  };
  const rows: Row[] = [];
  for (const { name, prepared: p } of samples) {
    const row: Row = { name, pages: 0, layout: [], tagged: [], untagged: [], verify: [] };
    for (let i = 0; i < rounds; i++) {
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
  return rows;
}

async function typstRows(samples: readonly Sample[], rounds: number): Promise<TypstRow[]> {
  const compiler = createTypstCompiler(manifestFontFiles(await fontManifest()));
  const rows: TypstRow[] = [];
  for (const { typst } of samples) {
    const [first, out] = await time(() => compileToPdf(compiler, typst));
    const row: TypstRow = { pages: out.pages, first, again: [], fresh: [], problems: [] };
    for (let i = 1; i < rounds; i++) row.again.push((await time(() => compileToPdf(compiler, typst)))[0]);
    for (let i = 1; i < rounds; i++) {
      compiler.evictCache(0);
      row.fresh.push((await time(() => compileToPdf(compiler, typst)))[0]);
    }
    // Typst's PDF/UA-1 output read back by Pressroom's own checks (outside the clock).
    row.problems = (await checkPdf(out.pdf, { file: "typst.pdf", profiles: ["ua"] })).filter((d) => d.severity === "error").map((d) => d.message);
    rows.push(row);
  }
  return rows;
}

export async function warm(samples: readonly Sample[], rounds: number, layoutId: string, log: (line: string) => void): Promise<void> {
  log(heading(`Per document, warm, in one process: ${samples.length} documents × ${rounds} rounds, layout ${layoutId}`));
  let peakRss = 0;
  const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
  const timer = setInterval(sample, 2);
  const rows = await pressroomRows(samples, rounds, layoutId);
  clearInterval(timer);
  sample();
  const typst = layoutId === "handout-a4" ? await typstRows(samples, rounds) : undefined;

  log("");
  log(table(
    ["document", "pages", "layout", "tagged 1st", "tagged", "untagged 1st", "untagged", "tag/untag", "verify"],
    rows.map((r) => {
      const t = median(r.tagged.slice(1)), u = median(r.untagged.slice(1));
      return [r.name, String(r.pages), ms(median(r.layout.slice(1))), ms(r.tagged[0]!), ms(t), ms(r.untagged[0]!), ms(u), ratio(t, u), ms(median(r.verify.slice(1)))];
    }),
  ));
  log(`Pressroom peak RSS (this process, before Typst is loaded): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  log("ms, medians over warm rounds (first round excluded); fresh font store per document, as the build does.");
  log("targets: warm tagged median <= 50 ms for a one-page release; tagged/untagged <= 1.15; peak RSS <= 300 MB.");
  if (!typst) { log(`(Typst columns only for handout-a4, the layout the Typst documents reproduce.)`); return; }

  log("");
  log(table(
    ["document", "pages P/T", "pressroom tagged+verify", "typst 1st", "typst again", "typst fresh", "P/T again", "P/T fresh"],
    rows.map((r, i) => {
      const x = typst[i]!;
      const p = median(r.tagged.slice(1)) + median(r.verify.slice(1));
      return [r.name, `${r.pages}/${x.pages}`, ms(p), ms(x.first), ms(median(x.again)), ms(median(x.fresh)), ratio(p, median(x.again)), ratio(p, median(x.fresh))];
    }),
  ));
  const all = (f: (r: Row, x: TypstRow) => number) => median(rows.map((r, i) => f(r, typst[i]!)));
  log(`median ratio pressroom/typst: ${all((r, x) => (median(r.tagged.slice(1)) + median(r.verify.slice(1))) / median(x.again)).toFixed(1)}× (again), ${all((r, x) => (median(r.tagged.slice(1)) + median(r.verify.slice(1))) / median(x.fresh)).toFixed(1)}× (fresh)`);
  const failing = typst.flatMap((x, i) => x.problems.map((m) => `${rows[i]!.name}: ${m}`));
  log(`Typst's PDF/UA-1 files checked by Pressroom's verifier: ${typst.length - new Set(failing.map((f) => f.split(":")[0])).size}/${typst.length} pass` +
    (failing.length ? `\n  ${failing.slice(0, 8).join("\n  ")}` : ""));
}
