/**
 * `out/<slug>/index.html`: every page of every edition of one release,
 * large (100 dpi images, cached like the thumbnails), a row per edition
 * and a column per language, with a link back to the contact sheet.
 */
import path from "node:path";
import { sortEntries, type SheetEntry, type SheetOptions } from "./entries.ts";
import { diagnosticList, html, langAttrs, page, writeFileAtomic, type Html } from "./html.ts";
import { pageImages, type PageImage } from "./images.ts";
import { byEdition, capitalise, directionOf, editionName, humanSize, idFor, isPdf, languageName, pageAlt, plural, urlOf } from "./names.ts";
import { groupBy, releaseTitle, resolve, statusLine, type Resolved } from "./parts.ts";

type Cell = { r: Resolved; pages: PageImage[] };

/**
 * Writes `outDir/<slug>/index.html` from the entries of `slug` (others are
 * ignored, so the contact sheet's list can be passed as it is) and renders
 * the page images it needs.
 */
export async function writeReleasePreview(outDir: string, slug: string, entries: readonly SheetEntry[], options: SheetOptions = {}): Promise<void> {
  const cells: Cell[] = [];
  for (const entry of sortEntries(entries.filter((e) => e.slug === slug))) {
    const r = await resolve(outDir, entry);
    cells.push({ r, pages: r.pdf && isPdf(entry.file) ? await pageImages(outDir, entry.file, r.pdf.sha256, entry.ok ? entry.pages : undefined) : [] });
  }
  const langs = groupBy(cells, (c) => c.r.entry.lang).map(([lang]) => lang);
  // A row per edition, in edition order (the cells are sorted by language first).
  const layouts = [...new Set(cells.map((c) => c.r.entry.layout))].sort(byEdition);
  const head = releaseTitle(cells.map((c) => c.r.entry));
  const title = head.lang ? html`<span${langAttrs(head.lang, directionOf(head.lang))}>${head.title}</span>` : html`${head.title}`;
  const body = html`<header class="top">
<p class="back"><a href="../index.html"><span aria-hidden="true">← </span>Back to the contact sheet</a></p>
<h1>Preview: ${title}</h1>
<p><code>${slug}</code> · every page of every edition, ${plural(langs.length, "language")} side by side</p>
</header>
<main>
${cells.length ? layouts.map((layout) => row(slug, layout, langs, cells)) : html`<p class="empty">No outputs of this release yet.</p>`}
</main>`;
  await writeFileAtomic(path.join(outDir, slug, "index.html"), page({ title: `Preview: ${head.title} · Pressroom`, body, liveReload: options.liveReload }));
}

function row(slug: string, layout: string, langs: readonly string[], cells: readonly Cell[]): Html {
  const id = idFor("edition", layout);
  return html`<section class="edition" aria-labelledby="${id}">
<h2 id="${id}">${capitalise(editionName(layout))}</h2>
<div class="columns" style="--cols: ${langs.length}">
${langs.map((lang) => column(slug, lang, layout, cells.find((c) => c.r.entry.lang === lang && c.r.entry.layout === layout)))}
</div>
</section>
`;
}

function column(slug: string, lang: string, layout: string, cell: Cell | undefined): Html {
  // Not a landmark (no name): the languages repeat in every row.
  const heading = html`<h3>${languageName(lang)} <span class="tag">(${lang})</span></h3>`;
  if (!cell) return html`<section class="col">${heading}<p class="empty">Not built</p></section>`;
  const { r: { entry, pdf, earlier }, pages } = cell;
  // Paths are relative to <slug>/, where this page is.
  const rel = (file: string) => urlOf(path.posix.relative(slug, file));
  const kind = isPdf(entry.file) ? "PDF" : "message";
  const facts = entry.ok
    ? `${isPdf(entry.file) ? `${plural(entry.pages, "page")} · ` : "opens as a draft in a mail client · "}${humanSize(entry.bytes)}`
    : pdf ? `the ${kind} of an earlier build, ${humanSize(pdf.bytes)}` : "";
  // Three parts (heading, facts, pages) on the row's subgrid: page 1 lines up across the languages.
  return html`<section class="col">
${heading}
<div class="info">
<p class="meta">${pdf ? html`<a href="${rel(entry.file)}">${path.posix.relative(slug, entry.file)}</a>` : `No ${kind}`}${facts ? ` · ${facts}` : ""}</p>
${statusLine(entry)}
${diagnosticList(entry.diagnostics)}
</div>
${pages.length ? html`<ol class="pages">${pages.map((p, i) => html`
<li><img src="${rel(p.src)}" width="${p.width}" height="${p.height}" alt="${pageAlt(lang, layout, i + 1, pages.length, earlier)}"></li>`)}</ol>` : ""}
</section>
`;
}
