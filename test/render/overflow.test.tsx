import React from "react";
import { Document, Page, Text } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { layoutDocument } from "../../src/layout/layout.ts";
import { createFontStore, loadFontManifest } from "../../src/prepare/fonts.ts";
import { renderTagged } from "../../src/render/render.ts";

const manifest = (await loadFontManifest()).manifest!;
const T = Text as unknown as React.FC<Record<string, unknown>>;

async function render(text: string, width: number) {
  const root = await layoutDocument(
    <Document><Page size={[300, 300]}><T tag="P" tagId="p" hyphenationCallback={(w: string) => [w]} style={{ width, fontFamily: "serif", fontSize: 10 }}>{text}</T></Page></Document>,
    createFontStore(manifest),
  );
  return renderTagged({ root, file: "x.md", paint: { colour: (c) => c, annotations: true }, meta: { title: "t", lang: "en", author: "a", date: new Date(0) } });
}

describe("text wider than its column", () => {
  it("is reported as a warning that names the text", async () => {
    const r = await render("Write to Donaudampfschifffahrtsgesellschaftskapitänsmütze today.", 80);
    expect(r.bytes).toBeDefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: "warning", file: "x.md", message: expect.stringMatching(/runs [\d.]+ pt past its column: ".*kapitänsmütze"/) })]);
  });

  it("is not reported when the text fits", async () => {
    expect((await render("Write to the council today.", 200)).diagnostics).toEqual([]);
  });
});
