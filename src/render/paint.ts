/**
 * Everything the render stage paints besides glyphs: colours, rectangles,
 * view backgrounds and borders, images and link annotations. Callers decide
 * the marked content around each call.
 */
import type { Doc } from "./marked.ts";
import type { StructElement } from "./structure.ts";
import type { LayoutNode } from "./tree.ts";

/** Turns a CSS colour from the layout into what pdfkit takes (RGB hex, or CMYK percentages). */
export type ColourMap = (css: string) => string | [number, number, number, number];

export type PaintOptions = { colour: ColourMap; annotations: boolean };

export class Paint {
  constructor(private readonly doc: Doc, private readonly options: PaintOptions) {}

  fill(css: string, opacity = 1): void {
    this.doc.fillColor(this.options.colour(css) as never, opacity);
  }

  rect(x: number, y: number, width: number, height: number, css: string, opacity = 1): void {
    if (width <= 0 || height <= 0) return;
    this.fill(css, opacity);
    this.doc.rect(x, y, width, height).fill();
  }

  /** Background and solid borders of a `VIEW` at absolute (x, y). */
  box(node: LayoutNode, x: number, y: number): void {
    const box = node.box!;
    const style = node.style ?? {};
    const opacity = typeof style.opacity === "number" ? style.opacity : 1;
    if (typeof style.backgroundColor === "string") this.rect(x, y, box.width, box.height, style.backgroundColor, opacity);
    const top = box.borderTopWidth ?? 0, right = box.borderRightWidth ?? 0;
    const bottom = box.borderBottomWidth ?? 0, left = box.borderLeftWidth ?? 0;
    const colour = (side: string) => (typeof style[`border${side}Color`] === "string" ? (style[`border${side}Color`] as string) : "#000000");
    this.rect(x, y, box.width, top, colour("Top"), opacity);
    this.rect(x + box.width - right, y, right, box.height, colour("Right"), opacity);
    this.rect(x, y + box.height - bottom, box.width, bottom, colour("Bottom"), opacity);
    this.rect(x, y, left, box.height, colour("Left"), opacity);
  }

  hasBox(node: LayoutNode): boolean {
    const b = node.box;
    return (
      typeof node.style?.backgroundColor === "string" ||
      !!b && ((b.borderTopWidth ?? 0) > 0 || (b.borderRightWidth ?? 0) > 0 || (b.borderBottomWidth ?? 0) > 0 || (b.borderLeftWidth ?? 0) > 0)
    );
  }

  /** An image filling the node's content box. */
  image(node: LayoutNode, x: number, y: number): void {
    const box = node.box!;
    const image = node.image;
    if (!image) return;
    const left = x + (box.paddingLeft ?? 0), top = y + (box.paddingTop ?? 0);
    const width = box.width - (box.paddingLeft ?? 0) - (box.paddingRight ?? 0);
    const height = box.height - (box.paddingTop ?? 0) - (box.paddingBottom ?? 0);
    this.doc.image(image.data, left, top, { width, height });
  }

  /** A link annotation over a line's part of a link, tied to its `Link` element by an OBJR. */
  linkAnnotation(element: StructElement, link: { href: string; text: string }, box: { x0: number; x1: number; top: number; bottom: number }): void {
    if (!this.options.annotations) return;
    const text = link.text.trim();
    const target = link.href.replace(/^mailto:/, "");
    const contents = text === target || text === link.href ? link.href : `${text}: ${link.href}`;
    this.doc.link(box.x0, box.top, box.x1 - box.x0, box.bottom - box.top, link.href, {
      structParent: element,
      Contents: new String(contents),
    } as never);
  }
}
