/**
 * HTML by tagged template: interpolated values are escaped unless they are
 * already `Html`. Not react-dom/server: React 19 adds `<link rel=preload>`
 * for every `<img>`, and the pages must be exactly what we write.
 */
import type { Diagnostic } from "../model/diagnostic.ts";
import { liveReloadSnippet, OVERLAY_STYLE } from "./live-reload.ts";
import { STYLE } from "./style.ts";

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Child = Html | string | number | false | null | undefined | readonly Child[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function render(child: Child): string {
  if (child === false || child === null || child === undefined) return "";
  if (child instanceof Html) return child.text;
  if (Array.isArray(child)) return child.map(render).join("");
  return escapeHtml(String(child));
}

export function html(strings: TemplateStringsArray, ...values: Child[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** Trusted markup, e.g. the style sheet. */
export const raw = (text: string): Html => new Html(text);

/** `lang` and, for right-to-left text, `dir` attributes. */
export const langAttrs = (lang: string, dir: "ltr" | "rtl"): Html => html` lang="${lang}"${dir === "rtl" ? raw(' dir="rtl"') : ""}`;

/** A whole page: English UI, one inline style sheet, no external resources; the live-reload snippet when asked. */
export function page(options: { title: string; body: Html; liveReload?: string | undefined }): string {
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>${raw(STYLE)}</style>
${options.liveReload === undefined ? "" : html`<style>${raw(OVERLAY_STYLE)}</style>\n`}</head>
<body>
${options.body}
${options.liveReload === undefined ? "" : raw(liveReloadSnippet(options.liveReload))}
</body>
</html>
`}`;
}

/** `file:line:col`, as `formatDiagnostic` prints it (column 1 when only the line is known). */
export const whereOf = (d: Pick<Diagnostic, "file" | "line" | "column">): string =>
  [d.file, d.line, d.line !== undefined ? (d.column ?? 1) : undefined].filter((p) => p !== undefined).join(":");

/** Diagnostics like a compiler prints them: location, severity, [code] message, then the hint. */
export function diagnosticList(diagnostics: readonly Diagnostic[]): Html {
  if (!diagnostics.length) return html``;
  return html`<ul class="diags">${diagnostics.map(
    (d) => html`<li class="diag diag-${d.severity}"><code class="where">${whereOf(d)}</code>: <strong class="sev">${d.severity}</strong>: ${d.code ? html`<code>[${d.code}]</code> ` : ""}${d.message}${d.hint ? html`<br><span class="hint">hint: ${d.hint}</span>` : ""}</li>`,
  )}</ul>`;
}

/** Written like every output: through a temporary file and a rename (src/build/write.ts). */
export { writeAtomic as writeFileAtomic } from "../build/write.ts";
