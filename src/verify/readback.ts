/**
 * Reads a tagged PDF's structure tree back with the text of each element,
 * exactly as its glyphs map to Unicode (ToUnicode or encoding): no spaces or
 * line breaks are inferred from glyph positions. Used for golden files.
 */
import { FontCache } from "./font.ts";
import { isDict, listPages, textOf, withPdf } from "./pdf.ts";
import { mcKey, readStructModel, type SElem } from "./structure.ts";
import { ContentWalker, type ContentVisitor, type MCEntry, type WalkState } from "./walker.ts";

export type StructNode = {
  role: string;
  lang?: string;
  alt?: string;
  actualText?: string;
  text: string;
  children: StructNode[];
};

/** Collects the text shown in each marked-content sequence with an MCID. */
class TextCollector implements ContentVisitor {
  readonly text = new Map<string, string[]>();
  /** Sequences with /ActualText whose content text is replaced. */
  private replacing = new Set<MCEntry>();

  private append(key: string, s: string): void {
    const list = this.text.get(key);
    if (list) list.push(s);
    else this.text.set(key, [s]);
  }

  /** Innermost MCID sequence, unless an Artifact is nested inside it. */
  private target(stack: readonly MCEntry[]): MCEntry | undefined {
    for (let i = stack.length - 1; i >= 0; i--) {
      const e = stack[i]!;
      if (e.artifact) return undefined;
      if (e.mcid !== undefined) return e;
    }
    return undefined;
  }

  beginMarkedContent(e: MCEntry, s: WalkState): void {
    if (e.actualText === undefined || this.replacing.size > 0) return;
    const t = e.mcid !== undefined ? e : this.target(s.stack);
    if (!t || e.artifact) return;
    this.append(mcKey(t.container, t.mcid!), e.actualText);
    this.replacing.add(e);
  }

  endMarkedContent(e: MCEntry): void {
    this.replacing.delete(e);
  }

  showText(font: Parameters<NonNullable<ContentVisitor["showText"]>>[0], bytes: Uint8Array, s: WalkState): void {
    if (this.replacing.size > 0 || !font) return;
    const t = this.target(s.stack);
    if (!t) return;
    let out = "";
    for (const c of font.split(bytes)) out += font.unicode(c) ?? "\ufffd";
    this.append(mcKey(t.container, t.mcid!), out);
  }
}

function toNode(e: SElem, text: ReadonlyMap<string, string[]>): StructNode {
  const children: StructNode[] = [];
  let content = "";
  for (const k of e.kids) {
    if (k.kind === "mcid") content += (text.get(mcKey(k.container, k.mcid)) ?? []).join("");
    else if (k.kind === "elem") {
      const child = toNode(k.elem, text);
      children.push(child);
      content += child.text;
    }
  }
  const node: StructNode = { role: e.s ?? "(none)", text: e.actualText ?? content, children };
  if (e.lang !== undefined) node.lang = e.lang;
  if (e.alt !== undefined) node.alt = e.alt;
  if (e.actualText !== undefined) node.actualText = e.actualText;
  return node;
}

/** The structure tree with text; the root node has role "StructTreeRoot" and the catalog's /Lang. */
export async function readStructureTree(bytes: Uint8Array): Promise<StructNode> {
  return withPdf(bytes, (doc) => {
    const catalog = doc.getTrailer().get("Root");
    const root: StructNode = { role: "StructTreeRoot", text: "", children: [] };
    if (!isDict(catalog)) return root;
    const lang = textOf(catalog.get("Lang"));
    if (lang !== undefined) root.lang = lang;
    const pages = listPages(doc);
    const model = readStructModel(catalog, pages, "");
    const collector = new TextCollector();
    const walker = new ContentWalker(new FontCache(), collector);
    for (const p of pages) walker.walkPage(p);
    root.children = model.top.map((e) => toNode(e, collector.text));
    root.text = root.children.map((c) => c.text).join("");
    return root;
  });
}

/** JSON-style quoting that also makes invisible and bidi-control characters visible. */
function quote(s: string): string {
  return JSON.stringify(s).replace(
    /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * One element per line, indented two spaces per level:
 * `H1 [lang=en] "Harbour Town opens…"`. The full text is printed for elements
 * whose text is not just their children's text joined (leaves and elements
 * with content of their own or /ActualText).
 */
export function printStructureTree(root: StructNode): string {
  const lines: string[] = [];
  const visit = (n: StructNode, depth: number): void => {
    let line = "  ".repeat(depth) + n.role;
    if (n.lang !== undefined) line += ` [lang=${n.lang}]`;
    if (n.alt !== undefined) line += ` [alt=${quote(n.alt)}]`;
    if (n.actualText !== undefined) line += ` [actualText=${quote(n.actualText)}]`;
    const fromChildren = n.children.map((c) => c.text).join("");
    if (n.children.length === 0 || n.text !== fromChildren) line += ` ${quote(n.text)}`;
    lines.push(line);
    for (const c of n.children) visit(c, depth + 1);
  };
  visit(root, 0);
  return lines.join("\n") + "\n";
}
