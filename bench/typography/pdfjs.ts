/**
 * What Firefox's PDF viewer (PDF.js) gives assistive technology: the text of
 * each marked-content sequence, read in structure-tree order.
 *
 * PDF.js's text layer turns every text item into a span and every item with
 * `hasEOL` into a line break, and the structure tree layer points at the
 * marked-content spans (aria-owns). So a word is broken wherever PDF.js ends
 * a line, unless the PDF itself joins the parts (e.g. with /ActualText), and
 * block elements are separate. Text inside nested marked content belongs to
 * the nearest sequence with an id; text and line ends outside any (artifacts)
 * are not in the structure and are not read.
 */
import { wordsOf } from "../../test/support/build.ts";

type PdfjsNode = { role?: string; children?: PdfjsNode[]; type?: string; id?: string };
type TextItem = { str?: string; type?: string; id?: string | null; hasEOL?: boolean };

/** Roles that do not start a new block (no word break around them). */
const INLINE = new Set(["Link", "Span", "Quote", "Note", "Reference", "Code", "Annot", "Ruby", "RB", "RT", "RP"]);

let pdfjsPromise: Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")> | undefined;
const loadPdfjs = () => (pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

/** Marked-content id → its text, with "\n" at every `hasEOL`. Text in nested marked content belongs to the nearest id. */
export function textById(items: readonly TextItem[]): Map<string, string> {
  const out = new Map<string, string>();
  const open: (string | null | undefined)[] = [];
  for (const item of items) {
    if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") open.push(item.id);
    else if (item.type === "endMarkedContent") open.pop();
    else if (typeof item.str === "string") {
      let id: string | null | undefined;
      for (let i = open.length - 1; i >= 0 && id == null; i--) id = open[i];
      if (id) out.set(id, (out.get(id) ?? "") + item.str + (item.hasEOL ? "\n" : ""));
    }
  }
  return out;
}

/** The document's text as PDF.js exposes it: per page, in structure-tree order, blocks separated. */
export async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = "";
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true } as never);
      const byId = textById(content.items as TextItem[]);
      const walk = (node: PdfjsNode) => {
        if (node.type === "content" && node.id) text += byId.get(node.id) ?? "";
        const block = node.role !== undefined && !INLINE.has(node.role);
        if (block) text += "\n";
        for (const c of node.children ?? []) walk(c);
        if (block) text += "\n";
      };
      const tree = (await page.getStructTree()) as PdfjsNode | null;
      if (tree) walk(tree);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return text;
}

/** Words in structure order, broken at PDF.js's line ends and block boundaries. */
export async function pdfjsWords(bytes: Uint8Array): Promise<string[]> {
  return wordsOf(await pdfjsText(bytes));
}
