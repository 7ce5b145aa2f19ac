/**
 * The contact sheet and a release preview in headless Chromium, from
 * file:// and over HTTP: thumbnails load and have alt text, one h1, `lang`
 * set, every link resolves, axe-core finds nothing; the preview shows every
 * page of every edition, languages side by side; in watch mode an `error`
 * event opens an accessible overlay and `reload` reloads in place.
 *
 *   UPDATE_SCREENSHOTS=1 npx vitest run test/sheet/browser.test.ts
 *
 * also writes docs/contact-sheet.png, docs/preview.png and docs/overlay.png.
 */
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { error, type Diagnostic } from "../../src/model/diagnostic.ts";
import { entriesFromBuild, errorEventData, pageAlt, writeContactSheet, writeReleasePreview, type SheetEntry } from "../../src/sheet/index.ts";
import { buildInto, copyContent, repoRoot, tempDir } from "../support/build.ts";
import { axeViolations, launchBrowser, saveScreenshot, serveFolder, until, type TestServer } from "./browser.ts";

const layouts = ["handout-a4", "print", "email"];
const slugs = ["harbour-library", "river-cleanup"];
const screenshots = process.env.UPDATE_SCREENSHOTS === "1";
/** A made-up error with a repository-relative path, so that the screenshots show no temporary folder. */
const missingImage = error({ file: "content/river-cleanup/en.md", line: 12, column: 5 }, "image “images/lock-gates.jpg” does not exist", "check the path: it is relative to the release folder");
const overflow: Diagnostic = { severity: "warning", file: "content/harbour-library/en.md", line: 9, column: 41, message: "“harbourtown.example/library/schedule” is wider than its column and runs past the margin", hint: "shorten the address or put it on a line of its own" };

let browser: Browser;
let server: TestServer;
let outDir: string;
let entries: SheetEntry[];

beforeAll(async () => {
  const contentDir = copyContent(slugs);
  const [built, launched] = await Promise.all([buildInto(contentDir, { layouts, langs: ["en", "ar"] }), launchBrowser()]);
  browser = launched;
  outDir = built.outDir;
  entries = entriesFromBuild(built, { contentDir, outDir, layouts }).map((e) => (e.file === "harbour-library/en/handout-a4.pdf" ? { ...e, diagnostics: [overflow] } : e));
  entries.push({ slug: "river-cleanup", lang: "en", layout: "large-print", file: "river-cleanup/en/large-print.pdf", title: "", ok: false, diagnostics: [missingImage] });
  for (const slug of slugs) await writeReleasePreview(outDir, slug, entries);
  await writeContactSheet(outDir, entries);
  server = await serveFolder(outDir);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

const good = () => entries.filter((e): e is Extract<SheetEntry, { ok: true }> => e.ok);

async function open(url: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.ok() || url.startsWith("file:")).toBe(true);
  return page;
}

type Facts = { lang: string; h1: number; scripts: number; images: { alt: string; loaded: boolean; top: number; left: number }[]; links: string[]; ids: string[] };

const facts = (page: Page): Promise<Facts> =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: document.querySelectorAll("h1").length,
    scripts: document.scripts.length,
    images: [...document.images].map((i) => ({ alt: i.alt, loaded: i.complete && i.naturalWidth > 0, top: i.getBoundingClientRect().top + scrollY, left: i.getBoundingClientRect().left })),
    links: [...document.querySelectorAll<HTMLAnchorElement>("a[href]")].map((a) => a.href),
    ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
  }));

/** Every link leads somewhere: an element of the page, or a file that exists (served, over HTTP). */
async function expectLinksResolve(page: Page, f: Facts): Promise<void> {
  const here = page.url();
  for (const link of f.links) {
    const url = new URL(link);
    if (url.hash && link.startsWith(`${here.split("#")[0]}#`)) {
      expect(f.ids, link).toContain(url.hash.slice(1));
    } else if (url.protocol === "file:") {
      expect(existsSync(fileURLToPath(url)), link).toBe(true);
    } else {
      const response = await fetch(link, { method: "HEAD" });
      expect(response.status, link).toBe(200);
      if (link.endsWith(".pdf")) expect(response.headers.get("content-type")).toBe("application/pdf");
    }
  }
}

describe.each(["file", "http"] as const)("over %s", (transport) => {
  const urlOf = (rel: string) => (transport === "file" ? pathToFileURL(path.join(outDir, rel)).href : `${server.url}/${rel}`);

  it("the contact sheet shows every output with a thumbnail, working links and no accessibility violations", async () => {
    const page = await open(urlOf("index.html"));
    const f = await facts(page);
    expect(f).toMatchObject({ lang: "en", h1: 1, scripts: 0 });
    // A thumbnail for every PDF; the press e-mail has none, only its link.
    expect(f.images.map((i) => i.alt).sort()).toEqual(good().filter((e) => e.layout !== "email").map((e) => pageAlt(e.lang, e.layout, 1)).sort());
    expect(f.images.every((i) => i.loaded)).toBe(true);
    const base = new URL(".", urlOf("index.html")).href;
    const pdfLinks = f.links.filter((l) => l.endsWith(".pdf")).map((l) => l.slice(base.length));
    expect(new Set(pdfLinks)).toEqual(new Set(good().filter((e) => e.layout !== "email").map((e) => e.file)));
    const emailLinks = f.links.filter((l) => l.endsWith(".eml")).map((l) => l.slice(base.length));
    expect(emailLinks.sort()).toEqual(["harbour-library/ar/release.eml", "harbour-library/en/release.eml", "river-cleanup/en/release.eml"]);
    expect(await page.$eval("#out--harbour-library--en--email", (c) => c.textContent)).toMatch(/Press e-mail[\s\S]*Opens as a draft in a mail client · \d+ KB[\s\S]*Checks passed/);
    expect(f.links).toContain(urlOf("harbour-library/index.html"));
    await expectLinksResolve(page, f);
    const headings = await page.$$eval("h2", (hs) => hs.map((h) => [h.textContent, h.lang]));
    expect(headings).toEqual(slugs.map((slug) => [good().find((e) => e.slug === slug && e.lang === "en")!.title, "en"]));
    const failed = await page.$eval(".card.failed", (c) => c.textContent ?? "");
    expect(failed).toContain("Failed: 1 error");
    expect(failed).toContain("content/river-cleanup/en.md:12:5: error: image “images/lock-gates.jpg” does not exist");
    expect(failed).toContain("hint: check the path");
    expect(await page.$eval("#out--harbour-library--en--handout-a4", (c) => c.textContent)).toContain("Checks passed, 1 warning");
    expect(await axeViolations(page)).toEqual([]);
    if (screenshots && transport === "http") await saveScreenshot(page, path.join(repoRoot, "docs/contact-sheet.png"), true);
    await page.close();
  });

  it("the preview shows every page of every edition, languages side by side", async () => {
    const page = await open(urlOf("harbour-library/index.html"));
    const f = await facts(page);
    expect(f).toMatchObject({ lang: "en", h1: 1, scripts: 0 });
    const expected = ["handout-a4", "print"].flatMap((layout) =>
      ["ar", "en"].flatMap((lang) => {
        const e = good().find((x) => x.slug === "harbour-library" && x.lang === lang && x.layout === layout)!;
        return Array.from({ length: e.pages }, (_, i) => pageAlt(lang, layout, i + 1, e.pages));
      }));
    expect(f.images.map((i) => i.alt)).toEqual(expected);
    expect(f.images.every((i) => i.loaded)).toBe(true);
    // Page 1 of the Arabic and of the English handout: one row, two columns.
    const [ar, en] = [f.images[0]!, f.images[1]!];
    expect(Math.abs(ar.top - en.top)).toBeLessThan(2);
    expect(en.left).toBeGreaterThan(ar.left);
    expect(f.links).toContain(urlOf("index.html"));
    await expectLinksResolve(page, f);
    expect(await axeViolations(page)).toEqual([]);
    if (screenshots && transport === "http") await saveScreenshot(page, path.join(repoRoot, "docs/preview.png"));
    await page.close();
  });
});

describe("live reload", () => {
  it("shows an accessible overlay for an error event and reloads in place on a reload event", async () => {
    const live = tempDir("pressroom-live-");
    cpSync(outDir, live, { recursive: true }); // the PDFs and their images: nothing is rendered again
    await writeContactSheet(live, entries, { liveReload: "/__events" });
    const watch = await serveFolder(live);
    try {
      const page = await open(`${watch.url}/`, { width: 1200, height: 700 });
      expect(await page.evaluate(() => document.scripts.length)).toBe(1);
      await until(() => watch.clients() === 1, "the page to connect");
      await page.evaluate(() => window.scrollTo(0, 400));

      watch.send("error", errorEventData([missingImage, overflow]));
      await page.waitForSelector("dialog#pressroom-overlay[open]");
      const overlay = await page.$eval("#pressroom-overlay", (d) => ({
        role: d.getAttribute("role"),
        focused: document.activeElement === d,
        title: d.querySelector("h2")?.textContent,
        items: [...d.querySelectorAll("li")].map((li) => li.textContent),
      }));
      expect(overlay).toEqual({
        role: "alertdialog",
        focused: true,
        title: "Build failed: 1 error, 1 warning",
        items: [
          "content/river-cleanup/en.md:12:5: error: image “images/lock-gates.jpg” does not existhint: check the path: it is relative to the release folder",
          `content/harbour-library/en.md:9:41: warning: ${overflow.message}hint: ${overflow.hint}`,
        ],
      });
      expect(await axeViolations(page)).toEqual([]);
      if (screenshots) await saveScreenshot(page, path.join(repoRoot, "docs/overlay.png"));

      await page.keyboard.press("Escape");
      expect(await page.$("#pressroom-overlay")).toBeNull();

      watch.send("error", errorEventData([missingImage]));
      await page.waitForSelector("dialog#pressroom-overlay[open]");
      await Promise.all([page.waitForNavigation({ waitUntil: "load" }), watch.send("reload")]);
      expect(await page.$("#pressroom-overlay")).toBeNull();
      await until(() => page.evaluate(() => window.scrollY === 400), "the scroll position to come back");
      await page.close();
    } finally {
      await watch.close();
    }
  });
});
