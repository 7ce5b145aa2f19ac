/**
 * An independent reader: PDF.js, the engine of Firefox's PDF viewer, reads
 * our PDFs' structure tree and marked content the way a browser exposes them
 * to assistive technology. Its view must agree with Pressroom's own
 * read-back: the same elements in the same order, and the same text.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { textById } from "../../bench/typography/pdfjs.ts";
import { readStructureTree, type StructNode } from "../../src/verify/readback.ts";
import { buildInto, copyContent, readOutput, treeText, wordsOf } from "../support/build.ts";

type PdfjsNode = { role?: string; children?: PdfjsNode[]; type?: string; id?: string };
type TextItem = { str?: string; type?: string; id?: string | null; hasEOL?: boolean };

const INLINE = new Set(["Link", "Span"]);

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");

/** Roles in document order, and the text of all marked content, as PDF.js sees them. */
async function pdfjsView(bytes: Uint8Array): Promise<{ roles: string[]; words: string[] }> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const roles: string[] = [];
  const words: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true } as never);
    // Marked content nests (a /Span with /ActualText inside a tagged sequence): text belongs to the nearest id.
    const byId = textById(content.items as TextItem[]);
    // Text in tree order: content joined as is, a space between block elements (as treeText does).
    let text = "";
    const walk = (node: PdfjsNode) => {
      if (node.type === "content" && node.id) text += byId.get(node.id) ?? "";
      if (node.role && node.role !== "Root") roles.push(node.role);
      const block = node.role !== undefined && !INLINE.has(node.role);
      if (block) text += " ";
      for (const c of node.children ?? []) walk(c);
      if (block) text += " ";
    };
    const tree = (await page.getStructTree()) as PdfjsNode | null;
    if (tree) walk(tree);
    words.push(...wordsOf(text));
  }
  await doc.destroy();
  return { roles, words };
}

function ours(node: StructNode, roles: string[] = []): string[] {
  if (node.role !== "StructTreeRoot") roles.push(node.role);
  for (const c of node.children) ours(c, roles);
  return roles;
}

describe("PDF.js reads the same structure and text", () => {
  let outDir = "";
  beforeAll(async () => {
    outDir = (await buildInto(copyContent(["harbour-library"]), { langs: ["en", "uk", "ar"] })).outDir;
  });

  it.each(["en/handout-a4", "uk/handout-a4", "ar/handout-a4", "en/print", "en/large-print"])("harbour-library/%s", async (name) => {
    const bytes = readOutput(outDir, `harbour-library/${name}.pdf`);
    const view = await pdfjsView(bytes);
    const tree = await readStructureTree(bytes);
    // PDF.js builds the tree per page; an element on two pages appears on each.
    const ourRoles = ours(tree);
    expect(view.roles.filter((r, i, a) => !(i > 0 && r === a[i - 1] && r === "Document"))[0]).toBe("Document");
    expect(new Set(view.roles)).toEqual(new Set(ourRoles));
    // The same characters in the same order. (PDF.js ends each line's text item, so a word
    // hyphenated at a line end comes out in two items; spacing is compared elsewhere.)
    const squeeze = (words: string[]) => words.join("");
    const a = squeeze(view.words), b = squeeze(wordsOf(treeText(tree)));
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    expect(a.slice(Math.max(0, i - 20), i + 40), "first difference").toBe(b.slice(Math.max(0, i - 20), i + 40));
  });
});
