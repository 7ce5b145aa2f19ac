/**
 * The HTML part of release.eml in headless Chromium, checked with axe-core
 * (every rule axe runs by default: WCAG 2.x A/AA and best practices): no
 * violations, `lang` and `dir` on <html>, exactly one h1, alt text on every
 * image, nothing loaded from the network. One browser for the whole file.
 */
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeReleaseEmail } from "../../src/email/index.ts";
import { FAKE_PDF, htmlWithImages, launchChromium, parseMail, prepareSample, sampleName, SAMPLES } from "./support.ts";

let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  browser = await launchChromium();
  axeSource = (await import("axe-core")).default.source;
});

afterAll(async () => {
  await browser?.close();
});

type AxeResult = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]; passes: { id: string }[] };

/** Opens the HTML part as a mail client shows it; collects every request the page makes. */
async function openHtml(html: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on("request", (r) => {
    requests.push(r.url());
    // Only the page itself and its inline (data:) images may load.
    if (r.url().startsWith("data:") || r.url() === "about:blank") void r.continue();
    else void r.abort();
  });
  await page.setViewport({ width: 800, height: 900 });
  await page.setContent(html, { waitUntil: "load" });
  return { page, requests };
}

/**
 * Elements whose text has less contrast with its background than WCAG 2 AA
 * wants (4.5:1; 3:1 for text of 24 px, or 18.66 px bold), as "tag text: ratio".
 */
function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c;
      }
      return [255, 255, 255];
    };
    const found: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "");
      if (!own) continue;
      const style = getComputedStyle(el);
      const a = luminance(rgb(style.color));
      const b = luminance(background(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) found.push(`${el.tagName.toLowerCase()} ${el.textContent!.slice(0, 30)}: ${ratio.toFixed(2)}`);
    }
    return found;
  });
}

describe.each(SAMPLES.map(sampleName))("the HTML part of %s", (name) => {
  it("has no axe violations, lang and dir, one h1, alt on every image, no remote requests", async () => {
    const sample = SAMPLES.find((s) => sampleName(s) === name)!;
    const prepared = await prepareSample(sample);
    const email = await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: FAKE_PDF } });
    const { page, requests } = await openHtml(htmlWithImages(await parseMail(email.bytes)));
    try {
      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        h1: document.querySelectorAll("h1").length,
        images: [...document.images].map((i) => ({ alt: i.getAttribute("alt"), loaded: i.complete && i.naturalWidth > 0 })),
        scripts: document.scripts.length,
        styleSheets: document.styleSheets.length,
      }));
      expect(facts).toMatchObject({ lang: prepared.lang, dir: prepared.direction, h1: 1, scripts: 0, styleSheets: 0 });
      for (const image of facts.images) expect(image).toEqual({ alt: expect.stringMatching(/\S/), loaded: true });
      expect(requests.filter((u) => !u.startsWith("data:") && u !== "about:blank")).toEqual([]);

      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as AxeResult;
      const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
      // axe skips text in a font whose glyphs it takes for icon ligatures, which is what Arabic's
      // joined letters look like to it: its color-contrast rule may check no Arabic text at all.
      // So contrast is also measured here, on every element that has text of its own.
      expect(await lowContrast(page)).toEqual([]);
      const applied = [...(prepared.lang.startsWith("ar") ? [] : ["color-contrast"]), "html-has-lang", "html-lang-valid", "link-name", "page-has-heading-one", "landmark-one-main", "region"];
      if (facts.images.length) applied.push("image-alt");
      expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(applied));
    } finally {
      await page.close();
    }
  });
});

it("the contrast measure finds pale text (control)", async () => {
  const { page } = await openHtml('<!DOCTYPE html><html lang="en"><body><main><h1>Title</h1><p style="color:#aaaaaa">Pale</p><p style="color:#0b5d6b;background:#e6f1f2">Fine</p></main></body></html>');
  try {
    expect(await lowContrast(page)).toEqual([expect.stringMatching(/^p Pale: 2\.\d\d$/)]);
  } finally {
    await page.close();
  }
});
