/**
 * A small print master through the real stages, without a layout folder:
 * parse and prepare a release with a PNG figure and a link, prepare it for
 * print (CMYK figures), compose a tiny react-pdf document of semantic
 * components with a background band touching the top trim edge, lay it out
 * and render it with the print profile's paint options and finish.
 */
import React from "react";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { Document, Page, View } from "@react-pdf/renderer";
import { Artifact, Figure, Headline, ReleaseProvider, RichText } from "../../src/compose/components.tsx";
import { mm } from "../../src/compose/define-layout.ts";
import { prepareForPrint } from "../../src/finish/prepare-print.ts";
import { printFinish } from "../../src/finish/print.ts";
import { layoutDocument } from "../../src/layout/layout.ts";
import type { PreparedRelease } from "../../src/model/prepared.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { createFontStore, loadFontManifest } from "../../src/prepare/fonts.ts";
import { prepareRelease } from "../../src/prepare/prepare.ts";
import { cmykTable } from "../../src/render/colour.ts";
import { renderTagged, type Rendered } from "../../src/render/render.ts";

export const TRIM = [mm(148), mm(210)] as const;
export const BAND_HEIGHT = mm(20);
/** The figure's source colour (sRGB) and where the figure lands on the trim (y down). */
export const FIGURE_RGB = { r: 0, g: 160, b: 230 } as const;
export const FIGURE_BOX = { left: mm(15), top: mm(60), width: 120, height: 60 } as const;

export const ACCENT = { rgb: "#0b5d6b", cmyk: [90, 30, 35, 25] } as const;

const markdown = `---
title: Print & proof
organization: Test Org
date: 2026-05-14
---

The proof is at [the printer’s site](https://example.org/proof) today.

![A blue rectangle](images/blue.png)
`;

/** An RGB PNG with an alpha channel. */
export function rgbPng(width = 40, height = 20): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { ...FIGURE_RGB, alpha: 1 } } }).png().toBuffer();
}

function PrintTestDocument({ prepared }: { prepared: PreparedRelease }) {
  const [paragraph, figure] = prepared.release.blocks;
  if (paragraph?.kind !== "paragraph" || figure?.kind !== "figure") throw new Error("unexpected test release");
  return (
    <Document>
      <ReleaseProvider prepared={prepared}>
        <Page size={[...TRIM]} style={{ fontFamily: prepared.fonts.body, fontSize: 10 }}>
          <Artifact kind="Background" style={{ position: "absolute", top: 0, left: 0, right: 0, height: BAND_HEIGHT, backgroundColor: ACCENT.rgb }} />
          <View style={{ position: "absolute", top: mm(25), left: mm(15), right: mm(15) }}>
            <Headline style={{ fontSize: 18 }} />
          </View>
          <View style={{ position: "absolute", top: mm(40), left: mm(15), right: mm(15) }}>
            <RichText inlines={paragraph.inlines} pos={paragraph.pos} inlineStyles={{ link: { color: ACCENT.rgb } }} />
          </View>
          <View style={{ position: "absolute", top: FIGURE_BOX.top, left: FIGURE_BOX.left }}>
            <Figure block={figure} style={{ width: FIGURE_BOX.width, height: FIGURE_BOX.height }} />
          </View>
        </Page>
      </ReleaseProvider>
    </Document>
  );
}

export async function buildPrintMaster(): Promise<Rendered> {
  const dir = mkdtempSync(path.join(tmpdir(), "pressroom-print-"));
  mkdirSync(path.join(dir, "images"));
  writeFileSync(path.join(dir, "images", "blue.png"), await rgbPng());
  const file = path.join(dir, "en.md");
  writeFileSync(file, markdown);
  const parsed = parseRelease({ slug: "print", lang: "en", path: file, dir, text: markdown });
  if (!parsed.release) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
  const fonts = (await loadFontManifest()).manifest!;
  const prepared = await prepareForPrint(prepareRelease(parsed.release, fonts).prepared!);
  const root = await layoutDocument(<PrintTestDocument prepared={prepared} />, createFontStore(fonts));
  const { meta } = prepared.release;
  return renderTagged({
    root,
    file,
    meta: { title: meta.title, lang: prepared.lang, author: meta.organization, date: new Date(Date.UTC(2026, 4, 14)) },
    // what the `print` profile passes (src/render/profiles.ts)
    paint: { colour: cmykTable({ accent: ACCENT }), annotations: false },
    finish: printFinish,
  });
}
