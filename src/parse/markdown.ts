/**
 * The Markdown body → `Block[]`. Only what a press release needs is accepted;
 * everything else is reported with a hint, and conversion goes on so that all
 * of a file's problems are reported at once.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { Blockquote, Definition, Heading, Image, ImageReference, Node, Paragraph, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import leven from "leven";
import type { Block, Inline, Position } from "../model/release.ts";
import type { BodyContext } from "./context.ts";
import { convertPhrasing, finishInlines, sliceText } from "./inlines.ts";

type Text = Extract<Inline, { kind: "text" }>;
type Where = "top" | "nested";

const HTML_COMMENTS = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;
const NOT_SUPPORTED = "is not supported in a press release";

/** Parses the body (`ctx.text` from `ctx.bodyOffset`) into blocks; problems go to `ctx.diagnostics`. */
export function parseBody(ctx: BodyContext): Block[] {
  const tree = fromMarkdown(ctx.text.slice(ctx.bodyOffset));
  collectDefinitions(tree, ctx);
  const content = tree.children.filter((n) => n.type !== "definition" && !(n.type === "html" && HTML_COMMENTS.test(n.value)));
  if (content.length === 0) {
    ctx.error(ctx.at(ctx.bodyOffset), "the release has no body text", "write the lede paragraph after the closing `---` of the front matter");
    return [];
  }
  return convertBlocks(tree.children, ctx, "top");
}

function collectDefinitions(node: Node, ctx: BodyContext): void {
  if (node.type === "definition") {
    const def = node as Definition;
    if (!ctx.definitions.has(def.identifier)) ctx.definitions.set(def.identifier, def);
  }
  if ("children" in node && Array.isArray(node.children)) for (const child of node.children as Node[]) collectDefinitions(child, ctx);
}

function convertBlocks(nodes: readonly RootContent[], ctx: BodyContext, where: Where): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    const block = convertBlock(node, ctx, where);
    if (block) blocks.push(block);
  }
  return blocks;
}

function convertBlock(node: RootContent, ctx: BodyContext, where: Where): Block | undefined {
  const pos = ctx.pos(node);
  switch (node.type) {
    case "paragraph":
      return paragraph(node, ctx, pos);
    case "heading":
      return heading(node, ctx, pos, where);
    case "list":
      return {
        kind: "list",
        ordered: node.ordered === true,
        ...(node.ordered && typeof node.start === "number" ? { start: node.start } : {}),
        items: node.children.map((item) => convertBlocks(item.children, ctx, "nested")),
        pos,
      };
    case "blockquote":
      return blockquote(node, ctx, pos);
    case "definition":
      return undefined;
    case "thematicBreak":
      ctx.error(pos, `a thematic break (\`${ctx.sourceOf(node).trim()}\`) ${NOT_SUPPORTED}`, "start a new section with `## Heading`, or simply leave a blank line");
      return undefined;
    case "code": {
      const fenced = /^\s*(```|~~~)/.test(ctx.sourceOf(node));
      ctx.error(
        pos,
        `a code block ${NOT_SUPPORTED}`,
        fenced ? "write it as an ordinary paragraph, without the ``` fences" : "text indented by four spaces is a code block: remove the indentation",
      );
      return undefined;
    }
    case "html":
      if (!HTML_COMMENTS.test(node.value)) {
        ctx.error(pos, `HTML ${NOT_SUPPORTED}`, "use Markdown instead: paragraphs, *emphasis*, **strong**, lists and [links](https://…); HTML comments <!-- … --> are allowed");
      }
      return undefined;
    default:
      ctx.error(pos, `${describeNode(node.type)} ${NOT_SUPPORTED}`, "use paragraphs, `##` headings, lists, block quotes and images");
      return undefined;
  }
}

function describeNode(type: string): string {
  const names: Record<string, string> = { table: "a table", footnoteDefinition: "a footnote", yaml: "a second front matter" };
  return names[type] ?? `\`${type}\``;
}

// --- paragraphs and figures ------------------------------------------------

function paragraph(node: Paragraph, ctx: BodyContext, pos: Position): Block | undefined {
  if (looksLikeTable(ctx.sourceOf(node))) {
    ctx.error(pos, `a table ${NOT_SUPPORTED}`, "give the figures in sentences or as a list");
    return undefined;
  }
  const meaningful = node.children.filter((c) => !(c.type === "text" && c.value.trim() === "") && !(c.type === "html" && HTML_COMMENTS.test(c.value)));
  const only = meaningful[0];
  if (meaningful.length === 1 && only && (only.type === "image" || only.type === "imageReference")) return figure(only, ctx);
  const inlines = finishInlines(convertPhrasing(node.children, ctx), ctx);
  return inlines.length > 0 ? { kind: "paragraph", inlines, pos } : undefined;
}

/** CommonMark without the GFM extension reads a table as a paragraph of `|` lines. */
function looksLikeTable(source: string): boolean {
  const lines = source.split(/\r?\n/).map((l) => l.replace(/^[ \t>]*/, ""));
  const delimiter = lines[1];
  return lines.length >= 2 && (lines[0] ?? "").includes("|") && delimiter !== undefined && /^[\s|:-]+$/.test(delimiter) && delimiter.includes("-") && delimiter.includes("|");
}

function figure(node: Image | ImageReference, ctx: BodyContext): Block | undefined {
  const pos = ctx.pos(node);
  let url: string;
  let title: string | null | undefined;
  if (node.type === "image") {
    url = node.url;
    title = node.title;
  } else {
    const def = ctx.definitions.get(node.identifier);
    if (!def) return undefined;
    url = def.url;
    title = def.title;
  }
  let ok = true;
  const alt = (node.alt ?? "").replace(/[ \t\r\n\f]+/g, " ").trim();
  if (alt === "") {
    ok = false;
    ctx.error(pos, "the image has no alt text", `describe what the image shows in the brackets, e.g. ![The ferry at the quay at dawn](${url || "images/ferry.jpg"})`);
  }
  const src = resolveImage(url, ctx, pos);
  if (!src || !ok) return undefined;
  const caption = title?.trim();
  return { kind: "figure", src, alt, ...(caption ? { caption: [{ kind: "text", text: caption, pos } satisfies Inline] } : {}), pos };
}

/** The image's absolute path, or `undefined` (reported) when it is not a file inside the release folder. */
function resolveImage(url: string, ctx: BodyContext, pos: Position): string | undefined {
  const releaseDir = ctx.source.dir;
  const example = "images/photo.jpg";
  if (url.trim() === "") {
    ctx.error(pos, "the image has no path", `put the file's path in the parentheses, relative to ${releaseDir}, e.g. ![alt](${example})`);
    return undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    ctx.error(pos, `the image \`${url}\` is not a file in the release folder`, `download it into ${releaseDir} and use a relative path, e.g. ![alt](${example})`);
    return undefined;
  }
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // keep as written
  }
  if (path.isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded) || decoded.startsWith("\\")) {
    ctx.error(pos, `the image path \`${decoded}\` is absolute`, `use a path relative to ${releaseDir}, e.g. ![alt](${example})`);
    return undefined;
  }
  const root = path.resolve(releaseDir);
  const absolute = path.resolve(root, decoded);
  const relative = path.relative(root, absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    ctx.error(pos, `the image path \`${decoded}\` leaves the release folder`, `copy the image into ${releaseDir} (e.g. into an images folder) and use a relative path such as ${example}`);
    return undefined;
  }
  const stats = statSync(absolute, { throwIfNoEntry: false });
  if (!stats?.isFile()) {
    ctx.error(pos, `the image file ${path.join(releaseDir, relative)} does not exist`, `check the file name, including upper and lower case; the path is relative to ${releaseDir}`);
    return undefined;
  }
  return absolute;
}

// --- headings --------------------------------------------------------------

function heading(node: Heading, ctx: BodyContext, pos: Position, where: Where): Block | undefined {
  const source = ctx.sourceOf(node);
  const setext = !/^\s*#/.test(source);
  if (setext) {
    ctx.error(pos, "a heading underlined with `---` or `===` is not supported", "write a section heading as `## Heading` on its own line; to separate paragraphs, leave a blank line");
    return undefined;
  }
  if (node.depth === 1) {
    ctx.error(pos, "the title in the front matter is the only H1", "use `##` for a section heading, or delete this line if it repeats the title");
    return undefined;
  }
  if (node.depth > 3) {
    ctx.error(pos, `a level-${node.depth} heading (\`${"#".repeat(node.depth)}\`) is too deep`, "use `##` for sections and `###` for subsections; for a run-in heading, start the paragraph with **bold** words");
    return undefined;
  }
  if (where === "nested") {
    ctx.error(pos, "a heading cannot be inside a list or a block quote", "put the heading on a line of its own, outside the list or quote");
    return undefined;
  }
  const inlines = finishInlines(convertPhrasing(node.children, ctx), ctx);
  if (inlines.length === 0) {
    ctx.error(pos, "the heading is empty", `write the heading's text after \`${"#".repeat(node.depth)} \``);
    return undefined;
  }
  return { kind: "heading", level: node.depth as 2 | 3, inlines, pos };
}

// --- block quotes and pull quotes ------------------------------------------

const MARKER = /^\[!([^\]\n]*)\]/;
const ATTRIBUTION_DASH = /^[ \t]*(?:—|--)[ \t]*/;

/** The `[!NAME]` marker that opens a quote, as text or (when a definition matches) as a link reference. */
function quoteMarker(quote: Blockquote): { name: string; node: PhrasingContent; length?: number } | undefined {
  const first = quote.children[0];
  if (first?.type !== "paragraph") return undefined;
  const lead = first.children[0];
  if (lead?.type === "text") {
    const m = MARKER.exec(lead.value);
    return m ? { name: m[1] ?? "", node: lead, length: m[0].length } : undefined;
  }
  if (lead?.type === "linkReference" && lead.label?.startsWith("!")) return { name: lead.label.slice(1), node: lead };
  return undefined;
}

function blockquote(node: Blockquote, ctx: BodyContext, pos: Position): Block | undefined {
  const marker = quoteMarker(node);
  if (marker && marker.name.trim().toUpperCase() === "PULLQUOTE") return pullQuote(node, marker, ctx, pos);
  if (marker && /^[A-Za-z][A-Za-z _-]*$/.test(marker.name)) {
    const close = leven(marker.name.toUpperCase().replace(/[ _-]/g, ""), "PULLQUOTE") <= 3;
    ctx.error(
      ctx.pos(marker.node),
      `unknown block quote marker \`[!${marker.name}]\``,
      close ? "did you mean `[!PULLQUOTE]`?" : "the only marker is `[!PULLQUOTE]`; delete the marker line for an ordinary quotation",
    );
    return undefined;
  }
  const blocks = convertBlocks(node.children, ctx, "nested");
  return blocks.length > 0 ? { kind: "quote", blocks, pos } : undefined;
}

function pullQuote(node: Blockquote, marker: { node: PhrasingContent; length?: number }, ctx: BodyContext, pos: Position): Block | undefined {
  const paragraphs: Inline[][] = [];
  node.children.forEach((child, index) => {
    if (child.type !== "paragraph") {
      if (child.type !== "definition" && !(child.type === "html" && HTML_COMMENTS.test(child.value))) {
        ctx.error(ctx.pos(child), "a pull quote can hold only text", "keep the pull quote to one or two lines of text and an optional `— Name` line");
      }
      return;
    }
    let children = child.children;
    if (index === 0 && marker.length === undefined) children = children.slice(1); // the marker as a link reference
    const raw = convertPhrasing(children, ctx);
    if (index === 0 && marker.length !== undefined) {
      const first = raw[0];
      if (first?.kind === "text") raw[0] = sliceText(ctx, first, marker.length);
    }
    paragraphs.push(raw);
  });

  // The attribution: a last paragraph, or else the last line, that starts with a dash.
  let attributionRaw: Inline[] | undefined;
  const last = paragraphs[paragraphs.length - 1];
  if (last && startsWithDash(last) && paragraphs.length > 1) {
    attributionRaw = paragraphs.pop();
  } else if (last) {
    const split = splitLastLine(last, ctx);
    if (split && startsWithDash(split.lastLine)) {
      paragraphs[paragraphs.length - 1] = split.before;
      attributionRaw = split.lastLine;
    }
  }

  const joined: Inline[] = [];
  for (const p of paragraphs) {
    if (joined.length > 0) joined.push({ kind: "text", text: " ", pos });
    joined.push(...p);
  }
  const inlines = finishInlines(joined, ctx);
  let attribution: Inline[] | undefined;
  if (attributionRaw) {
    const dashAt = attributionRaw[0]?.pos ?? pos;
    attribution = finishInlines(stripDash(attributionRaw, ctx), ctx);
    if (attribution.length === 0) {
      ctx.error(dashAt, "the pull quote's attribution is empty", "write the speaker after the dash, e.g. `> — Councillor Mira Okafor`, or delete the dash");
      attribution = undefined;
    }
  }
  if (inlines.length === 0) {
    ctx.error(pos, "the pull quote has no text", "write the quoted sentence on the lines after `> [!PULLQUOTE]`, each starting with `> `");
    return undefined;
  }
  return { kind: "pullquote", inlines, ...(attribution ? { attribution } : {}), pos };
}

function startsWithDash(raw: readonly Inline[]): boolean {
  const first = raw.find((i) => !(i.kind === "text" && i.text.trim() === ""));
  return first?.kind === "text" && ATTRIBUTION_DASH.test(first.text.replace(/^\s+/, ""));
}

function stripDash(raw: readonly Inline[], ctx: BodyContext): Inline[] {
  const out = [...raw];
  const index = out.findIndex((i) => !(i.kind === "text" && i.text.trim() === ""));
  const first = out[index];
  if (first?.kind === "text") {
    const lead = /^\s*(?:—|--)\s*/.exec(first.text)?.[0].length ?? 0;
    out.splice(0, index + 1, sliceText(ctx, first, lead));
  }
  return out;
}

/** Splits raw inlines at their last top-level line end (soft or hard break). */
function splitLastLine(raw: readonly Inline[], ctx: BodyContext): { before: Inline[]; lastLine: Inline[] } | undefined {
  for (let i = raw.length - 1; i >= 0; i--) {
    const item = raw[i];
    if (item?.kind !== "text") continue;
    const nl = item.text.lastIndexOf("\n");
    if (nl === -1) continue;
    const before = [...raw.slice(0, i), sliceText(ctx, item as Text, 0, nl)];
    const lastLine = [sliceText(ctx, item as Text, nl + 1), ...raw.slice(i + 1)];
    if (lastLine.every((x) => x.kind === "text" && x.text.trim() === "")) return undefined;
    return { before, lastLine };
  }
  return undefined;
}
