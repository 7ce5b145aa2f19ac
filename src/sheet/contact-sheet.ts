/**
 * `out/index.html`: every release × language × edition on one static page,
 * with a page-1 thumbnail, page count, size, the checks' result (a failed
 * output's diagnostics in full, like a compiler prints them) and a link to
 * the PDF. Links are relative, so the page works from file:// and over
 * HTTP. The same entries and files give the same bytes.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { sortEntries, type SheetEntry, type SheetOptions } from "./entries.ts";
import { diagnosticList, html, langAttrs, page, writeFileAtomic, type Html } from "./html.ts";
import { THUMB_CSS_WIDTH, thumbnail, type PageImage } from "./images.ts";
import { capitalise, directionOf, editionName, humanSize, idFor, isPdf, languageName, pageAlt, plural, urlOf } from "./names.ts";
import { groupBy, releaseTitle, resolve, statusLine, type Resolved } from "./parts.ts";

export const CONTACT_SHEET = "index.html";

/**
 * Writes `outDir/index.html` and the thumbnails it needs (see images.ts).
 * A release links to its preview (`<slug>/index.html`) when that exists:
 * write the previews first.
 */
export async function writeContactSheet(outDir: string, entries: readonly SheetEntry[], options: SheetOptions = {}): Promise<void> {
  const cards: { r: Resolved; thumb?: PageImage | undefined }[] = [];
  // One at a time: MuPDF renders synchronously, and the order keeps the work predictable.
  for (const entry of sortEntries(entries)) {
    const r = await resolve(outDir, entry);
    cards.push({ r, thumb: r.pdf && isPdf(entry.file) ? await thumbnail(outDir, entry.file, r.pdf.sha256) : undefined });
  }
  const releases = groupBy(cards, (c) => c.r.entry.slug);
  const failed = cards.filter((c) => !c.r.entry.ok);
  const body = html`<header class="top">
<h1>Contact sheet</h1>
<p>${plural(releases.length, "release")}, ${plural(cards.length, "output")}: ${cards.length - failed.length} passed the checks, ${failed.length} failed.</p>
${failed.length ? html`<ul class="failures">${failed.map(({ r: { entry: e } }) => html`<li><a href="#${cardId(e)}">${e.slug}: ${languageName(e.lang)} ${editionName(e.layout)}</a></li>`)}</ul>` : ""}
</header>
<main>
${cards.length ? releases.map(([slug, list]) => release(outDir, slug, list)) : html`<p class="empty">No outputs yet.</p>`}
</main>`;
  await writeFileAtomic(path.join(outDir, CONTACT_SHEET), page({ title: "Contact sheet · Pressroom", body, liveReload: options.liveReload }));
}

const cardId = (e: SheetEntry) => idFor("out", e.slug, e.lang, e.layout);

function release(outDir: string, slug: string, cards: { r: Resolved; thumb?: PageImage | undefined }[]): Html {
  const entries = cards.map((c) => c.r.entry);
  const head = releaseTitle(entries);
  const id = idFor("release", slug);
  const languages = groupBy(cards, (c) => c.r.entry.lang);
  const preview = existsSync(path.join(outDir, slug, "index.html"));
  // A region landmark per release, named by its title and slug (unique even when two titles are the same).
  return html`<section class="release" aria-labelledby="${id} ${id}--slug">
<h2 id="${id}"${head.lang ? langAttrs(head.lang, directionOf(head.lang)) : ""}>${head.title}</h2>
<p class="meta"><code id="${id}--slug">${slug}</code> · ${plural(languages.length, "language")} · ${plural(cards.length, "output")}${preview ? html` · <a href="${urlOf(`${slug}/index.html`)}">Preview every page</a>` : ""}</p>
${languages.map(([lang, list]) => {
  const title = list.find((c) => c.r.entry.title)?.r.entry.title;
  // Not a landmark (no name): "English" repeats from release to release.
  return html`<section class="lang">
<h3>${languageName(lang)} <span class="tag">(${lang})</span></h3>
${title && lang !== head.lang ? html`<p class="title"${langAttrs(lang, directionOf(lang))}>${title}</p>` : ""}
<ul class="cards">${list.map((c) => card(c.r, c.thumb))}</ul>
</section>`;
})}
</section>
`;
}

/** The heading comes first for screen readers; the grid puts the thumbnail in a column on the left. */
function card({ entry, pdf, earlier }: Resolved, thumb: PageImage | undefined): Html {
  const href = urlOf(entry.file);
  const image = thumb
    ? html`<a class="thumb" href="${href}" tabindex="-1"><img src="${urlOf(thumb.src)}" width="${THUMB_CSS_WIDTH}" height="${Math.round((thumb.height * THUMB_CSS_WIDTH) / thumb.width)}" alt="${pageAlt(entry.lang, entry.layout, 1, undefined, earlier)}"></a>`
    : html`<div class="nopdf">${isPdf(entry.file) ? "No PDF" : "E-mail message"}</div>`;
  const facts = entry.ok
    ? html`<p>${isPdf(entry.file) ? html`${plural(entry.pages, "page")} · ` : "Opens as a draft in a mail client · "}${humanSize(entry.bytes)}</p>`
    : pdf
      ? html`<p>${isPdf(entry.file) ? "Shown: the PDF" : "Linked: the message"} of an earlier build (${humanSize(pdf.bytes)})</p>`
      : "";
  const link = pdf ? html`<p class="file"><a href="${href}">${entry.file}</a></p>` : "";
  return html`
<li class="card${entry.ok ? "" : " failed"}" id="${cardId(entry)}">
<h4>${capitalise(editionName(entry.layout))}</h4>
${image}
${facts}
${statusLine(entry)}
${diagnosticList(entry.diagnostics)}
${link}
</li>`;
}
