/**
 * Helpers for the e-mail tests: prepared releases from content/ and the
 * test corpus, their A4 handouts built for real, the HTML part opened in
 * headless Chromium (@sparticuz/chromium, from npm: no system browser or
 * fonts needed).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { build } from "../../src/build/build.ts";
import { formatDiagnostic } from "../../src/model/diagnostic.ts";
import type { PreparedRelease } from "../../src/model/prepared.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { prepareRelease } from "../../src/prepare/prepare.ts";
import { loadFontManifest, type FontManifest } from "../../src/prepare/fonts.ts";
import { repoRoot, tempDir } from "../support/build.ts";

export const CONTENT = path.join(repoRoot, "content");
export const CORPUS = path.join(repoRoot, "test/fixtures/releases");

/** A release language file: `dir` holds `<slug>/<lang>.md`. */
export type Sample = { dir: string; slug: string; lang: string };

/** The samples of the e-mail tests: English, Ukrainian, Arabic and Hebrew at least, an image, an embargo. */
export const SAMPLES: Sample[] = [
  { dir: CONTENT, slug: "harbour-library", lang: "en" },
  { dir: CONTENT, slug: "harbour-library", lang: "uk" },
  { dir: CONTENT, slug: "harbour-library", lang: "ar" },
  { dir: CONTENT, slug: "river-cleanup", lang: "en" },
  { dir: CORPUS, slug: "accessible-beach", lang: "he" },
  { dir: CORPUS, slug: "engineering-scholarships", lang: "ar" },
  { dir: CORPUS, slug: "warm-schools", lang: "uk" },
  { dir: CORPUS, slug: "clinic-vans", lang: "en" },
];

export const sampleName = (s: Sample) => `${s.slug}/${s.lang}`;

let fonts: Promise<FontManifest> | undefined;
const fontManifest = () =>
  (fonts ??= loadFontManifest(path.join(repoRoot, "fonts")).then((r) => {
    if (!r.manifest) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
    return r.manifest;
  }));

/** Parse and prepare one language file, as the orchestrator does. */
export async function prepareFile(file: string, slug = path.basename(path.dirname(file))): Promise<PreparedRelease> {
  const lang = path.basename(file, ".md");
  const parsed = parseRelease({ slug, lang, path: file, dir: path.dirname(file), text: readFileSync(file, "utf8") });
  if (!parsed.release) throw new Error(parsed.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
  const prepared = prepareRelease(parsed.release, await fontManifest());
  if (!prepared.prepared) throw new Error(prepared.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
  return prepared.prepared;
}

export const prepareSample = (s: Sample) => prepareFile(path.join(s.dir, s.slug, `${s.lang}.md`), s.slug);

/** Builds the A4 handouts of the samples in one run; bytes by `slug/lang`. */
export async function buildHandouts(samples: readonly Sample[]): Promise<Map<string, Uint8Array>> {
  const content = tempDir("pressroom-email-content-");
  for (const s of new Set(samples.map((x) => path.join(x.dir, x.slug)))) cpSync(s, path.join(content, path.basename(s)), { recursive: true });
  const outDir = tempDir("pressroom-email-out-");
  const langs = [...new Set(samples.map((s) => s.lang))];
  const result = await build({ contentDir: content, outDir, layouts: ["handout-a4"], langs });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(errors.map((d) => formatDiagnostic(d)).join("\n"));
  const pdfs = new Map<string, Uint8Array>();
  for (const s of samples) pdfs.set(sampleName(s), new Uint8Array(readFileSync(path.join(outDir, s.slug, s.lang, "handout-a4.pdf"))));
  return pdfs;
}

/** Stand-in PDF bytes, for tests about the message rather than the attachment. */
export const FAKE_PDF = new TextEncoder().encode("%PDF-1.7\n% a stand-in for the handout\n%%EOF\n");

/** mailparser, keeping `cid:` links as they are in the message (by default it turns them into data: URLs). */
export const parseMail = (bytes: Uint8Array): Promise<ParsedMail> => simpleParser(Buffer.from(bytes), { keepCidLinks: true });

/**
 * The HTML part as a browser shows it in a mail client: `cid:` images
 * replaced by data: URLs of their parts (what Thunderbird does with them).
 */
export function htmlWithImages(mail: ParsedMail): string {
  let html = typeof mail.html === "string" ? mail.html : "";
  for (const a of mail.attachments) {
    if (a.cid) html = html.split(`cid:${a.cid}`).join(`data:${a.contentType};base64,${a.content.toString("base64")}`);
  }
  return html;
}

/**
 * A fontconfig file that gives Chromium the fonts Pressroom ships (Noto,
 * Vazirmatn, DejaVu from npm) besides any system fonts, so pages render the
 * same on a machine with no fonts installed.
 */
export async function fontconfigFile(): Promise<string> {
  const manifest = await fontManifest();
  const dirs = [...new Set(manifest.families.flatMap((f) => f.faces.map((face) => path.dirname(face.path))))];
  const dir = mkdtempSync(path.join(tmpdir(), "pressroom-fontconfig-"));
  const file = path.join(dir, "fonts.conf");
  writeFileSync(file, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${dirs.map((d) => `  <dir>${d}</dir>`).join("\n")}
  <dir>/usr/share/fonts</dir>
  <cachedir>${path.join(dir, "cache")}</cachedir>
  <alias><family>serif</family><prefer><family>Noto Serif</family></prefer></alias>
  <alias><family>sans-serif</family><prefer><family>Noto Sans</family></prefer></alias>
</fontconfig>
`);
  return file;
}

/** One headless Chromium (a test file shares it): the package's own binary. */
export async function launchChromium() {
  const { default: chromium } = await import("@sparticuz/chromium");
  const { default: puppeteer } = await import("puppeteer-core");
  return puppeteer.launch({
    args: chromium.args,
    executablePath: await chromium.executablePath(),
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: await fontconfigFile() },
  });
}
