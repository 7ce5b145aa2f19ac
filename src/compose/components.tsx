/**
 * Semantic components: react-pdf primitives that carry the tagging props, so
 * that a layout author cannot forget them. Layouts build pages from these.
 */
import React, { createContext, useContext, useId, useMemo } from "react";
import { Image, Text, View } from "@react-pdf/renderer";
import type { PreparedRelease } from "../model/prepared.ts";
import type { Block, Inline, Position } from "../model/release.ts";
import type { ArtifactKind, SourceRef, StructRole, TagProps } from "../model/semantics.ts";
import { NO_BREAK, noHyphenation, useBreaking } from "./breaking.ts";
import type { ForcedBreaks } from "./forced-breaks.ts";
import { composeInlines, piecesToNodes, type InlineStyles } from "./inlines.tsx";
import { pullQuoteRepeatsBody } from "./pullquote.ts";
import type { StyleList as Style } from "./style.ts";

type Children = { children?: React.ReactNode };

// react-pdf's prop types do not know our tagging props; they pass through untouched.
const TText = Text as unknown as React.FC<TagProps & Record<string, unknown> & Children>;
const TView = View as unknown as React.FC<TagProps & Record<string, unknown> & Children>;
const TImage = Image as unknown as React.FC<TagProps & Record<string, unknown>>;

/** Links on screen are annotations; on paper the address is printed after the link text. */
export type LinkMode = "interactive" | "printed";

type ReleaseScope = {
  prepared: PreparedRelease;
  idPrefix: string;
  links: LinkMode;
  headlineWidth?: number;
  /** Per paragraph (its `paragraphKey`): the line breaks the layout stage chose (src/layout/linebreak/). */
  breaks?: ReadonlyMap<string, ForcedBreaks>;
};
const ReleaseContext = createContext<ReleaseScope | null>(null);

/**
 * Gives semantic components the prepared release. `idPrefix` keeps the tag
 * ids of separately laid-out parts of one document (header, column flow)
 * apart: React numbers `useId` per root.
 */
export function ReleaseProvider({ prepared, idPrefix = "", links = "interactive", headlineWidth, breaks, children }: Omit<ReleaseScope, "idPrefix" | "links"> & { idPrefix?: string; links?: LinkMode } & Children) {
  return (
    <ReleaseContext.Provider value={{ prepared, idPrefix, links, ...(headlineWidth ? { headlineWidth } : {}), ...(breaks ? { breaks } : {}) }}>
      {children}
    </ReleaseContext.Provider>
  );
}

function useScope(): ReleaseScope {
  const scope = useContext(ReleaseContext);
  if (!scope) throw new Error("semantic components must be used inside <ReleaseProvider>");
  return scope;
}

export function usePrepared(): PreparedRelease {
  return useScope().prepared;
}

/** A document-wide unique, deterministic id for a structure element. */
function useTagId(): string {
  const { idPrefix } = useScope();
  return `${idPrefix}${useId()}`;
}


/**
 * Text styles with the release's writing direction and its start alignment
 * first. react-pdf inherits neither `direction` nor its default alignment,
 * and only compensates an explicit `textAlign` in shrink-to-fit boxes.
 */
function withDirection(direction: "ltr" | "rtl", style: Style | undefined): Style {
  return [{ direction, textAlign: startOf(direction) }, ...asList(style)] as Style;
}

const asList = (style: Style | undefined): object[] => (Array.isArray(style) ? style : style ? [style] : []) as object[];
const startOf = (direction: "ltr" | "rtl") => (direction === "rtl" ? "right" : "left");
/** The `textAlign` a style list ends up with. */
const alignOf = (style: Style | undefined): unknown =>
  asList(style).reduce<unknown>((align, s) => ((s as { textAlign?: unknown }).textAlign ?? align), undefined);

function sourceOf(prepared: PreparedRelease, pos?: Position): SourceRef | undefined {
  return pos ? { file: prepared.release.file, line: pos.line, column: pos.column } : undefined;
}

/** Decoration: painted as an artifact, never read. */
export function Artifact({ kind = "Layout", style, fixed, children }: { kind?: ArtifactKind; style?: Style; fixed?: boolean } & Children) {
  return <TView artifact={kind} style={style} fixed={fixed}>{children}</TView>;
}

/** A grouping element (`Sect`, `Div`, `BlockQuote`, `L`, `LI`, …) around its children. */
export function Group({ role, style, wrap, children }: { role: StructRole; style?: Style; wrap?: boolean } & Children) {
  return <TView tag={role} tagId={useTagId()} style={style} wrap={wrap}>{children}</TView>;
}

type RichTextProps = {
  inlines: readonly Inline[];
  role?: StructRole;
  style?: Style;
  inlineStyles?: InlineStyles;
  pos?: Position;
  hyphenate?: boolean;
  /** Text printed before the inlines inside the same element (a dateline), and its style. */
  lead?: string;
  leadStyle?: Style;
  /** Keep at least this many points of what follows on the same page (headings). */
  minPresenceAhead?: number;
};

/** Text with inline emphasis, links and language spans: one structure element. */
export function RichText({ inlines, role = "P", style, inlineStyles, pos, hyphenate = true, lead, leadStyle, minPresenceAhead }: RichTextProps) {
  const { prepared, links, breaks } = useScope();
  const tagId = useTagId();
  // React numbers useId per process, not per tree: a paragraph is known across layout passes by its source position.
  const paragraphKey = pos ? `${pos.line}:${pos.column}` : undefined;
  const plan = paragraphKey ? breaks?.get(paragraphKey) : undefined;
  const justify = alignOf(style) === "justify";
  const composed = composeInlines(inlines, inlineStyles, prepared.direction, links);
  const offset = [...(lead ?? "")].length;
  const text = `${lead ?? ""}${composed.text}`;
  const breaking = useBreaking(prepared, inlines, text, { hyphenate, justify, ...(plan ? { plan } : {}) });
  const rewrite = breaking.rewrite;
  const shown = rewrite ? composeInlines(inlines, inlineStyles, prepared.direction, links, (start, t) => rewrite(start + offset, t)) : composed;
  const inlineTags = composed.tags.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
  return (
    <TText
      tag={role}
      tagId={tagId}
      paragraphKey={paragraphKey}
      inlineTags={inlineTags}
      source={sourceOf(prepared, pos)}
      {...(rewrite ? { sourceText: text } : {})}
      // Justified text is laid out start-aligned and justified by the render stage (src/layout/spacing.ts).
      style={justify ? [...asList(withDirection(prepared.direction, style)), { textAlign: startOf(prepared.direction) }] : withDirection(prepared.direction, style)}
      justify={justify}
      breakCandidates={breaking.breakCandidates}
      hyphenationCallback={breaking.hyphenationCallback}
      hyphenationPenalty={breaking.hyphenationPenalty}
      orphans={2}
      widows={2}
      minPresenceAhead={minPresenceAhead}
    >
      {/* Nested text takes only the direction: textkit aligns a line by its first run's style, so an
          alignment here would set the paragraph's first line apart from the rest. */}
      {lead ? <Text style={[{ direction: prepared.direction }, ...asList(leadStyle)] as Style}>{rewrite ? piecesToNodes(rewrite(0, lead), "lead") : lead}</Text> : null}
      {shown.children}
    </TText>
  );
}

/** Plain text as one structure element (front-matter values), never hyphenated. */
export function PlainText({ text, role = "P", style, lang }: { text: string; role?: StructRole; style?: Style; lang?: string }) {
  const { direction } = usePrepared();
  return (
    <TText tag={role} tagId={useTagId()} lang={lang} style={withDirection(direction, style)} hyphenationCallback={noHyphenation} hyphenationPenalty={NO_BREAK}>
      {text}
    </TText>
  );
}

/** The release's title: the document's only H1, never hyphenated, balanced over its lines by the layout stage. */
export function Headline({ style }: { style?: Style }) {
  const { prepared, headlineWidth } = useScope();
  const list = Array.isArray(style) ? style : style ? [style] : [];
  return <PlainText role="H1" text={prepared.release.meta.title} style={headlineWidth ? [...list, { maxWidth: headlineWidth }] : style} />;
}

export function Standfirst({ style }: { style?: Style }) {
  const { release } = usePrepared();
  // Display text is never hyphenated.
  return release.meta.standfirst ? <PlainText text={release.meta.standfirst} style={style} /> : null;
}

export type PullQuoteStyles = { box?: Style; text?: Style; attribution?: Style };

/**
 * A highlighted quotation. When its words repeat the body it is decoration
 * (an artifact, attribution included), so a screen reader hears it once;
 * otherwise it is a `BlockQuote` at its place in the reading order.
 */
export function PullQuote({ block, styles = {}, omitRepeated = false }: { block: Extract<Block, { kind: "pullquote" }>; styles?: PullQuoteStyles; omitRepeated?: boolean }) {
  const prepared = usePrepared();
  const id = useTagId();
  const repeats = pullQuoteRepeatsBody(prepared.release, block);
  if (repeats && omitRepeated) return null;
  const content = (
    <>
      <RichText inlines={block.inlines} style={styles.text} pos={block.pos} hyphenate={false} />
      {block.attribution ? <RichText inlines={block.attribution} style={styles.attribution} hyphenate={false} /> : null}
    </>
  );
  return repeats ? (
    <TView artifact="Layout" style={styles.box} wrap={false}>{content}</TView>
  ) : (
    <TView tag="BlockQuote" tagId={id} style={styles.box} wrap={false}>{content}</TView>
  );
}

export function Figure({ block, style, captionStyle }: { block: Extract<Block, { kind: "figure" }>; style?: Style; captionStyle?: Style }) {
  const prepared = usePrepared();
  return (
    <TView wrap={false}>
      <TImage tag="Figure" tagId={useTagId()} alt={block.alt} src={block.src} source={sourceOf(prepared, block.pos)} style={style} />
      {block.caption ? <RichText role="Caption" inlines={block.caption} style={captionStyle} /> : null}
    </TView>
  );
}

/** Running footer: organisation and "n / N", as a pagination artifact. */
export function Footer({ style, textStyle, pageNumber, totalPages }: { style?: Style; textStyle?: Style; pageNumber: number; totalPages: number }) {
  const { release, direction } = usePrepared();
  return (
    <TView artifact="Pagination" style={style}>
      <Text style={withDirection(direction, textStyle)}>{release.meta.organization}</Text>
      <Text style={withDirection(direction, textStyle)}>{`${pageNumber} / ${totalPages}`}</Text>
    </TView>
  );
}
