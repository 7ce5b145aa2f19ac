/** The parse stage's product: one language version of one press release. */

/** 1-based line and column in the source Markdown file. */
export type Position = { line: number; column: number };

export type Contact = { name?: string; email?: string; phone?: string };

export type ReleaseMeta = {
  title: string;
  standfirst?: string;
  organization: string;
  /** ISO 8601 calendar date, `YYYY-MM-DD`. */
  date: string;
  place?: string;
  /** ISO 8601 date-time. */
  embargo?: string;
  contact?: Contact;
};

export type Inline =
  | { kind: "text"; text: string; pos: Position }
  | { kind: "strong"; children: Inline[]; pos: Position }
  | { kind: "emphasis"; children: Inline[]; pos: Position }
  | { kind: "link"; href: string; children: Inline[]; pos: Position }
  /** `[phrase]{lang=uk}`: a phrase in another language. */
  | { kind: "lang"; lang: string; children: Inline[]; pos: Position };

export type Block =
  | { kind: "paragraph"; inlines: Inline[]; pos: Position }
  | { kind: "heading"; level: 2 | 3; inlines: Inline[]; pos: Position }
  | { kind: "pullquote"; inlines: Inline[]; attribution?: Inline[]; pos: Position }
  | { kind: "quote"; blocks: Block[]; pos: Position }
  | { kind: "list"; ordered: boolean; start?: number; items: Block[][]; pos: Position }
  /** `src` is resolved to an absolute path inside the release folder. */
  | { kind: "figure"; src: string; alt: string; caption?: Inline[]; pos: Position };

export type Release = {
  slug: string;
  /** BCP 47 tag: front matter `lang`, else the file name. */
  lang: string;
  /** The Markdown file this release was read from. */
  file: string;
  meta: ReleaseMeta;
  /** Position of each front-matter key's value (`lang` included), for diagnostics in later stages. */
  metaPos: Partial<Record<keyof ReleaseMeta | "lang", Position>>;
  blocks: Block[];
};

/** The discover stage's product. */
export type SourceFile = { slug: string; lang: string; path: string; dir: string; text: string };

/** Plain text of inlines, as a reader hears it. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === "text" ? i.text : inlineText(i.children))).join("");
}
