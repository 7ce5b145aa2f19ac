import type React from "react";
import type { PreparedRelease } from "../model/prepared.ts";
import type { ColourToken } from "../render/colour.ts";
import type { Style } from "./style.ts";

/** What the render stage adds beyond a tagged PDF/UA-1 file. */
export type OutputProfile = "accessible" | "print";

export type PageSpec = {
  /** Trim size in pt (width, height). */
  size: readonly [number, number];
  /** Margins in pt: top, right, bottom, left. The footer sits in the bottom margin. */
  margins: readonly [number, number, number, number];
  /** Columns of the body: count and the gap between them, pt. */
  columns: { count: number; gap: number };
  /** Space between the header and the columns on the first page, pt. */
  headerGap?: number;
  /** Style of every page (text colour, default font); a function of the release for branded colours. */
  style?: Style | ((prepared: PreparedRelease) => Style);
};

type PartProps = { prepared: PreparedRelease };

/**
 * A layout is three parts. Pressroom lays them out and assembles the pages:
 * the header across the top of the first page, the body flowing through the
 * columns and on to further pages (reading order: column by column), and
 * the footer at the foot of every page.
 */
export type LayoutParts = {
  Header: React.FC<PartProps>;
  Body: React.FC<PartProps>;
  Footer: React.FC<PartProps & { pageNumber: number; totalPages: number }>;
};

export type Layout = {
  /** Kebab-case id, the folder name under `layouts/` and the output file name. */
  id: string;
  description: string;
  page: PageSpec;
  profile: OutputProfile;
  /** Design colours with their CMYK values; print layouts must list every colour they use. */
  colours?: Readonly<Record<string, ColourToken>>;
  parts: LayoutParts;
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
  if (!Number.isInteger(layout.page.columns.count) || layout.page.columns.count < 1) {
    throw new Error(`layout "${layout.id}": columns.count must be a whole number ≥ 1`);
  }
  return layout;
}
