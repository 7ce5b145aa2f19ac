import React from "react";
import type { Block } from "../model/release.ts";
import { Figure, Group, PullQuote, RichText, type PullQuoteStyles } from "./components.tsx";
import type { InlineStyles } from "./inlines.tsx";
import type { Style } from "./style.ts";


/** The styles a layout gives the body's block kinds. */
export type BlockStyles = {
  paragraph?: Style;
  lede?: Style;
  heading2?: Style;
  heading3?: Style;
  section?: Style;
  quote?: Style;
  pullQuote?: PullQuoteStyles;
  list?: Style;
  listItem?: Style;
  listLabel?: Style;
  listBody?: Style;
  /** Paragraphs inside list items (short: usually not justified). */
  listParagraph?: Style;
  figure?: Style;
  caption?: Style;
  inline?: InlineStyles;
  /** Right-to-left release: list labels on the right. */
  rtl?: boolean;
  /** Hyphenate body text (default true). */
  hyphenate?: boolean;
  /** Leave out pull quotes that repeat the body (large print carries no decorative repetition). */
  omitRepeatedPullQuotes?: boolean;
};

type Section = { heading?: Extract<Block, { kind: "heading" }>; blocks: Block[]; subsections: Section[] };

/** Groups a flat block list into sections: `##` opens a section, `###` a subsection in it. */
export function sectionize(blocks: readonly Block[]): Section {
  const root: Section = { blocks: [], subsections: [] };
  let h2: Section | undefined;
  let h3: Section | undefined;
  for (const block of blocks) {
    if (block.kind === "heading" && block.level === 2) {
      h2 = { heading: block, blocks: [], subsections: [] };
      h3 = undefined;
      root.subsections.push(h2);
    } else if (block.kind === "heading" && block.level === 3) {
      h3 = { heading: block, blocks: [], subsections: [] };
      (h2 ?? root).subsections.push(h3);
    } else {
      (h3 ?? h2 ?? root).blocks.push(block);
    }
  }
  return root;
}

function BlockView({ block, styles, inList = false }: { block: Block; styles: BlockStyles; inList?: boolean }) {
  switch (block.kind) {
    case "paragraph":
      return <RichText inlines={block.inlines} pos={block.pos} style={inList ? (styles.listParagraph ?? styles.paragraph) : styles.paragraph} inlineStyles={styles.inline} hyphenate={styles.hyphenate ?? true} />;
    case "heading":
      return null; // rendered by SectionView
    case "pullquote":
      return <PullQuote block={block} styles={styles.pullQuote} omitRepeated={styles.omitRepeatedPullQuotes ?? false} />;
    case "quote":
      return (
        <Group role="BlockQuote" style={styles.quote}>
          {block.blocks.map((b, i) => <BlockView key={i} block={b} styles={styles} />)}
        </Group>
      );
    case "list":
      return (
        <Group role="L" style={styles.list}>
          {block.items.map((item, i) => (
            <Group key={i} role="LI" style={{ flexDirection: styles.rtl ? "row-reverse" : "row", ...styles.listItem }} wrap={false}>
              <RichText
                role="Lbl"
                inlines={[{ kind: "text", text: block.ordered ? `${(block.start ?? 1) + i}.` : "•", pos: block.pos }]}
                // Left-aligned on purpose: with a fixed width, react-pdf keeps the alignment offset of a
                // first, wider measurement for right-aligned text (the label would land outside its box).
                // Left-aligned, an RTL label (on the right) sits next to its item's text.
                style={[styles.listLabel ?? {}, { textAlign: "left" }]}
                hyphenate={false}
              />
              <Group role="LBody" style={{ flex: 1, ...styles.listBody }}>
                {item.map((b, j) => <BlockView key={j} block={b} styles={styles} inList />)}
              </Group>
            </Group>
          ))}
        </Group>
      );
    case "figure":
      return <Figure block={block} style={styles.figure} captionStyle={styles.caption} />;
  }
}

function SectionView({ section, styles }: { section: Section; styles: BlockStyles }) {
  const heading = section.heading;
  const body = (
    <>
      {section.blocks.map((b, i) => <BlockView key={i} block={b} styles={styles} />)}
      {section.subsections.map((s, i) => <SectionView key={i} section={s} styles={styles} />)}
    </>
  );
  if (!heading) return body;
  const role = heading.level === 2 ? "H2" : "H3";
  return (
    <Group role="Sect" style={styles.section}>
      {/* minPresenceAhead keeps a heading from standing alone at the foot of a page */}
      <RichText
        role={role}
        inlines={heading.inlines}
        pos={heading.pos}
        hyphenate={false}
        style={{ ...(heading.level === 2 ? styles.heading2 : styles.heading3) }}
        minPresenceAhead={40}
      />
      {body}
    </Group>
  );
}

/** The release body in reading order, sections as `Sect` elements headed by `H2`/`H3`. */
export function Body({ blocks, styles = {} }: { blocks: readonly Block[]; styles?: BlockStyles }) {
  return <SectionView section={sectionize(blocks)} styles={styles} />;
}
