/**
 * The contact sheet's and previews' parts without a browser: names and alt
 * text, entries from a build result, the page-image cache, the HTML
 * (deterministic, escaped, no script unless live reload), and the
 * live-reload wire format. Uses small PDFs made with MuPDF, no build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { error, type Diagnostic } from "../../src/model/diagnostic.ts";
import { entriesFromBuild, errorEventData, liveReloadSnippet, overlayPayload, serverSentEvent, writeContactSheet, writeReleasePreview, type SheetEntry } from "../../src/sheet/index.ts";
import { pageImages, thumbnail, THUMB_PIXELS } from "../../src/sheet/images.ts";
import { editionName, humanSize, languageName, pageAlt } from "../../src/sheet/names.ts";
import { sha256 } from "../../src/build/write.ts";
import { loadMupdf } from "../../src/verify/pdf.ts";
import { tempDir } from "../support/build.ts";

/** A PDF of `pages` A4 pages, each a filled square of grey `shade` (0–1), so that different shades give different bytes. */
async function tinyPdf(pages: number, shade = 0.5): Promise<Uint8Array> {
  const mupdf = await loadMupdf();
  const doc = new mupdf.PDFDocument();
  try {
    for (let i = 0; i < pages; i++) {
      const page = doc.addPage([0, 0, 595, 842], 0, doc.newDictionary(), `${shade} g 100 ${100 + i * 50} 300 300 re f`);
      doc.insertPage(-1, page);
    }
    return doc.saveToBuffer("").asUint8Array().slice();
  } finally {
    doc.destroy();
  }
}

function putPdf(outDir: string, file: string, bytes: Uint8Array): { bytes: number; sha256: string } {
  mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
  writeFileSync(path.join(outDir, file), bytes);
  return { bytes: bytes.length, sha256: sha256(bytes) };
}

const good = (slug: string, lang: string, layout: string, pdf: { bytes: number; sha256: string }, pages: number, diagnostics: Diagnostic[] = []): SheetEntry =>
  ({ slug, lang, layout, file: `${slug}/${lang}/${layout}.pdf`, title: `Title ${lang}`, ok: true, pages, ...pdf, diagnostics });

describe("names", () => {
  it("says which page of which edition in which language", () => {
    expect(pageAlt("en", "handout-a4", 1)).toBe("Page 1 of the English A4 handout");
    expect(pageAlt("uk", "handout-a4", 2, 3)).toBe("Page 2 of 3 of the Ukrainian A4 handout");
    expect(pageAlt("ar", "print", 1)).toBe("Page 1 of the Arabic print master");
    expect(pageAlt("en", "email", 1, 1, true)).toBe("Page 1 of 1 of the earlier English press e-mail");
    expect(editionName("handout-letter")).toBe("US Letter handout");
    expect(editionName("large-print")).toBe("large-print edition");
    expect(editionName("my-layout")).toBe("my-layout");
    expect(languageName("en-GB")).toBe("British English");
    expect(languageName("not a tag")).toBe("not a tag");
  });

  it("prints sizes as the build log does", () => {
    expect([humanSize(812), humanSize(9830), humanSize(40412), humanSize(1258291)]).toEqual(["812 bytes", "9.6 KB", "39 KB", "1.2 MB"]);
  });
});

describe("entriesFromBuild", () => {
  it("gives each output its diagnostics by file, and failed outputs entries of their own", () => {
    const root = "/project";
    const out = (slug: string, lang: string, layout: string) => ({ slug, lang, layout, file: `${slug}/${lang}/${layout}.pdf`, title: `T ${lang}`, pages: 1, bytes: 10, sha256: "ab".repeat(32) });
    const warning: Diagnostic = { severity: "warning", file: `${root}/content/a/en.md`, line: 4, column: 2, message: "a word runs past the margin" };
    const parseError = error({ file: `${root}/content/b/uk.md`, line: 3, column: 1 }, "unknown front matter key", "remove it");
    const checkError = error({ file: `${root}/out/a/en/print.pdf` }, "Link has no /Contents", undefined, "28-012");
    const elsewhere = error({ file: `${root}/fonts/manifest.json` }, "bad font manifest");
    const entries = entriesFromBuild(
      { outputs: [out("a", "en", "handout-a4"), out("b", "en", "handout-a4"), out("b", "en", "print")], diagnostics: [warning, parseError, checkError, elsewhere] },
      { contentDir: `${root}/content`, outDir: `${root}/out`, layouts: ["handout-a4", "print"] },
    );
    expect(entries.map((e) => [e.file, e.ok, e.diagnostics.map((d) => d.message)])).toEqual([
      ["a/en/handout-a4.pdf", true, ["a word runs past the margin"]],
      ["a/en/print.pdf", false, ["a word runs past the margin", "Link has no /Contents"]],
      ["b/en/handout-a4.pdf", true, []],
      ["b/en/print.pdf", true, []],
      ["b/uk/handout-a4.pdf", false, ["unknown front matter key"]],
      ["b/uk/print.pdf", false, ["unknown front matter key"]],
    ]);
    expect(entries.find((e) => e.file === "a/en/print.pdf")?.title).toBe("T en");
  });
});

describe("page images", () => {
  it("renders a thumbnail once per PDF and replaces it when the PDF changes", async () => {
    const outDir = tempDir("pressroom-sheet-");
    const file = "r/en/handout-a4.pdf";
    const first = putPdf(outDir, file, await tinyPdf(2, 0.2));
    const thumb = await thumbnail(outDir, file, first.sha256);
    expect(thumb).toMatchObject({ src: `r/en/handout-a4.${first.sha256.slice(0, 16)}.w${THUMB_PIXELS}.png`, width: THUMB_PIXELS });
    expect(Math.abs(thumb.height - (THUMB_PIXELS * 842) / 595)).toBeLessThan(1); // MuPDF rounds the pixmap outwards
    const mtime = statSync(path.join(outDir, thumb.src)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await thumbnail(outDir, file, first.sha256)).toEqual(thumb);
    expect(statSync(path.join(outDir, thumb.src)).mtimeMs).toBe(mtime); // cached, not rendered again

    const pages = await pageImages(outDir, file, first.sha256);
    expect(pages.map((p) => [p.width, p.height])).toEqual([[827, 1170], [827, 1170]]); // 100 dpi, rounded outwards

    const second = putPdf(outDir, file, await tinyPdf(1, 0.7));
    const next = await thumbnail(outDir, file, second.sha256);
    expect(next.src).not.toBe(thumb.src);
    expect(await pageImages(outDir, file, second.sha256)).toHaveLength(1);
    // The images of the replaced PDF are gone, the PDF stays.
    expect(readdirSync(path.join(outDir, "r/en")).sort()).toEqual([
      "handout-a4.pdf",
      path.basename(next.src),
      `handout-a4.${second.sha256.slice(0, 16)}.100dpi.p1.png`,
    ].sort());
  });
});

describe("pages", () => {
  it("are the same bytes for the same input, escape text, and carry a script only in watch mode", async () => {
    const outDir = tempDir("pressroom-sheet-");
    const pdf = putPdf(outDir, "r/en/handout-a4.pdf", await tinyPdf(1));
    const entries: SheetEntry[] = [
      { ...good("r", "en", "handout-a4", pdf, 1), title: "Fish & <chips>" },
      { slug: "r", lang: "ar", layout: "print", file: "r/ar/print.pdf", title: "", ok: false, diagnostics: [error({ file: "content/r/ar.md", line: 3, column: 7 }, "a <b> problem", "fix it")] },
    ];
    await writeReleasePreview(outDir, "r", entries);
    await writeContactSheet(outDir, entries);
    const sheet = readFileSync(path.join(outDir, "index.html"), "utf8");
    const preview = readFileSync(path.join(outDir, "r/index.html"), "utf8");
    await writeReleasePreview(outDir, "r", [...entries].reverse());
    await writeContactSheet(outDir, [...entries].reverse());
    expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toBe(sheet);
    expect(readFileSync(path.join(outDir, "r/index.html"), "utf8")).toBe(preview);

    for (const html of [sheet, preview]) {
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).not.toContain("<script");
      expect(html).toContain("Fish &amp; &lt;chips&gt;");
      expect(html).toContain("content/r/ar.md:3:7</code>: <strong class=\"sev\">error</strong>: a &lt;b&gt; problem");
      expect(html).toContain("hint: fix it");
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    }
    expect(sheet).toContain('<a href="r/index.html">Preview every page</a>');
    expect(sheet).toContain('alt="Page 1 of the English A4 handout"');
    expect(preview).toContain('<a href="../index.html">');
    expect(preview).toContain('alt="Page 1 of 1 of the English A4 handout"');

    await writeContactSheet(outDir, entries, { liveReload: "/events?x=</script>" });
    const live = readFileSync(path.join(outDir, "index.html"), "utf8");
    expect(live.match(/<script>/g)).toHaveLength(1);
    expect(live).toContain('new EventSource("/events?x=\\u003c/script>")');
  });

  it("shows the PDF of an earlier build for a failed output", async () => {
    const outDir = tempDir("pressroom-sheet-");
    putPdf(outDir, "r/en/print.pdf", await tinyPdf(2));
    const failed: SheetEntry = { slug: "r", lang: "en", layout: "print", file: "r/en/print.pdf", title: "T", ok: false, diagnostics: [error({ file: "r.md" }, "broken")] };
    await writeContactSheet(outDir, [failed]);
    await writeReleasePreview(outDir, "r", [failed]);
    expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toContain('alt="Page 1 of the earlier English print master"');
    expect(readFileSync(path.join(outDir, "r/index.html"), "utf8")).toContain('alt="Page 2 of 2 of the earlier English print master"');
    expect(existsSync(path.join(outDir, "r/en/print.pdf"))).toBe(true);
  });
});

describe("live-reload messages", () => {
  it("formats the error payload and server-sent events", () => {
    const ds: Diagnostic[] = [
      error({ file: "content/a/en.md", line: 2 }, "bad", "fix", "X-1"),
      { severity: "warning", file: "out/a/en/print.pdf", message: "odd" },
    ];
    expect(overlayPayload(ds)).toEqual({
      diagnostics: [
        { file: "content/a/en.md", line: 2, column: 1, severity: "error", message: "bad", hint: "fix", code: "X-1" },
        { file: "out/a/en/print.pdf", severity: "warning", message: "odd" },
      ],
    });
    const data = errorEventData(ds);
    expect(JSON.parse(data)).toEqual(overlayPayload(ds));
    expect(serverSentEvent("error", data)).toBe(`event: error\ndata: ${data}\n\n`);
    expect(serverSentEvent("reload")).toBe("event: reload\ndata: \n\n");
    expect(serverSentEvent("error", "a\nb")).toBe("event: error\ndata: a\ndata: b\n\n");
    expect(liveReloadSnippet("/e")).toMatch(/^<script>\n[^]*new EventSource\("\/e"\)[^]*\n<\/script>$/);
  });
});
