/**
 * Column filling. The body is laid out once, as one tall column; this file
 * cuts it into columns of given heights, between lines, following the rules
 * a typesetter would: at least two lines of a paragraph on each side of a
 * cut (no orphans, no widows), never right after a heading, never through an
 * unbreakable box (a pull quote, a list item, an image). Fragments of a split
 * paragraph keep their `props` object, so they stay one structure element
 * and the render stage reads them in order.
 */
import { logicalLine } from "./logical.ts";
import { isDecorated, type LayoutNode, type Line } from "./tree.ts";

const ORPHANS = 2;
const WIDOWS = 2;

/** A piece of the flow that is never cut: a line, or an unbreakable box. `afterHyphen`: the line before ends a word half-way. */
type Item = { top: number; bottom: number; breakBefore: boolean; heading: boolean; afterHyphen?: boolean };

/** Whether a line ends in a hyphen: half a word is on it (the other half on the next line). */
function endsInHyphen(line: Line): boolean {
  const text = logicalLine(line).text.join("").replace(/\s+$/u, "");
  return text.endsWith("-") || text.endsWith("\u2010");
}

const isHeading = (node: LayoutNode) => /^H\d$/.test(node.props?.tag ?? "");

/** Images, boxes marked `wrap={false}`, and boxes that paint a background or border are never cut. */
const unbreakable = (node: LayoutNode): boolean => node.type === "IMAGE" || node.props?.wrap === false || isDecorated(node);

/** Where each line of a `TEXT` node sits, from the top of the node's parent. */
function lineTops(node: LayoutNode, parentTop: number): { top: number; bottom: number }[] {
  const lines = node.lines ?? [];
  const base = parentTop + node.box!.top + (node.box!.paddingTop ?? 0) - (lines[0]?.box.y ?? 0);
  return lines.map((l) => ({ top: base + l.box.y, bottom: base + l.box.y + l.box.height }));
}

/** The flow as a list of items, in reading order, with absolute tops. */
export function flowItems(nodes: readonly LayoutNode[], parentTop = 0, out: Item[] = []): Item[] {
  for (const node of nodes) {
    if (!node.box) continue;
    const top = parentTop + node.box.top;
    const afterHeading = out[out.length - 1]?.heading ?? false;
    if (node.type === "TEXT" && !unbreakable(node)) {
      const lines = lineTops(node, parentTop);
      lines.forEach((l, i) => {
        const inside = i > 0 && (i < ORPHANS || lines.length - i < WIDOWS);
        const afterHyphen = i > 0 && endsInHyphen(node.lines![i - 1]!);
        out.push({ ...l, breakBefore: i === 0 ? !afterHeading : !inside, heading: isHeading(node), afterHyphen });
      });
    } else if (node.type === "VIEW" && !unbreakable(node) && node.children?.length) {
      const before = out.length;
      flowItems(node.children, top, out);
      // A view's first item cannot be cut from what precedes it when that was a heading.
      if (out.length > before && afterHeading) out[before]!.breakBefore = false;
    } else {
      out.push({ top, bottom: top + node.box.height, breakBefore: !afterHeading, heading: false });
    }
  }
  return out;
}

/**
 * Cuts the items into columns of the given heights (one per column, the last
 * repeated as needed). Returns the flow y at which each column starts, and
 * the flow's end.
 */
export function cutColumns(items: readonly Item[], heights: (column: number) => number, pageEnds: (column: number) => boolean = () => false): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < items.length) {
    const start = items[i]!.top;
    starts.push(start);
    const column = starts.length - 1;
    const limit = start + heights(column);
    // A word is never split over a page turn (a reader would hear half of it on each page).
    const allowed = (item: Item) => item.breakBefore && !(item.afterHyphen && pageEnds(column));
    let next = i + 1; // at least one item per column, even if it is too tall
    for (let k = i + 1; k < items.length; k++) {
      if (items[k - 1]!.bottom > limit + 0.01) break;
      if (allowed(items[k]!)) next = k;
    }
    if (items[items.length - 1]!.bottom <= limit + 0.01) next = items.length;
    i = next;
  }
  return starts;
}

/**
 * Columns with balanced heights on the last sheet: the smallest column height
 * (≥ the natural one) with which the remaining items still fit in `count`
 * columns.
 */
export function balancedHeight(items: readonly Item[], count: number, full: number): number {
  if (!items.length) return full;
  const fits = (h: number) => cutColumns(items, () => h).length <= count;
  if (!fits(full)) return full;
  let lo = 0, hi = full;
  for (let step = 0; step < 24; step++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid; else lo = mid;
  }
  return hi;
}

/** The part of the flow between `from` and `to` (flow y), as nodes relative to the flow's top. */
export function sliceFlow(nodes: readonly LayoutNode[], from: number, to: number, parentTop = 0): LayoutNode[] {
  const out: LayoutNode[] = [];
  for (const node of nodes) {
    if (!node.box) continue;
    const top = parentTop + node.box.top;
    const bottom = top + node.box.height;
    if (node.type === "TEXT" && !unbreakable(node)) {
      const tops = lineTops(node, parentTop);
      const keep = (node.lines ?? []).filter((_, i) => tops[i]!.top >= from - 0.01 && tops[i]!.top < to - 0.01);
      if (!keep.length) continue;
      if (keep.length === node.lines!.length) { out.push(node); continue; }
      // A fragment: same props (same element), its own lines, its top at its first line.
      const first = keep[0]!;
      const shift = first.box.y - node.lines![0]!.box.y;
      out.push({ ...node, lines: keep, box: { ...node.box, top: node.box.top + (node.box.paddingTop ?? 0) + shift, paddingTop: 0, height: keep.reduce((h, l) => h + l.box.height, 0) } });
    } else if (node.type === "VIEW" && !unbreakable(node) && node.children?.length) {
      if (bottom <= from || top >= to) continue;
      const children = sliceFlow(node.children, from, to, top);
      if (children.length) out.push({ ...node, children });
    } else if (top >= from - 0.01 && top < to - 0.01) {
      out.push(node);
    }
  }
  return out;
}
