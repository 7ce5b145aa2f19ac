/**
 * Screenshots of the HTML part of release.eml for the README, taken with
 * the same headless Chromium as the tests (cid: images shown as a mail
 * client shows them):
 *
 *   node --import tsx test/email/screenshots.ts [outDir] [slug/lang …]
 *
 * Default: docs/email-harbour-library-en.png and docs/email-harbour-library-ar.png
 * (and river-cleanup/en with its image, when named). Look at them before committing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { composeReleaseEmail } from "../../src/email/index.ts";
import { repoRoot } from "../support/build.ts";
import { CONTENT, CORPUS, FAKE_PDF, htmlWithImages, launchChromium, parseMail, prepareSample, type Sample } from "./support.ts";

const [outArg, ...names] = process.argv.slice(2);
const outDir = path.resolve(outArg ?? path.join(repoRoot, "docs"));
const wanted = names.length ? names : ["harbour-library/en", "harbour-library/ar"];

mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
try {
  for (const name of wanted) {
    const [slug, lang] = name.split("/") as [string, string];
    const sample: Sample = { dir: CONTENT, slug, lang };
    const prepared = await prepareSample(sample).catch(() => prepareSample({ ...sample, dir: CORPUS }));
    const email = await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: FAKE_PDF } });
    const page = await browser.newPage();
    // About the width of a mail client's reading pane; the full message, top to bottom.
    await page.setViewport({ width: 720, height: 800, deviceScaleFactor: 1 });
    await page.setContent(htmlWithImages(await parseMail(email.bytes)), { waitUntil: "load" });
    const file = path.join(outDir, `email-${slug}-${lang}.png`);
    writeFileSync(file, await page.screenshot({ fullPage: true, type: "png" }));
    await page.close();
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
} finally {
  await browser.close();
}
