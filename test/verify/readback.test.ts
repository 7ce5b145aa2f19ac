import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPdf } from "../../src/verify/check.ts";
import { printStructureTree, readStructureTree, type StructNode } from "../../src/verify/readback.ts";
import { baseBytes, RELEASE } from "../support/defects/bases.ts";
import { generate, variantNamed } from "../support/defects/corpus.ts";

const FONT = new URL("../../node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf", import.meta.url);

function render(build: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      tagged: true,
      subset: "PDF/UA" as string as PDFKit.Mixins.PDFSubsets, // supported by pdfkit 0.20, missing from its types
      pdfVersion: "1.7",
      lang: "en-GB",
      displayTitle: true,
      info: { Title: "Harbour Town" },
      size: "A4",
      margin: 56,
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.registerFont("Noto", FONT.pathname);
    doc.font("Noto").fontSize(12);
    build(doc);
    doc.end();
  });
}

const find = (n: StructNode, role: string): StructNode[] =>
  (n.role === role ? [n] : []).concat(n.children.flatMap((c) => find(c, role)));

describe("readStructureTree on a pdfkit document", () => {
  let tree: StructNode;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await render((doc) => {
      const root = doc.struct("Document");
      doc.addStructure(root);
      // a running header: an artifact, so not in the tree
      doc.markContent("Artifact", { type: "Pagination" });
      doc.text("Page header — not content", 56, 20, { lineBreak: false });
      doc.endMarkedContent();
      doc.x = 56;
      doc.y = 80;
      root.add(doc.struct("H1", {}, () => doc.text("Harbour Town opens café — ‘zero-emission’ ferries")));
      // one element, two marked-content sequences: read in structure order
      root.add(
        doc.struct("P", {}, [
          () => doc.text("First line of the paragraph, ", { continued: false }),
          () => doc.text("and its second sequence."),
        ]),
      );
      root.add(doc.struct("P", { lang: "de-CH" }, () => doc.text("Grüezi mitenand")));
      root.add(doc.struct("Figure", { alt: "A ferry at the quay" }, () => doc.rect(56, 300, 40, 20).fill("#333")));
      const p = doc.struct("P");
      root.add(p);
      p.add(doc.struct("Span", {}, () => doc.text("Abbreviated: ", { continued: false })));
      p.add(doc.struct("Span", { actual: "Harbour Town Authority" }, () => doc.text("HTA")));
      p.end();
      root.end();
    });
    tree = await readStructureTree(bytes);
  });

  it("returns the tree under a StructTreeRoot node with the catalog language", () => {
    expect(tree.role).toBe("StructTreeRoot");
    expect(tree.lang).toBe("en-GB");
    expect(tree.children.map((c) => c.role)).toEqual(["Document"]);
    expect(tree.children[0]!.children.map((c) => c.role)).toEqual(["H1", "P", "P", "Figure", "P"]);
  });

  it("reads text exactly as the glyphs map to Unicode", () => {
    expect(find(tree, "H1")[0]!.text).toBe("Harbour Town opens café — ‘zero-emission’ ferries");
    const [p1, p2] = find(tree, "P");
    expect(p1!.text).toBe("First line of the paragraph, and its second sequence.");
    expect(p2!.text).toBe("Grüezi mitenand");
    expect(p2!.lang).toBe("de-CH");
  });

  it("leaves artifacts out and uses /ActualText and /Alt", () => {
    expect(tree.text).not.toContain("Page header");
    const fig = find(tree, "Figure")[0]!;
    expect(fig.alt).toBe("A ferry at the quay");
    expect(fig.text).toBe("");
    const spans = find(tree, "Span");
    expect(spans.map((s) => s.text)).toEqual(["Abbreviated: ", "Harbour Town Authority"]);
    expect(spans[1]!.actualText).toBe("Harbour Town Authority");
    expect(find(tree, "P")[2]!.text).toBe("Abbreviated: Harbour Town Authority");
  });

  it("prints one element per line, indented by depth", () => {
    const printed = printStructureTree(tree);
    expect(printed).toBe(
      [
        "StructTreeRoot [lang=en-GB]",
        "  Document",
        '    H1 "Harbour Town opens café — ‘zero-emission’ ferries"',
        '    P "First line of the paragraph, and its second sequence."',
        '    P [lang=de-CH] "Grüezi mitenand"',
        '    Figure [alt="A ferry at the quay"] ""',
        "    P",
        '      Span "Abbreviated: "',
        '      Span [actualText="Harbour Town Authority"] "Harbour Town Authority"',
        "",
      ].join("\n"),
    );
  });

  it("passes the content checks it is meant to (tagging, ParentTree, Unicode)", async () => {
    const codes = new Set((await checkPdf(bytes, { file: "pdfkit.pdf", profiles: ["ua"] })).map((d) => d.code));
    for (const code of ["01-005", "01-x03", "01-x04", "01-x05", "01-x06", "01-x07", "02-x02", "10-001", "31-009", "31-027", "31-001"])
      expect(codes.has(code), code).toBe(false);
  });
});

describe("readStructureTree on Pressroom's handout (the defect corpus's base)", () => {
  it("reads headings, paragraphs and the link text in order", async () => {
    const tree = await readStructureTree(await baseBytes("handout"));
    const printed = printStructureTree(tree);
    const lines = printed.split("\n");
    expect(lines[0]).toBe("StructTreeRoot [lang=en]");
    expect(lines[1]).toBe("  Document");
    expect(printed).toContain(`    H1 "${RELEASE.title}"\n`);
    expect(printed).toContain(`      H2 "${RELEASE.heading}"\n`);
    expect(printed).toContain(`      Link "${RELEASE.link}"\n`);
    expect(printed).toContain(`    Figure [alt="${RELEASE.figureAlt}"] ""\n`);
    // real space glyphs between words, including across line ends; nothing inferred
    const lede = find(tree, "P").find((p) => p.children.some((c) => c.role === "Link"))!;
    expect(lede.text).toContain(`${RELEASE.lede} Details are at ${RELEASE.link}.`);
    expect(tree.text).toContain(RELEASE.email);
    // artifacts (rules, footer) add no text; every element's text is its children's plus its own content
    const doc = tree.children[0]!;
    expect(doc.text).toBe(doc.children.map((c) => c.text).join(""));
  });

  it("returns an empty root for an untagged file", async () => {
    const tree = await readStructureTree(await generate(variantNamed("untagged")));
    expect(tree).toEqual({ role: "StructTreeRoot", lang: "en", text: "", children: [] });
  });
});
