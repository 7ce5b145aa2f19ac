/**
 * A Word file (.docx) → `SourceDocument`, through mammoth. mammoth's HTML
 * drops what the guesses need (style names such as Title, Subtitle and Quote,
 * an image's alt text next to its bytes), so its document tree is taken from
 * the `transformDocument` hook and walked here instead.
 *
 * Kept: paragraphs with their style, bold, italic, links, line breaks, list
 * levels, images. Tables become one list item per row (Pressroom has no
 * tables); footnotes and endnotes become "(n)" in the text and numbered
 * paragraphs at the end. Comments and tracked deletions are left out (they
 * are not part of the release's text).
 */
import mammoth from "mammoth";
import { lastWords, type SourceBlock, type SourceDocument, type SourceImage, type Span } from "./source.ts";

/** The parts of mammoth's document model read here (lib/documents.js). */
type MElement = {
  type: string;
  children?: MElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  href?: string;
  anchor?: string;
  altText?: string;
  contentType?: string;
  readAsBuffer?: () => Promise<Buffer>;
  noteType?: string;
  noteId?: string;
  body?: MElement[];
};
type MDocument = MElement & { notes?: { resolve: (ref: MElement) => MElement | null } };

/** mammoth's document tree of a .docx file. */
async function readTree(buffer: Buffer): Promise<MDocument> {
  let tree: MDocument | undefined;
  await mammoth.convertToHtml({ buffer }, {
    transformDocument: (document: MDocument) => {
      tree = document;
      return document;
    },
  } as Parameters<typeof mammoth.convertToHtml>[1]);
  if (!tree) throw new Error("mammoth returned no document");
  return tree;
}

const styleOf = (p: MElement) => `${p.styleName ?? ""}|${p.styleId ?? ""}`;
const TITLE = /^(?:title|titel|titre|título|titolo)\||\|title$/i;
const SUBTITLE = /^(?:subtitle|untertitel|sous-titre|subtítulo|sottotitolo)\||\|subtitle$/i;
const HEADING = /^(?:heading|überschrift|titre|título)\s*(\d)\||\|heading\s*(\d)$/i;
const QUOTE = /^(?:quote|intense quote|block text|zitat|intensives zitat|citation|cita|citazione|цитата)\||\|(?:quote|intensequote|blocktext)$/i;

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/svg+xml": "svg" };

export async function readDocx(file: string, buffer: Buffer): Promise<SourceDocument> {
  const tree = await readTree(buffer);
  const blocks: SourceBlock[] = [];
  const notes: { number: number; body: MElement[] }[] = [];
  let images = 0;
  let paragraphNumber = 0;
  /** The text read so far (its end): where an image is, for messages. */
  let recent = "";

  const spansOf = (elements: readonly MElement[], style: { bold?: boolean; italic?: boolean; href?: string }): Span[] => {
    const out: Span[] = [];
    for (const e of elements) {
      switch (e.type) {
        case "text":
          out.push({ kind: "text", text: e.value ?? "", ...flags(style) });
          recent = lastWords(`${recent} ${e.value ?? ""}`);
          break;
        case "tab":
          out.push({ kind: "text", text: " ", ...flags(style) });
          break;
        case "break":
          out.push({ kind: "text", text: "\n", ...flags(style) });
          break;
        case "run":
          out.push(...spansOf(e.children ?? [], { ...style, bold: e.isBold || undefined, italic: e.isItalic || undefined }));
          break;
        case "hyperlink":
          // A link to a place inside the document has no address a PDF reader could follow: text only.
          out.push(...spansOf(e.children ?? [], e.href ? { ...style, href: e.href } : style));
          break;
        case "image": {
          const number = ++images;
          const image: SourceImage = {
            number,
            alt: (e.altText ?? "").replace(/\s+/g, " ").trim(),
            ...(recent ? { after: recent } : {}),
            ext: EXTENSIONS[e.contentType ?? ""] ?? (e.contentType?.split("/")[1]?.replace(/[^a-z0-9]/gi, "") || "bin"),
            read: async () => new Uint8Array(await e.readAsBuffer!()),
          };
          out.push({ kind: "image", image, ...(style.href ? { href: style.href } : {}) });
          break;
        }
        case "noteReference": {
          const note = tree.notes?.resolve(e);
          if (!note) break;
          const number = notes.length + 1;
          notes.push({ number, body: note.body ?? [] });
          out.push({ kind: "text", text: ` (${number})`, ...flags(style) });
          break;
        }
        default:
          // Inserted text, structured document tags, fields and the like wrap ordinary runs.
          if (e.children) out.push(...spansOf(e.children, style));
      }
    }
    return out;
  };

  // Paragraphs are numbered as a reader counts them: empty ones (spacing) are not counted.
  const paragraph = (p: MElement): void => {
    const spans = spansOf(p.children ?? [], {});
    if (!spans.some((s) => s.kind === "image" || s.text.trim() !== "")) return;
    const at = ++paragraphNumber;
    const style = styleOf(p);
    const heading = HEADING.exec(style);
    const block: SourceBlock =
      TITLE.test(style) ? { kind: "title", spans, at }
      : SUBTITLE.test(style) ? { kind: "subtitle", spans, at }
      : heading ? { kind: "heading", level: Number(heading[1] ?? heading[2]), spans, at }
      : QUOTE.test(style) ? { kind: "quote", spans, at }
      : p.numbering ? { kind: "item", level: Number(p.numbering.level) || 0, ordered: p.numbering.isOrdered, spans, at }
      : { kind: "paragraph", spans, at };
    blocks.push(block);
  };

  const walk = (elements: readonly MElement[]): void => {
    for (const e of elements) {
      if (e.type === "paragraph") paragraph(e);
      else if (e.type === "table") table(e);
      else if (e.children) walk(e.children);
    }
  };

  // One list item per row: the cells' paragraphs joined by " – ".
  const table = (t: MElement): void => {
    for (const row of t.children ?? []) {
      const cells = (row.children ?? []).map((cell) => {
        const paragraphs = (cell.children ?? []).filter((c) => c.type === "paragraph");
        const filled = paragraphs.map((p) => spansOf(p.children ?? [], {})).filter((s) => s.some((x) => x.kind === "image" || x.text.trim() !== ""));
        paragraphNumber += filled.length;
        return filled;
      });
      const spans: Span[] = [];
      for (const cell of cells.filter((c) => c.length > 0)) {
        if (spans.length) spans.push({ kind: "text", text: " – " });
        cell.forEach((p, i) => spans.push(...(i > 0 ? [{ kind: "text", text: " " } as Span] : []), ...p));
      }
      if (spans.length) blocks.push({ kind: "item", level: 0, ordered: false, spans, at: paragraphNumber, origin: "a table row (a release has no tables): check it reads well" });
    }
  };

  walk(tree.children ?? []);
  // Notes: numbered paragraphs after the text, in the order they are referred to.
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i]!;
    const spans = note.body.flatMap((p) => [{ kind: "text", text: " " } as Span, ...spansOf(p.children ?? [], {})]);
    blocks.push({ kind: "paragraph", spans: [{ kind: "text", text: `(${note.number})` }, ...spans], at: paragraphNumber, origin: `note ${note.number} of the Word file, moved to the end` });
  }
  return { file, format: "docx", blocks };
}

function flags(style: { bold?: boolean; italic?: boolean; href?: string }): { bold?: true; italic?: true; href?: string } {
  return { ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}), ...(style.href ? { href: style.href } : {}) };
}
