/**
 * The layout stage: react-pdf's reconciler turns the layout's element tree
 * into nodes, and `@react-pdf/layout` (pinned) places every glyph.
 */
import type React from "react";
import { pdf } from "@react-pdf/renderer";
import layout from "@react-pdf/layout";
import type { LayoutNode } from "../render/tree.ts";

export type { FontStore };

import type { FontStore } from "../prepare/fonts.ts";

export async function layoutDocument(element: React.ReactElement, fonts: FontStore): Promise<LayoutNode> {
  const container = (pdf(element as never) as unknown as { container: { document: unknown } }).container;
  // The .d.ts declares one parameter; the font store is required all the same.
  return (await (layout as unknown as (doc: unknown, fonts: FontStore) => Promise<LayoutNode>)(container.document, fonts));
}
