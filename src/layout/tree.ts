/**
 * The parts of `@react-pdf/layout`'s output that the render stage reads
 * (see shared/docs/react-pdf-layout-tree.md; layout 5.2.0, textkit 7.0.1).
 */
import type { TagProps } from "../model/semantics.ts";

export type Box = {
  left: number; top: number; width: number; height: number;
  paddingTop?: number; paddingRight?: number; paddingBottom?: number; paddingLeft?: number;
  borderTopWidth?: number; borderRightWidth?: number; borderBottomWidth?: number; borderLeftWidth?: number;
};

/** A fontkit font, as react-pdf's font store hands it out. */
export type FontkitFont = {
  type?: string;
  postscriptName: string;
  fullName?: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  getGlyph(id: number): { advanceWidth: number };
  glyphForCodePoint(codePoint: number): { id: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
};

export type Glyph = { id: number; advanceWidth: number; codePoints: number[]; name?: string };
export type GlyphPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };

export type Run = {
  start: number;
  end: number;
  attributes: {
    font: FontkitFont[];
    fontSize: number;
    color?: string;
    opacity?: number;
    bidiLevel?: number;
  };
  glyphs: Glyph[];
  positions: GlyphPosition[];
  glyphIndices: number[];
  ascent: number;
  descent: number;
  xAdvance: number;
};

export type Line = {
  string: string;
  runs: Run[];
  box: { x: number; y: number; width: number; height: number };
  ascent: number;
  decorationLines?: { rect: { x: number; y: number; width: number; height: number }; color: string; opacity?: number }[];
};

export type LayoutNode = {
  type: string;
  props?: TagProps & { fixed?: boolean; [key: string]: unknown };
  style?: Record<string, unknown>;
  box?: Box;
  children?: LayoutNode[];
  lines?: Line[];
  alignOffset?: number;
  value?: string;
  image?: { data: Buffer; width: number; height: number; format?: string };
};

/** The text a `TEXT` node was given: its `TEXT_INSTANCE` values, nested `Text`s included. */
export function sourceTextOf(node: LayoutNode): string {
  if (node.type === "TEXT_INSTANCE") return node.value ?? "";
  return (node.children ?? []).map(sourceTextOf).join("");
}

/** Whether a box paints something of its own: a background or a border. */
export function isDecorated(node: LayoutNode): boolean {
  const b = node.box;
  return (
    typeof node.style?.backgroundColor === "string" ||
    (!!b && ((b.borderTopWidth ?? 0) > 0 || (b.borderRightWidth ?? 0) > 0 || (b.borderBottomWidth ?? 0) > 0 || (b.borderLeftWidth ?? 0) > 0))
  );
}
