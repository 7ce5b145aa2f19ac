import React from "react";
import { Text } from "@react-pdf/renderer";
import type { Inline } from "../model/release.ts";
import type { InlineTag } from "../model/semantics.ts";
import type { Piece } from "./forced-breaks.ts";
import type { Style } from "./style.ts";

/** Style of the inline kinds; a layout may pass its own. */
export type InlineStyles = {
  strong?: Style;
  emphasis?: Style;
  link?: Style;
};

const defaultInlineStyles: Record<"strong" | "emphasis" | "link", Style> = {
  strong: { fontWeight: 700 },
  emphasis: { fontStyle: "italic" },
  link: { color: "#1a4f8b", textDecoration: "underline" },
};

export type ComposedInlines = {
  /** react-pdf children for a `Text`. */
  children: React.ReactNode[];
  /** The text as react-pdf will see it, concatenated. */
  text: string;
  /** Link and language ranges, in code points of `text`. */
  tags: InlineTag[];
};

/** Text so small that a forced newline adds nothing to a line's width or height. */
const NEWLINE_SIZE = 0.01;

/** Rewritten text as react-pdf children: forced newlines in tiny runs of their own. */
export function piecesToNodes(pieces: readonly Piece[], keyPrefix: string): React.ReactNode {
  if (pieces.every((p) => typeof p === "string")) return pieces.join("");
  return pieces.map((p, i) => (typeof p === "string" ? p : <Text key={`${keyPrefix}-${i}`} style={{ fontSize: NEWLINE_SIZE }}>{"\n"}</Text>));
}

/**
 * Turns inlines into nested react-pdf `Text` children and records, as ranges
 * of the concatenated text, which parts are links and foreign-language
 * phrases. The render stage uses the ranges to open `Link` and `Span`
 * elements; react-pdf never sees them as anything but styled text.
 */
export function composeInlines(
  inlines: readonly Inline[],
  styles: InlineStyles = {},
  direction: "ltr" | "rtl" = "ltr",
  links: "interactive" | "printed" = "interactive",
  /** Changes the text react-pdf is given (not `text`), by code point offset: see src/compose/forced-breaks.ts. */
  rewrite?: (start: number, text: string) => Piece[],
): ComposedInlines {
  const shownText = (start: number, t: string): React.ReactNode => (rewrite ? piecesToNodes(rewrite(start, t), `n${start}`) : t);
  // Every nested Text carries the paragraph's direction: textkit takes a
  // run's direction from its own style, and a paragraph's from its first run.
  const d: Style = { direction } as Style;
  const s: Record<"strong" | "emphasis" | "link" | "plain", Style[] | Style> = {
    strong: [d, { ...defaultInlineStyles.strong, ...styles.strong }],
    emphasis: [d, { ...defaultInlineStyles.emphasis, ...styles.emphasis }],
    link: [d, { ...defaultInlineStyles.link, ...styles.link }],
    plain: d,
  };
  const tags: InlineTag[] = [];
  let text = "";
  let length = 0; // in code points
  let key = 0;

  const walk = (items: readonly Inline[]): React.ReactNode[] =>
    items.map((item) => {
      switch (item.kind) {
        case "text": {
          const shown = shownText(length, item.text);
          text += item.text;
          length += [...item.text].length;
          return shown;
        }
        case "strong":
          return <Text key={key++} style={s.strong}>{walk(item.children)}</Text>;
        case "emphasis":
          return <Text key={key++} style={s.emphasis}>{walk(item.children)}</Text>;
        case "link": {
          if (links === "printed") {
            // Paper cannot be clicked: ordinary text, then the address where a reader can see it.
            const children = walk(item.children);
            const address = item.href.replace(/^mailto:/, "");
            const visible = item.children.length === 1 && item.children[0]!.kind === "text" && item.children[0]!.text === address;
            if (visible) return <Text key={key++} style={s.plain}>{children}</Text>;
            const suffix = ` (${address})`;
            const shown = shownText(length, suffix);
            text += suffix;
            length += [...suffix].length;
            return <Text key={key++} style={s.plain}>{children}{shown}</Text>;
          }
          const start = length;
          const children = walk(item.children);
          tags.push({ start, end: length, role: "Link", href: item.href });
          return <Text key={key++} style={s.link}>{children}</Text>;
        }
        case "lang": {
          const start = length;
          const children = walk(item.children);
          tags.push({ start, end: length, role: "Span", lang: item.lang });
          return <Text key={key++} style={s.plain}>{children}</Text>;
        }
      }
    });

  const children = walk(inlines);
  tags.sort((a, b) => a.start - b.start || b.end - a.end);
  return { children, text, tags };
}
