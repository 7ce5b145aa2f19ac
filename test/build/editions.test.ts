/** What each edition promises beyond PDF/UA-1, checked on the real outputs. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mm } from "../../src/compose/define-layout.ts";
import { loadLayouts } from "../../src/build/layouts.ts";
import { discoverSources } from "../../src/discover/discover.ts";
import { layoutRelease } from "../../src/layout/pages.tsx";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { createFontStore, loadFontManifest } from "../../src/prepare/fonts.ts";
import { prepareRelease } from "../../src/prepare/prepare.ts";
import type { LayoutNode } from "../../src/layout/tree.ts";
import { numOf, withPdf, type Obj } from "../../src/verify/pdf.ts";
import { readStructureTree } from "../../src/verify/readback.ts";
import { buildInto, copyContent, readOutput, repoRoot, treeText } from "../support/build.ts";

const manifest = (await loadFontManifest()).manifest!;
const layouts = (await loadLayouts()).layouts;
const prepared = (await discoverSources(path.join(repoRoot, "content"))).sources.map((s) => prepareRelease(parseRelease(s).release!, manifest).prepared!);
const english = prepared.find((p) => p.release.slug === "harbour-library" && p.lang === "en")!;

/** Every TEXT node with its absolute box, and whether it is decoration (inside an artifact). */
function texts(node: LayoutNode, x = 0, y = 0, out: { node: LayoutNode; x: number; y: number; artifact: boolean }[] = [], artifact = false) {
  const ax = x + (node.box?.left ?? 0), ay = y + (node.box?.top ?? 0);
  const inArtifact = artifact || !!node.props?.artifact;
  if (node.type === "TEXT") out.push({ node, x: ax, y: ay, artifact: inArtifact });
  else for (const c of node.children ?? []) texts(c, ax, ay, out, inArtifact);
  return out;
}

const box = (o: Obj | undefined) => [0, 1, 2, 3].map((i) => numOf(o?.get(i))!);

describe("handouts", () => {
  it.each(["handout-a4", "handout-letter"])("%s: the seed-length English release fits on one page at 10 pt or more, inside 12 mm margins", async (id) => {
    const layout = layouts.get(id)!;
    const root = await layoutRelease(english, layout, createFontStore(manifest));
    expect(root.children).toHaveLength(1);
    const [w, h] = layout.page.size;
    // The body: the columns the layout stage put after the header and footer.
    const columns = root.children![0]!.children!.slice(-layout.page.columns.count);
    const body = columns.flatMap((c) => texts(c)).filter(({ node, artifact }) => node.props?.tag === "P" && !artifact);
    expect(body.length).toBeGreaterThan(5);
    for (const { node } of body) {
      // Runs that show text (a forced line break sits in an empty, tiny run of its own).
      const shown = (node.lines ?? []).flatMap((l) => l.runs.filter((r) => r.glyphs.some((g) => !g.codePoints.includes(10))));
      for (const run of shown) expect(run.attributes.fontSize).toBeGreaterThanOrEqual(10);
    }
    for (const { node, x, y } of texts(root)) {
      expect(x).toBeGreaterThanOrEqual(mm(12) - 0.5);
      expect(x + node.box!.width).toBeLessThanOrEqual(w - mm(12) + 0.5);
      expect(y).toBeGreaterThanOrEqual(mm(12) - 0.5);
      expect(y + node.box!.height).toBeLessThanOrEqual(h - mm(8));
    }
  });
});

describe("large print", () => {
  it("sets body text in 16 pt or larger sans serif, ragged, with no hyphenation", async () => {
    const root = await layoutRelease(english, layouts.get("large-print")!, createFontStore(manifest));
    for (const { node, artifact } of texts(root)) {
      if (artifact) continue;
      const runs = (node.lines ?? []).flatMap((l) => l.runs);
      for (const run of runs) {
        expect(run.attributes.fontSize).toBeGreaterThanOrEqual(16);
        expect(run.attributes.font[0]!.postscriptName).toMatch(/Sans|Vazirmatn/);
        expect((run.attributes as { align?: string }).align).not.toBe("justify");
      }
      // A line may end with a hyphen only where the source has one.
      for (const line of node.lines ?? []) if (line.string.trimEnd().endsWith("-")) expect(node.props?.tag).toBeUndefined();
    }
  });

  it("leaves out a pull quote that repeats the body, and keeps one that does not", async () => {
    const built = await buildInto(copyContent(), { layouts: ["large-print"], langs: ["en"] });
    const harbour = treeText(await readStructureTree(readOutput(built.outDir, "harbour-library/en/large-print.pdf")));
    expect(harbour.split("A library card should open the same doors").length - 1).toBe(1);
    const river = await readStructureTree(readOutput(built.outDir, "river-cleanup/en/large-print.pdf"));
    expect(JSON.stringify(river)).toContain('"role":"BlockQuote"');
  });
});

describe("print master", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const built = await buildInto(copyContent(["harbour-library"]), { layouts: ["print"], langs: ["en"] });
    bytes = readOutput(built.outDir, "harbour-library/en/print.pdf");
  });

  it("has TrimBox and BleedBox 3 mm apart on every page, inside the MediaBox", async () => {
    await withPdf(bytes, (doc) => {
      for (let i = 0; i < doc.countPages(); i++) {
        const page = doc.findPage(i);
        const [mx0, my0, mx1, my1] = box(page.get("MediaBox"));
        const [tx0, ty0, tx1, ty1] = box(page.get("TrimBox"));
        const [bx0, by0, bx1, by1] = box(page.get("BleedBox"));
        for (const [trim, bleed, sign] of [[tx0, bx0, -1], [ty0, by0, -1], [tx1, bx1, 1], [ty1, by1, 1]] as const) {
          expect((bleed! - trim!) * sign).toBeCloseTo(mm(3), 1);
        }
        expect(tx1! - tx0!).toBeCloseTo(mm(210), 1);
        expect(ty1! - ty0!).toBeCloseTo(mm(297), 1);
        expect(mx0).toBeLessThanOrEqual(bx0!); expect(my0).toBeLessThanOrEqual(by0!);
        expect(mx1).toBeGreaterThanOrEqual(bx1!); expect(my1).toBeGreaterThanOrEqual(by1!);
        expect(page.get("Annots").isNull()).toBe(true);
      }
    });
  });

  it("declares PDF/X-4 with an embedded CMYK output intent", async () => {
    await withPdf(bytes, (doc) => {
      const intent = doc.getTrailer().get("Root").get("OutputIntents").get(0);
      expect(intent.get("S").asName()).toBe("GTS_PDFX");
      expect(intent.get("DestOutputProfile").get("N").asNumber()).toBe(4);
      const info = doc.getTrailer().get("Info");
      expect(info.get("GTS_PDFXVersion").asString()).toBe("PDF/X-4");
      expect(info.get("Trapped").asName()).toBe("False");
    });
  });

  it("keeps the type inside the 5 mm safe zone of the trim", async () => {
    const layout = layouts.get("print")!;
    const root = await layoutRelease(english, layout, createFontStore(manifest));
    const [w, h] = layout.page.size;
    for (const page of root.children ?? []) {
      for (const { node, x, y } of texts(page)) {
        expect(x).toBeGreaterThanOrEqual(mm(5));
        expect(x + node.box!.width).toBeLessThanOrEqual(w - mm(5));
        expect(y).toBeGreaterThanOrEqual(mm(5));
        expect(y + node.box!.height).toBeLessThanOrEqual(h - mm(5));
      }
    }
  });
});
