/**
 * The tagging props that semantic components put on react-pdf primitives.
 * They survive react-pdf's layout untouched (custom props are kept on every
 * node, and on every fragment of a node split across pages) and tell the
 * render stage which structure element or artifact each node belongs to.
 */

/** Standard PDF 1.7 structure types Pressroom writes. */
export type StructRole =
  | "Document" | "Sect" | "Div" | "Art"
  | "H1" | "H2" | "H3" | "P" | "BlockQuote" | "Quote" | "Caption"
  | "L" | "LI" | "Lbl" | "LBody"
  | "Figure" | "Link" | "Span" | "Note";

/** Artifact types of ISO 32000-1 §14.8.2.2. */
export type ArtifactKind = "Layout" | "Pagination" | "Page" | "Background";

/** A range of a paragraph's text (in code points) that is its own inline element. */
export type InlineTag = {
  start: number;
  end: number;
  role: "Link" | "Span";
  /** Link target (Link only). */
  href?: string;
  /** Language of the phrase (Span), BCP 47. */
  lang?: string;
};

/** Where in the source a node's content came from, for build errors. */
export type SourceRef = { file: string; line: number; column: number };

export type TagProps = {
  /** Structure element this node opens (a View) or fills with its text (a Text). */
  tag?: StructRole;
  /** Stable id: joins the fragments of a node split across pages into one element. */
  tagId?: string;
  /** Paint this node and everything inside it as an artifact. */
  artifact?: ArtifactKind;
  /** Alternate description (Figure). */
  alt?: string;
  /** Language of the element when it differs from the document's. */
  lang?: string;
  /** Inline elements inside a Text, as ranges of its text. */
  inlineTags?: InlineTag[];
  source?: SourceRef;
  /** Justified text, laid out start-aligned: the render stage spaces its lines to the full measure. */
  justify?: boolean;
  /** Names the paragraph keeps whole, which the layout stage may release (see src/compose/keep-whole.ts). */
  keptNames?: string[];
  /** A paragraph's source position ("line:column"): how the layout stage names it across layout passes. */
  paragraphKey?: string;
};
