/**
 * The layout stage: react-pdf's reconciler turns the layout's element tree
 * into nodes, and `@react-pdf/layout` (pinned) places every glyph.
 */
import type React from "react";
import { pdf } from "@react-pdf/renderer";
import layout from "@react-pdf/layout";
import type { FontStore } from "../prepare/fonts.ts";
import type { LayoutNode } from "./tree.ts";

export type { FontStore };

type Instance = { container: { document: unknown }; updateContainer(element: unknown): void };

export async function layoutDocument(element: React.ReactElement, fonts: FontStore): Promise<LayoutNode> {
  const instance = pdf(element as never) as unknown as Instance;
  try {
    // The .d.ts declares one parameter; the font store is required all the same.
    return await (layout as unknown as (doc: unknown, fonts: FontStore) => Promise<LayoutNode>)(instance.container.document, fonts);
  } finally {
    // Unmount: otherwise the reconciler keeps every document's fibers for the life of the process.
    instance.updateContainer(null);
  }
}
