/**
 * The render stage: walks the pages that `@react-pdf/layout` returned and
 * writes them through pdfkit with a structure tree. Every painting operator
 * lands in marked content owned by a structure element, or in an artifact.
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import type { ArtifactKind } from "../model/semantics.ts";
import { createDocument, finishDocument, type DocumentMeta } from "./document.ts";
import { GlyphWriter } from "./glyphs.ts";
import { withArtifact, withTag, type Doc } from "./marked.ts";
import { Paint, type PaintOptions } from "./paint.ts";
import { StructureBuilder, type StructScope } from "./structure.ts";
import { renderText, type RenderContext } from "./text.ts";
import { sourceTextOf, type LayoutNode } from "../layout/tree.ts";

/**
 * Where the laid-out (trim-size) page sits on the sheet. Handouts: the sheet
 * is the trim. Print masters: a larger MediaBox with room for bleed and marks.
 */
export type PageGeometry = {
  /** MediaBox size in pt. */
  media: readonly [number, number];
  /** Top-left corner of the trim on the sheet, y down. */
  trimOrigin: readonly [number, number];
  trim: readonly [number, number];
  /** Bleed on every side, pt (0 for handouts). */
  bleed: number;
};

/** What an output profile adds to the document and to each page (print masters). */
export type Finish = {
  geometry(trim: readonly [number, number]): PageGeometry;
  /** Right after the document is created: metadata, output intents. */
  document(doc: Doc, meta: DocumentMeta): void;
  /** After a page's content: page boxes, printer's marks. */
  page(doc: Doc, geometry: PageGeometry): void;
};

export type RenderInput = {
  root: LayoutNode;
  meta: DocumentMeta;
  /** The source file errors point to when a node carries no position. */
  file: string;
  paint: PaintOptions;
  finish?: Finish;
};

const sheetIsTrim = (trim: readonly [number, number]): PageGeometry => ({ media: trim, trimOrigin: [0, 0], trim, bleed: 0 });

export type Rendered = { bytes?: Uint8Array; diagnostics: Diagnostic[] };

export async function renderTagged(input: RenderInput): Promise<Rendered> {
  const doc = createDocument(input.meta);
  const ctx: RenderContext = {
    doc,
    glyphs: new GlyphWriter(doc),
    structure: new StructureBuilder(doc),
    paint: new Paint(doc, input.paint),
    diagnostics: [],
    fallbackFile: input.file,
  };
  input.finish?.document(doc, input.meta);
  for (const page of input.root.children ?? []) {
    const box = page.box!;
    const geometry = (input.finish?.geometry ?? sheetIsTrim)([box.width, box.height]);
    const [x, y] = geometry.trimOrigin;
    doc.addPage({ size: [...geometry.media], margin: 0 });
    ctx.paint.setTrim({ x, y, width: box.width, height: box.height, bleed: geometry.bleed });
    if (typeof page.style?.backgroundColor === "string") {
      withArtifact(doc, "Background", () => ctx.paint.background(x, y, box.width, box.height, page.style!.backgroundColor as string));
    }
    for (const child of page.children ?? []) renderNode(ctx, child, x, y, undefined, undefined);
    input.finish?.page(doc, geometry);
  }
  for (const css of ctx.paint.unknownColours) {
    ctx.diagnostics.push(error({ file: input.file }, `colour ${css} has no CMYK value for print`,
      "add it to the layout's colour tokens with its CMYK value (layouts/shared/tokens.ts)"));
  }
  ctx.structure.finish();
  const bytes = await finishDocument(doc);
  return { bytes, diagnostics: ctx.diagnostics };
}

const fallbackKeys = new WeakMap<object, string>();
let fallbackCount = 0;
function keyOf(node: LayoutNode): string {
  const props = node.props ?? {};
  if (props.tagId) return props.tagId;
  let key = fallbackKeys.get(props);
  if (!key) fallbackKeys.set(props, (key = `node${++fallbackCount}`));
  return key;
}

function scopeOf(node: LayoutNode, parent: StructScope | undefined): StructScope | undefined {
  const p = node.props;
  if (!p?.tag) return parent;
  return {
    key: keyOf(node),
    role: p.tag,
    parent,
    ...(p.alt !== undefined ? { alt: p.alt } : {}),
    ...(p.lang ? { lang: p.lang } : {}),
  };
}

const where = (ctx: RenderContext, node: LayoutNode) =>
  node.props?.source ? { ...node.props.source } : { file: ctx.fallbackFile };

/**
 * The order to paint a container's children in: their own, except a list
 * item whose label stands to the right of its body (right to left). That
 * label is painted after the body, so that the body's first line is the
 * first thing PDF.js finds on its baseline (see separators.ts); its element
 * is made first, so the structure still reads label, then body.
 */
function paintingOrder(ctx: RenderContext, node: LayoutNode, scope: StructScope | undefined, artifact: ArtifactKind | undefined): LayoutNode[] {
  const children = node.children ?? [];
  if (artifact || scope?.role !== "LI") return children;
  const label = children.find((c) => c.props?.tag === "Lbl");
  const body = children.find((c) => c.props?.tag === "LBody");
  if (!label?.box || !body?.box || label.box.left <= body.box.left) return children;
  const labelScope = scopeOf(label, scope);
  if (labelScope) ctx.structure.element(labelScope);
  return [...children.filter((c) => c !== label), label];
}

/** Paints `node` whose parent's border box starts at absolute (x, y). */
function renderNode(ctx: RenderContext, node: LayoutNode, x: number, y: number, scope: StructScope | undefined, artifact: ArtifactKind | undefined): void {
  const box = node.box;
  if (!box) return;
  const ax = x + box.left;
  const ay = y + box.top;
  const art = artifact ?? node.props?.artifact;
  switch (node.type) {
    case "VIEW":
    case "LINK": {
      if (ctx.paint.hasBox(node)) withArtifact(ctx.doc, art ?? "Layout", () => ctx.paint.box(node, ax, ay));
      const inner = art ? scope : scopeOf(node, scope);
      for (const child of paintingOrder(ctx, node, inner, art)) renderNode(ctx, child, ax, ay, inner, art);
      return;
    }
    case "TEXT": {
      if (ctx.paint.hasBox(node)) withArtifact(ctx.doc, art ?? "Layout", () => ctx.paint.box(node, ax, ay));
      if (art) return renderText(ctx, node, x, y, { artifact: art });
      const own = scopeOf(node, scope);
      if (own === scope || !own) {
        ctx.diagnostics.push(error(where(ctx, node), `text "${sourceTextOf(node).slice(0, 60)}" in the layout has no structure tag`,
          "use a semantic component (RichText, PlainText, Headline…) or wrap decoration in <Artifact>"));
        return;
      }
      return renderText(ctx, node, x, y, { scope: own });
    }
    case "IMAGE": {
      if (art) return withArtifact(ctx.doc, art, () => ctx.paint.image(node, ax, ay));
      const own = scopeOf(node, scope);
      if (!own || own === scope || !own.alt?.trim()) {
        ctx.diagnostics.push(error(where(ctx, node), "image has no alternative text",
          "write the alt text in the Markdown image, ![what the image shows](images/file.jpg), or mark a decorative image as an artifact in the layout"));
        return;
      }
      const content = withTag(ctx.doc, own.role, () => ctx.paint.image(node, ax, ay));
      ctx.structure.element(own).add(content);
      return;
    }
    default:
      ctx.diagnostics.push(error(where(ctx, node), `layout node ${node.type} is not supported by the tagged render stage`,
        "use View, Text, Link and Image in layouts"));
  }
}
