/**
 * The PDFs every defect variant starts from, written by Pressroom itself: a
 * one-page release with a headline, a link, a figure, sections with H2 and
 * H3, a quotation and a list, built through `buildTarget` (compose, layout,
 * render, verify) as the A4 handout (PDF/UA-1) and as the print master
 * (PDF/UA-1 and PDF/X-4). A base that fails any check is an error here, not
 * a variant: every variant's expected codes are measured against a clean file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { loadLayouts } from "../../../src/build/layouts.ts";
import { buildTarget, verifyTarget } from "../../../src/build/target.ts";
import { formatDiagnostic } from "../../../src/model/diagnostic.ts";
import { parseRelease } from "../../../src/parse/parse-release.ts";
import { createFontStore, loadFontManifest } from "../../../src/prepare/fonts.ts";
import { prepareRelease } from "../../../src/prepare/prepare.ts";

export type BaseName = "handout" | "print";

const LAYOUT_OF: Record<BaseName, string> = { handout: "handout-a4", print: "print" };

/** Text the tests read back from the bases. */
export const RELEASE = {
  title: "Harbour ferry terminal runs on sunlight",
  lede: "The Harbour Authority today opened the region’s first ferry terminal powered by solar panels.",
  link: "harbour.example/ferry",
  heading: "Background",
  figureAlt: "Solar panels on the terminal roof",
  email: "press@harbour.example",
} as const;

const MARKDOWN = `---
title: ${RELEASE.title}
standfirst: The new terminal needs no grid power in daylight.
organization: Harbour Authority
date: 2026-03-14
place: Harbour City
contact:
  name: Press Office
  email: ${RELEASE.email}
  phone: "+44 20 7946 0000"
---

${RELEASE.lede} Details are at [${RELEASE.link}](https://${RELEASE.link}).

![${RELEASE.figureAlt}](images/roof.png "The roof of the new terminal.")

## ${RELEASE.heading}

The old terminal used 400 MWh a year.

> The quay has never been so quiet.

### Numbers

- 1,200 panels
- 2 batteries
`;

async function writeRelease(dir: string): Promise<string> {
  mkdirSync(path.join(dir, "images"));
  const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer();
  writeFileSync(path.join(dir, "images", "roof.png"), png);
  const file = path.join(dir, "en.md");
  writeFileSync(file, MARKDOWN);
  return file;
}

async function buildBase(name: BaseName): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), "pressroom-defects-"));
  try {
    const file = await writeRelease(dir);
    const parsed = parseRelease({ slug: "ferry", lang: "en", path: file, dir, text: MARKDOWN });
    const fonts = (await loadFontManifest()).manifest;
    if (!parsed.release || !fonts) throw new Error(`defect base: ${parsed.diagnostics.map((d) => formatDiagnostic(d)).join("; ")}`);
    const prepared = prepareRelease(parsed.release, fonts).prepared;
    if (!prepared) throw new Error("defect base: the release does not prepare");
    const layout = (await loadLayouts()).layouts.get(LAYOUT_OF[name])!;
    const built = await buildTarget(prepared, layout, createFontStore(fonts), `${name}.pdf`);
    const findings = built.bytes ? await verifyTarget(built.bytes, built.checks) : [];
    const result = { ...built, diagnostics: [...built.diagnostics, ...findings] };
    if (!result.bytes || result.diagnostics.length || result.pages !== 1)
      throw new Error(`defect base ${name}: ${result.pages} page(s); ${result.diagnostics.map((d) => formatDiagnostic(d)).join("; ")}`);
    return result.bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bases = new Map<BaseName, Promise<Uint8Array>>();

/** The base PDF, built once per process. */
export function baseBytes(name: BaseName): Promise<Uint8Array> {
  let b = bases.get(name);
  if (!b) bases.set(name, (b = buildBase(name)));
  return b;
}
