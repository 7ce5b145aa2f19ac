import type React from "react";
import type { PreparedRelease } from "../model/prepared.ts";
import type { ColourToken } from "../render/colour.ts";

/** What the render stage adds beyond a tagged PDF/UA-1 file. */
export type OutputProfile = "accessible" | "print";

export type PageSpec = {
  /** Trim size in pt (width, height). */
  size: readonly [number, number];
  /** Margins in pt: top, right, bottom, left. */
  margins: readonly [number, number, number, number];
};

export type Layout = {
  /** Kebab-case id, the folder name under `layouts/` and the output file name. */
  id: string;
  description: string;
  page: PageSpec;
  profile: OutputProfile;
  /** Design colours with their CMYK values; print layouts must list every colour they use. */
  colours?: Readonly<Record<string, ColourToken>>;
  /** Returns the `<Document>` of react-pdf primitives and semantic components. */
  Component: React.FC<{ prepared: PreparedRelease; page: PageSpec }>;
};

export const mm = (value: number): number => (value * 72) / 25.4;

/** Paper sizes in pt. */
export const paper = {
  A4: [mm(210), mm(297)] as const,
  Letter: [612, 792] as const,
};

export function defineLayout(layout: Layout): Layout {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(layout.id)) {
    throw new Error(`layout id "${layout.id}" must be kebab-case`);
  }
  return layout;
}
