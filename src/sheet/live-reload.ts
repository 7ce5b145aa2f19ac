/**
 * Live reload for `pressroom watch`: the server sends Server-Sent Events,
 * the pages listen with a small inline script.
 *
 *   event: reload   the page reloads, keeping its scroll position
 *   event: error    data `{"diagnostics":[{file,line,column,severity,message,hint}]}`:
 *                   an overlay (a modal `<dialog role="alertdialog">`) lists them
 *                   like the CLI does; Escape or "Dismiss" closes it, and the
 *                   next `reload` removes it. Empty `diagnostics` closes it.
 *
 * The server side builds these with `errorEventData` and `serverSentEvent`.
 * A server should send its latest `error` to a client that connects while
 * the last build had errors: a reload loses the overlay.
 */
import type { Diagnostic } from "../model/diagnostic.ts";

/** One diagnostic as the overlay receives it. */
export type OverlayDiagnostic = Pick<Diagnostic, "file" | "line" | "column" | "severity" | "message" | "hint" | "code">;
export type OverlayPayload = { diagnostics: OverlayDiagnostic[] };

/** The payload of an `error` event: only the fields the overlay shows, in a fixed order. */
export function overlayPayload(diagnostics: readonly Diagnostic[]): OverlayPayload {
  return {
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      ...(d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : {}),
      severity: d.severity,
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
      ...(d.code ? { code: d.code } : {}),
    })),
  };
}

/** The `data` of an `error` event, as JSON on one line. */
export const errorEventData = (diagnostics: readonly Diagnostic[]): string => JSON.stringify(overlayPayload(diagnostics));

/** One event on the wire (`text/event-stream`): `event: <name>`, a `data:` line per line of data, a blank line. */
export function serverSentEvent(event: "reload" | "error", data = ""): string {
  return `event: ${event}\n${data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`).join("")}\n`;
}

/** JSON for inside a `<script>`: no `</script>` or `<!--` can end or change it. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/**
 * The overlay's look, for the page's `<head>` in watch mode; colours as on
 * the pages (contrast ≥ 4.5:1). The dialog itself takes focus (so that a
 * screen reader reads it whole) but is not a control: its red border marks
 * it, not a focus ring; the button has one.
 */
export const OVERLAY_STYLE = `
#pressroom-overlay{max-width:min(60rem,94vw);max-height:85vh;overflow:auto;padding:1.25rem 1.5rem;border:3px solid #a4161a;border-radius:8px;color:#1b1b1b;background:#fff;font:16px/1.45 system-ui,sans-serif}
#pressroom-overlay::backdrop{background:rgba(20,20,20,.6)}
#pressroom-overlay h2{margin:0 0 .75rem;font-size:1.3rem;color:#a4161a}
#pressroom-overlay ol{margin:0 0 1rem;padding-left:1.5rem}
#pressroom-overlay li{margin:0 0 .6rem;overflow-wrap:anywhere}
#pressroom-overlay code{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600}
#pressroom-overlay .hint{display:block;color:#4a4a4a}
#pressroom-overlay button{font:inherit;padding:.35rem 1rem;border:2px solid #0b5d6b;border-radius:4px;color:#fff;background:#0b5d6b;cursor:pointer}
#pressroom-overlay:focus{outline:none}
#pressroom-overlay button:focus-visible{outline:3px solid #0b5d6b;outline-offset:2px}
`.trim();

/**
 * The client. Plain ES2017 in a string, not a stringified function: a
 * compiler may rewrite a function's body (esbuild's `__name` helpers). The
 * overlay is built with textContent, so diagnostic text is never markup.
 */
const CLIENT = `
(function () {
  var key = "pressroom-scroll:" + location.pathname;
  try {
    var saved = JSON.parse(sessionStorage.getItem(key) || "null");
    if (saved) {
      sessionStorage.removeItem(key);
      if ("scrollRestoration" in history) history.scrollRestoration = "manual";
      var restore = function () { window.scrollTo(saved[0], saved[1]); };
      restore();
      window.addEventListener("load", restore);
    }
  } catch (e) {}
  var dialog = null, before = null;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function close() {
    if (!dialog) return;
    if (dialog.open) dialog.close();
    dialog.remove();
    dialog = null;
    if (before && before.focus) before.focus();
  }
  function where(d) {
    var parts = [d.file];
    if (d.line != null) parts.push(d.line, d.column != null ? d.column : 1);
    return parts.join(":");
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function show(list) {
    close();
    if (!list.length) return;
    before = document.activeElement;
    var errors = list.filter(function (d) { return d.severity === "error"; }).length;
    var warnings = list.length - errors;
    var counts = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean).join(", ");
    dialog = el("dialog");
    dialog.id = "pressroom-overlay";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-labelledby", "pressroom-overlay-title");
    dialog.setAttribute("aria-describedby", "pressroom-overlay-list");
    dialog.tabIndex = -1;
    var title = el("h2", (errors ? "Build failed: " : "Build finished with ") + counts);
    title.id = "pressroom-overlay-title";
    var ol = el("ol");
    ol.id = "pressroom-overlay-list";
    list.forEach(function (d) {
      var li = el("li");
      li.appendChild(el("code", where(d)));
      li.appendChild(document.createTextNode(": " + d.severity + ": " + (d.code ? "[" + d.code + "] " : "") + d.message));
      if (d.hint) li.appendChild(el("span", "hint: " + d.hint, "hint"));
      ol.appendChild(li);
    });
    var button = el("button", "Dismiss");
    button.type = "button";
    button.addEventListener("click", close);
    dialog.addEventListener("cancel", function (e) { e.preventDefault(); close(); });
    dialog.appendChild(title);
    dialog.appendChild(ol);
    dialog.appendChild(button);
    document.body.appendChild(dialog);
    dialog.showModal();
    dialog.focus();
  }
  var source = new EventSource(URL);
  source.addEventListener("reload", function () {
    close();
    try { sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY])); } catch (e) {}
    location.reload();
  });
  source.addEventListener("error", function (event) {
    // A dropped connection is an error event without data; EventSource reconnects by itself.
    if (typeof event.data !== "string") return;
    try {
      var payload = JSON.parse(event.data);
      if (payload && Array.isArray(payload.diagnostics)) show(payload.diagnostics);
    } catch (e) {}
  });
})();
`.trim();

/** The `<script>` that a page carries at the end of its body in watch mode; `url` is the EventSource URL. */
export function liveReloadSnippet(url: string): string {
  return `<script>\n${CLIENT.replace("new EventSource(URL)", () => `new EventSource(${scriptJson(url)})`)}\n</script>`;
}
