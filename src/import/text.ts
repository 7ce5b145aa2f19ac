/**
 * Plain text or Markdown (.txt, .md) → `SourceDocument`. Both are read as
 * CommonMark, so the shape people paste from e-mail and word processors
 * (`*italic*`, `**bold**`, `[text](url)`, blank lines between paragraphs)
 * keeps its meaning, and plain text is simply paragraphs. Whatever a press
 * release cannot hold is turned into text, never dropped: code becomes a
 * paragraph, HTML tags are removed (their text stays), a remote image
 * becomes a link. Only HTML comments and `---` rules disappear.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Definition, List, Node, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { lastWords, type SourceBlock, type SourceDocument, type Span } from "./source.ts";

type Style = { bold?: boolean; italic?: boolean; href?: string };

const PULLQUOTE_MARKER = /^\s*\[!PULLQUOTE\]\s*/i;
const HTML_COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;

export function readText(file: string, text: string): SourceDocument {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const tree = fromMarkdown(source);
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === "definition") definitions.set(node.identifier, node);
  const blocks: SourceBlock[] = [];
  let images = 0;
  const lineOf = (node: Node) => node.position?.start.line ?? 1;
  const sourceOf = (node: Node) => source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

  /** `offset`: where the image is in the source, for messages. */
  const image = (url: string, alt: string, style: Style, offset: number): Span[] => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url)) {
      // A picture on the web cannot be embedded: keep its description and address as a link.
      return [{ kind: "text", text: alt || url, ...style, href: url }];
    }
    let local = url.replace(/^file:\/\//i, "");
    try {
      local = decodeURI(local);
    } catch {
      // a malformed escape: the path as written
    }
    const resolved = path.resolve(path.dirname(file), local);
    const ext = path.extname(resolved).slice(1).toLowerCase() || "bin";
    const after = lastWords(source.slice(0, offset));
    return [{ kind: "image", image: { number: ++images, alt: alt.replace(/\s+/g, " ").trim(), ...(after ? { after } : {}), ext: ext === "jpeg" ? "jpg" : ext, read: async () => new Uint8Array(await readFile(resolved)) } }];
  };

  const phrasing = (nodes: readonly PhrasingContent[], style: Style): Span[] =>
    nodes.flatMap((node): Span[] => {
      switch (node.type) {
        case "text":
          return [{ kind: "text", text: node.value, ...style }];
        case "inlineCode":
          return [{ kind: "text", text: node.value, ...style }];
        case "break":
          return [{ kind: "text", text: "\n", ...style }];
        case "emphasis":
          return phrasing(node.children, { ...style, italic: true });
        case "strong":
          return phrasing(node.children, { ...style, bold: true });
        case "link":
          return phrasing(node.children, { ...style, href: node.url });
        case "linkReference": {
          const def = definitions.get(node.identifier);
          return def ? phrasing(node.children, { ...style, href: def.url }) : [{ kind: "text", text: sourceOf(node), ...style }];
        }
        case "image":
          return image(node.url, node.alt ?? "", style, node.position?.start.offset ?? 0);
        case "imageReference": {
          const def = definitions.get(node.identifier);
          return def ? image(def.url, node.alt ?? "", style, node.position?.start.offset ?? 0) : [{ kind: "text", text: sourceOf(node), ...style }];
        }
        case "html":
          // A tag is markup; the text between tags is separate text nodes and stays.
          return /^<br\s*\/?>$/i.test(node.value) ? [{ kind: "text", text: "\n", ...style }] : [];
        default:
          return [{ kind: "text", text: sourceOf(node), ...style }];
      }
    });

  const push = (block: SourceBlock) => {
    if (block.spans.some((s) => s.kind === "image" || s.text.trim() !== "")) blocks.push(block);
  };

  const list = (node: List, depth: number): void => {
    for (const item of node.children) {
      const spans: Span[] = [];
      for (const child of item.children) {
        if (child.type === "list") continue;
        if (spans.length) spans.push({ kind: "text", text: " " });
        spans.push(...(child.type === "paragraph" || child.type === "heading" ? phrasing(child.children, {}) : [{ kind: "text" as const, text: textOf(child) }]));
      }
      push({ kind: "item", level: depth, ordered: node.ordered === true, spans, at: lineOf(item) });
      for (const child of item.children) if (child.type === "list") list(child, depth + 1);
    }
  };

  const textOf = (node: RootContent): string => ("value" in node && typeof node.value === "string" ? node.value : sourceOf(node));

  const block = (node: RootContent, inQuote: boolean): void => {
    const at = lineOf(node);
    switch (node.type) {
      case "paragraph": {
        let spans = phrasing(node.children, {});
        const first = spans[0];
        if (inQuote && first?.kind === "text" && PULLQUOTE_MARKER.test(first.text)) spans = [{ ...first, text: first.text.replace(PULLQUOTE_MARKER, "") }, ...spans.slice(1)];
        push({ kind: inQuote ? "quote" : "paragraph", spans, at });
        return;
      }
      case "heading": {
        const spans = phrasing(node.children, {});
        // An empty heading is a line of `#` signs, such as the "###" end marker: kept as text.
        if (spans.every((s) => s.kind === "text" && s.text.trim() === "")) push({ kind: "paragraph", spans: [{ kind: "text", text: sourceOf(node).trim() }], at });
        else push({ kind: "heading", level: node.depth, spans, at });
        return;
      }
      case "blockquote":
        for (const child of node.children) block(child, true);
        return;
      case "list":
        list(node, 0);
        return;
      case "code":
        for (const [i, line] of node.value.split("\n").entries()) push({ kind: inQuote ? "quote" : "paragraph", spans: [{ kind: "text", text: line }], at: at + i + (/^\s*(```|~~~)/.test(sourceOf(node)) ? 1 : 0) });
        return;
      case "html":
        if (!HTML_COMMENT.test(node.value)) push({ kind: "paragraph", spans: [{ kind: "text", text: node.value.replace(/<[^>]*>/g, " ") }], at });
        return;
      case "thematicBreak":
      case "definition":
        return;
      default:
        push({ kind: "paragraph", spans: [{ kind: "text", text: textOf(node) }], at });
    }
  };

  for (const node of tree.children) block(node, false);
  return { file, format: "text", blocks };
}
