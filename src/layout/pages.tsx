/**
 * Pages with a full-width header and a body in columns. react-pdf cannot
 * flow text from one column into the next, so Pressroom lays the body out
 * once as one tall column and cuts it into columns itself (columns.ts):
 *
 *   1. frame: header on the first sheet, footers (first guess: one sheet);
 *      again with a narrower headline if its lines are unbalanced
 *   2. flow: the body, one column wide, unpaginated
 *   3. cut the flow into columns: the first sheet's below the header, the
 *      last sheet's balanced
 *   4. frame again if the body needs more sheets than guessed
 *   5. assemble: each sheet gets its columns, side by side
 */
import React from "react";
import { Document, Page, View } from "@react-pdf/renderer";
import type { Layout } from "../compose/define-layout.ts";
import { ReleaseProvider } from "../compose/components.tsx";
import type { PreparedRelease } from "../model/prepared.ts";
import type { LayoutNode } from "./tree.ts";
import { balancedMeasure } from "./balance.ts";
import { balancedHeight, cutColumns, flowItems, sliceFlow } from "./columns.ts";
import { planFlow, unkeptPlans } from "./linebreak/plan.ts";
import type { ForcedBreaks } from "../compose/forced-breaks.ts";
import { layoutDocument, type FontStore } from "./layout.ts";

/** react-pdf turns a `flexShrink` of 0 into 1; a tiny factor keeps a box from shrinking. */
const NO_SHRINK = 1e-9;

const HEADER_MARK = "pressroom-header";

function Frame({ prepared, layout, sheets, headlineWidth }: { prepared: PreparedRelease; layout: Layout; sheets: number; headlineWidth?: number }) {
  const { page, parts } = layout;
  const [top, right, bottom, left] = page.margins;
  return (
    <ReleaseProvider prepared={prepared} idPrefix="h" links={linkMode(layout)} {...(headlineWidth ? { headlineWidth } : {})}>
      <Document>
        {Array.from({ length: sheets }, (_, i) => (
          <Page key={i} size={[page.size[0], page.size[1]]} style={[{ paddingTop: top, paddingRight: right, paddingBottom: bottom, paddingLeft: left, fontFamily: prepared.fonts.body }, ...pageStyle(layout, prepared)]}>
            {i === 0 ? (
              <View {...({ [HEADER_MARK]: true } as object)} style={{ flexShrink: NO_SHRINK }}>
                <parts.Header prepared={prepared} />
              </View>
            ) : null}
            <parts.Footer prepared={prepared} pageNumber={i + 1} totalPages={sheets} />
          </Page>
        ))}
      </Document>
    </ReleaseProvider>
  );
}

function Flow({ prepared, layout, breaks }: { prepared: PreparedRelease; layout: Layout; breaks?: ReadonlyMap<string, ForcedBreaks> }) {
  const { page, parts } = layout;
  return (
    <ReleaseProvider prepared={prepared} idPrefix="b" links={linkMode(layout)} {...(breaks ? { breaks } : {})}>
      <Document>
        <Page size={[columnWidth(layout), FLOW_HEIGHT]} wrap={false} style={[{ fontFamily: prepared.fonts.body }, ...pageStyle(layout, prepared)]}>
          <parts.Body prepared={prepared} />
        </Page>
      </Document>
    </ReleaseProvider>
  );
}

/** The layout's page style for this release, as a style list. */
function pageStyle(layout: Layout, prepared: PreparedRelease) {
  const style = typeof layout.page.style === "function" ? layout.page.style(prepared) : layout.page.style;
  return style ? [style] : [];
}

/** Tall enough for any press release's body in one column. */
const FLOW_HEIGHT = 1_000_000;

const linkMode = (layout: Layout) => (layout.profile === "print" ? "printed" : "interactive");

export function columnWidth(layout: Layout): number {
  const { size, margins, columns } = layout.page;
  return (size[0] - margins[1] - margins[3] - (columns.count - 1) * columns.gap) / columns.count;
}

/** Height from the page top to the end of the header on the frame's first page, plus the gap. */
function headerBottom(frame: LayoutNode, layout: Layout): number {
  const first = frame.children?.[0];
  const header = first?.children?.find((c) => c.props && HEADER_MARK in c.props);
  if (!header?.box) return 0;
  return header.box.top + header.box.height - layout.page.margins[0] + (layout.page.headerGap ?? 12);
}

/** Lays out a release in a layout: the pages the render stage walks. */
export async function layoutRelease(prepared: PreparedRelease, layout: Layout, fonts: FontStore): Promise<LayoutNode> {
  const { count } = layout.page.columns;
  const [top, , bottom] = layout.page.margins;
  const full = layout.page.size[1] - top - bottom;
  let frame = await layoutDocument(<Frame prepared={prepared} layout={layout} sheets={1} />, fonts);
  const headlineWidth = balanceHeadline(frame);
  if (headlineWidth) frame = await layoutDocument(<Frame prepared={prepared} layout={layout} sheets={1} headlineWidth={headlineWidth} />, fonts);
  const header = headerBottom(frame, layout);
  const flow = await layoutFlow(prepared, layout, fonts);
  const cuts = columnCuts(flowItems(flow), count, full - header, full);
  const sheets = Math.max(1, Math.ceil(cuts.starts.length / count));
  if (sheets > 1) frame = await layoutDocument(<Frame prepared={prepared} layout={layout} sheets={sheets} {...(headlineWidth ? { headlineWidth } : {})} />, fonts);
  return assemble(frame, flow, cuts, layout, header, prepared.direction);
}

/**
 * The body in one tall column. Laid out once by textkit; then every
 * justified paragraph is broken into lines by Pressroom's own line breaker
 * (src/layout/linebreak/), and the body laid out again with those breaks.
 */
async function layoutFlow(prepared: PreparedRelease, layout: Layout, fonts: FontStore): Promise<LayoutNode[]> {
  const lay = async (breaks?: ReadonlyMap<string, ForcedBreaks>) =>
    (await layoutDocument(<Flow prepared={prepared} layout={layout} {...(breaks ? { breaks } : {})} />, fonts)).children?.[0]?.children ?? [];
  const first = await lay();
  const plans = planFlow(first);
  if (!plans.size) return first;
  const planned = await lay(plans);
  // A paragraph that textkit did not break as planned is planned again without squeezed lines.
  const unkept = unkeptPlans(planned, plans);
  return unkept.size ? lay(planFlow(first, unkept)) : planned;
}

function findTag(nodes: readonly LayoutNode[] | undefined, tag: string): LayoutNode | undefined {
  for (const n of nodes ?? []) {
    if (n.props?.tag === tag) return n;
    const inner = findTag(n.children, tag);
    if (inner) return inner;
  }
  return undefined;
}

/** The measure that balances the headline on the first page, if it needs one. */
function balanceHeadline(frame: LayoutNode): number | undefined {
  const h1 = findTag(frame.children?.[0]?.children, "H1");
  if (!h1?.lines || !h1.box) return undefined;
  const measure = h1.box.width - (h1.box.paddingLeft ?? 0) - (h1.box.paddingRight ?? 0);
  return balancedMeasure(h1.lines, measure);
}

type Cuts = { starts: number[]; end: number };

/** Where each column starts in the flow: greedy on full sheets, balanced on the last one. */
function columnCuts(items: ReturnType<typeof flowItems>, count: number, first: number, full: number): Cuts {
  const end = items.length ? items[items.length - 1]!.bottom : 0;
  const height = (column: number) => (column < count ? first : full);
  const pageEnds = (column: number) => column % count === count - 1;
  const greedy = cutColumns(items, height, pageEnds);
  const lastSheet = Math.floor((greedy.length - 1) / count) * count;
  const startOfLast = items.findIndex((it) => it.top >= (greedy[lastSheet] ?? 0) - 0.01);
  const rest = items.slice(Math.max(0, startOfLast));
  const balanced = balancedHeight(rest, count, lastSheet < count ? first : full);
  const starts = [...greedy.slice(0, lastSheet), ...cutColumns(rest, () => balanced)];
  return { starts, end };
}

/** Puts each sheet's columns into it: left to right, or right to left for RTL languages. */
function assemble(frame: LayoutNode, flow: LayoutNode[], cuts: Cuts, layout: Layout, header: number, direction: "ltr" | "rtl"): LayoutNode {
  const { count, gap } = layout.page.columns;
  const width = columnWidth(layout);
  const [top, , , left] = layout.page.margins;
  const pages = (frame.children ?? []).map((sheet, s) => {
    const columns: LayoutNode[] = [];
    for (let c = 0; c < count; c++) {
      const k = s * count + c;
      const from = cuts.starts[k];
      if (from === undefined) break;
      const to = cuts.starts[k + 1] ?? cuts.end + 1;
      const columnTop = top + (s === 0 ? header : 0);
      columns.push({
        type: "VIEW",
        props: {},
        style: {},
        box: { left: left + (direction === "rtl" ? count - 1 - c : c) * (width + gap), top: columnTop - from, width, height: to - from },
        children: sliceFlow(flow, from, to),
      });
    }
    return { ...sheet, children: [...(sheet.children ?? []), ...columns] };
  });
  return { ...frame, children: pages };
}
