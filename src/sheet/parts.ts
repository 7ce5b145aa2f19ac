/** Pieces the contact sheet and the previews share: grouping, titles, the PDF on disk, the check status. */
import type { SheetEntry } from "./entries.ts";
import { html, type Html } from "./html.ts";
import { pdfOnDisk, type PdfOnDisk } from "./images.ts";
import { byCodeUnit, plural } from "./names.ts";

/** An entry with what is on disk for it: for a failed entry, `pdf` is an earlier build's PDF. */
export type Resolved = { entry: SheetEntry; pdf?: PdfOnDisk | undefined; earlier: boolean };

export async function resolve(outDir: string, entry: SheetEntry): Promise<Resolved> {
  const pdf = await pdfOnDisk(outDir, entry.file, entry.ok ? entry.sha256 : undefined);
  return { entry, pdf, earlier: !entry.ok && pdf !== undefined };
}

/** Groups in first-seen order (entries come sorted). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(item);
  return [...groups];
}

/**
 * A release's headline for its heading: the English one when there is one
 * (the page's UI is English), else the first language's; the slug when no
 * output has a title.
 */
export function releaseTitle(entries: readonly SheetEntry[]): { title: string; lang?: string } {
  const titled = entries.filter((e) => e.title).sort((a, b) => byCodeUnit(a.lang, b.lang));
  const pick = titled.find((e) => e.lang === "en") ?? titled.find((e) => e.lang.startsWith("en-")) ?? titled[0];
  return pick ? { title: pick.title, lang: pick.lang } : { title: entries[0]?.slug ?? "" };
}

const count = (entry: SheetEntry, severity: "error" | "warning") => entry.diagnostics.filter((d) => d.severity === severity).length;

/** "✓ Checks passed", "✓ Checks passed, 1 warning" or "✗ Failed: 2 errors". */
export function statusLine(entry: SheetEntry): Html {
  const warnings = count(entry, "warning");
  const warningText = warnings ? `, ${plural(warnings, "warning")}` : "";
  if (entry.ok) {
    return html`<p class="status ${warnings ? "status-warn" : "status-ok"}"><span aria-hidden="true">✓ </span>Checks passed${warningText}</p>`;
  }
  const errors = count(entry, "error");
  return html`<p class="status status-failed"><span aria-hidden="true">✗ </span>Failed${errors ? `: ${plural(errors, "error")}` : ""}${warningText}</p>`;
}
