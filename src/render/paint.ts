/**
 * Everything the render stage paints besides glyphs: colours, rectangles,
 * view backgrounds and borders, images and link annotations. Callers decide
 * the marked content around each call.
 */
import type { Doc } from "./marked.ts";
import type { StructElement } from "./structure.ts";
import { isDecorated, type LayoutNode } from "../layout/tree.ts";

/**
 * Turns a CSS colour from the layout into what pdfkit takes (RGB hex, or CMYK
 * percentages); `undefined` when the colour cannot be used (no CMYK value).
 */
export type ColourMap = (css: string) => string | [number, number, number, number] | undefined;

export type PaintOptions = { colour: ColourMap; annotations: boolean };

/** The trim on the sheet, y down, and the bleed around it. */
export type TrimRect = { x: number; y: number; width: number; height: number; bleed: number };

/** A background closer than this to the trim edge runs on into the bleed. */
const TOUCHES_TRIM = 0.5;

export class Paint {
  private trim: TrimRect = { x: 0, y: 0, width: 0, height: 0, bleed: 0 };
  /** CSS colours the colour map could not convert, reported after rendering. */
  readonly unknownColours = new Set<string>();

  constructor(private readonly doc: Doc, private readonly options: PaintOptions) {}

  setTrim(trim: TrimRect): void {
    this.trim = trim;
  }

  /** A background: where it touches the trim edge it extends to the bleed edge. */
  background(x: number, y: number, width: number, height: number, css: string, opacity = 1): void {
    const t = this.trim;
    if (t.bleed > 0) {
      if (x - t.x < TOUCHES_TRIM) { width += x - t.x + t.bleed; x = t.x - t.bleed; }
      if (y - t.y < TOUCHES_TRIM) { height += y - t.y + t.bleed; y = t.y - t.bleed; }
      if (t.x + t.width - (x + width) < TOUCHES_TRIM) width = t.x + t.width + t.bleed - x;
      if (t.y + t.height - (y + height) < TOUCHES_TRIM) height = t.y + t.height + t.bleed - y;
    }
    this.rect(x, y, width, height, css, opacity);
  }

  fill(css: string, opacity = 1): void {
    const colour = this.options.colour(css);
    if (colour === undefined) this.unknownColours.add(css);
    this.doc.fillColor((colour ?? [0, 0, 0, 100]) as never, opacity);
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
    if (typeof style.backgroundColor === "string") this.background(x, y, box.width, box.height, style.backgroundColor, opacity);
    const top = box.borderTopWidth ?? 0, right = box.borderRightWidth ?? 0;
    const bottom = box.borderBottomWidth ?? 0, left = box.borderLeftWidth ?? 0;
    const colour = (side: string) => (typeof style[`border${side}Color`] === "string" ? (style[`border${side}Color`] as string) : "#000000");
    this.rect(x, y, box.width, top, colour("Top"), opacity);
    this.rect(x + box.width - right, y, right, box.height, colour("Right"), opacity);
    this.rect(x, y + box.height - bottom, box.width, bottom, colour("Bottom"), opacity);
    this.rect(x, y, left, box.height, colour("Left"), opacity);
  }

  hasBox(node: LayoutNode): boolean {
    return isDecorated(node);
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
