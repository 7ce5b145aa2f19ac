/**
 * The handout design, shared by the handout layouts: a masthead rule, the
 * headline, standfirst, a lede with its dateline, the body with a
 * highlighted pull quote, the media contact and a running footer.
 */
import React from "react";
import { Image, View } from "@react-pdf/renderer";
import {
  Artifact, Footer, Group, Headline, PlainText, RichText, Standfirst,
} from "../../src/compose/components.tsx";
import { Body, type BlockStyles } from "../../src/compose/blocks.tsx";
import type { LayoutParts, PageSpec } from "../../src/compose/define-layout.ts";
import type { PreparedRelease } from "../../src/model/prepared.ts";
import type { Inline } from "../../src/model/release.ts";
import { formatDate, formatDateTime, labelsFor, listComma } from "./labels.ts";
import { paletteOf } from "./tokens.ts";
import type { Style } from "../../src/compose/style.ts";
import { LOGO_MAX_HEIGHT, type BrandLogo, type ColourName } from "../../src/model/brand.ts";

/** The release's colours (the brand's, else the design's) as CSS colours: `c("accent")`. */
const coloursOf = (prepared: PreparedRelease) => {
  const palette = paletteOf(prepared);
  return (name: ColourName) => palette[name].rgb;
};

/** Small print (masthead, contact): a little smaller than the body, but never below 16 pt in large print. */
const uiSize = (o: HandoutOptions) => (o.bodySize >= 16 ? o.bodySize : o.bodySize * 0.9);

export type HandoutOptions = {
  /** Body text size, pt. */
  bodySize: number;
  /** Line height as a multiple of the size. */
  leading: number;
  /** Justified, hyphenated body text (default); false: ragged, no hyphenation (large print). */
  justify?: boolean;
  /** The font role of body text: serif `body` (default) or sans `ui`. */
  bodyFont?: "body" | "ui";
  /** `highlight`: a tinted panel with a rule; `plain`: a quotation, and repeats left out. */
  pullQuote?: "highlight" | "plain";
  /** Headline size as a multiple of the body size (default 2.1). */
  headlineScale?: number;
};

function blockStyles(prepared: PreparedRelease, o: HandoutOptions): BlockStyles {
  const c = coloursOf(prepared);
  const rtl = prepared.direction === "rtl";
  const justify = o.justify ?? true;
  const start = rtl ? "right" : "left";
  const body: Style = {
    fontFamily: prepared.fonts[o.bodyFont ?? "body"],
    fontSize: o.bodySize,
    lineHeight: o.leading,
    textAlign: justify ? "justify" : start,
    marginBottom: o.bodySize * (justify ? 0.5 : 0.8),
  };
  const plainQuote = o.pullQuote === "plain";
  const heading: Style = { fontFamily: prepared.fonts.heading, fontWeight: 700, color: c("accent"), textAlign: rtl ? "right" : "left" };
  return {
    paragraph: body,
    heading2: { ...heading, fontSize: o.bodySize * 1.25, marginTop: o.bodySize * 0.6, marginBottom: o.bodySize * 0.4 },
    heading3: { ...heading, fontSize: o.bodySize * 1.1, marginTop: o.bodySize * 0.4, marginBottom: o.bodySize * 0.3 },
    quote: { marginLeft: rtl ? 0 : 18, marginRight: rtl ? 18 : 0, fontStyle: "italic" },
    pullQuote: plainQuote ? {
      box: { marginVertical: o.bodySize * 0.6, ...(rtl ? { paddingRight: o.bodySize } : { paddingLeft: o.bodySize }) },
      text: { ...body, fontStyle: "italic" },
      attribution: { ...body, marginTop: 2 },
    } : {
      box: {
        marginVertical: o.bodySize * 0.6,
        paddingVertical: 8,
        paddingHorizontal: 12,
        backgroundColor: c("accentSoft"),
        ...(rtl ? { borderRight: `3pt solid ${c("accent")}` } : { borderLeft: `3pt solid ${c("accent")}` }),
      },
      text: { fontFamily: prepared.fonts.heading, fontSize: o.bodySize * 1.45, lineHeight: 1.3, color: c("accent"), fontWeight: 700 },
      attribution: { fontFamily: prepared.fonts.heading, fontSize: o.bodySize * 0.95, marginTop: 4, color: c("muted") },
    },
    list: { marginBottom: o.bodySize * 0.5 },
    listItem: { marginBottom: 1 },
    // Labels are left-aligned in their box (see Body); in RTL the gap to the item's text is on that side.
    listLabel: { width: o.bodySize * 1.4, ...(rtl ? { paddingLeft: o.bodySize * 0.6 } : {}), fontFamily: prepared.fonts[o.bodyFont ?? "body"], fontSize: o.bodySize, lineHeight: o.leading },
    listBody: {},
    listParagraph: { ...body, textAlign: start, marginBottom: 0 },
    figure: { width: "100%", marginTop: o.bodySize * 0.3, marginBottom: 3 },
    caption: { fontFamily: prepared.fonts.ui, fontSize: uiSize(o), color: c("muted"), marginBottom: o.bodySize * 0.6 },
    inline: { link: { color: c("link"), textDecoration: "underline" } },
    rtl,
    hyphenate: justify,
    omitRepeatedPullQuotes: plainQuote,
  };
}

/** The logo's size in the masthead: `height` pt high, never wider than `maxWidth`, aspect ratio kept. */
function logoBox(logo: BrandLogo, height: number, maxWidth: number): { width: number; height: number } {
  const width = (height * logo.width) / logo.height;
  return width <= maxWidth ? { width, height } : { width: maxWidth, height: (maxWidth * logo.height) / logo.width };
}

function Masthead({ prepared, o, width }: { prepared: PreparedRelease; o: HandoutOptions; width: number }) {
  const { meta } = prepared.release;
  const c = coloursOf(prepared);
  const labels = labelsFor(prepared.lang);
  const rtl = prepared.direction === "rtl";
  const ui = { fontFamily: prepared.fonts.ui, fontSize: uiSize(o), color: c("muted") };
  const logo = prepared.brand?.logo;
  // The brand logo sits before the organisation name, which says the same: decoration, an artifact.
  const box = logo ? logoBox(logo, Math.min(LOGO_MAX_HEIGHT, Math.max(28, uiSize(o) * 2.5)), width * 0.4) : undefined;
  return (
    <View style={{ marginBottom: 14 }}>
      {/* A long organisation name wraps in the room the label leaves; the label never wraps. */}
      <View style={{ flexDirection: rtl ? "row-reverse" : "row", justifyContent: "space-between", alignItems: logo ? "center" : "flex-start" }}>
        {logo && box ? (
          <Artifact style={{ ...box, flexShrink: 0, flexGrow: 0, ...(rtl ? { marginLeft: uiSize(o) } : { marginRight: uiSize(o) }) }}>
            <Image src={logo.src} style={box} />
          </Artifact>
        ) : null}
        <PlainText text={meta.organization} style={{ ...ui, fontWeight: 700, color: c("accent"), flexGrow: 1, flexShrink: 1, flexBasis: 0 }} />
        <PlainText text={labels.pressRelease} style={{ ...ui, textTransform: "none", flexShrink: 0, flexGrow: 0, ...(rtl ? { marginRight: 12 } : { marginLeft: 12 }) }} {...(labels.lang ? { lang: labels.lang } : {})} />
      </View>
      <Artifact style={{ height: 2.5, backgroundColor: c("accent"), marginVertical: 6 }} />
      {meta.embargo ? (
        <PlainText text={`${labels.embargo} ${formatDateTime(meta.embargo, prepared.lang)}`} style={{ ...ui, fontWeight: 700 }} />
      ) : null}
    </View>
  );
}

function Lede({ prepared, inlines, pos, style, hyphenate }: { prepared: PreparedRelease; inlines: Inline[]; pos: { line: number; column: number }; style: Style; hyphenate: boolean }) {
  const { meta } = prepared.release;
  const dateline = `${[meta.place?.toLocaleUpperCase(prepared.lang), formatDate(meta.date, prepared.lang)].filter(Boolean).join(listComma(prepared.lang))} – `;
  return (
    <RichText
      inlines={inlines}
      pos={pos}
      style={style}
      hyphenate={hyphenate}
      lead={dateline}
      leadStyle={{ fontWeight: 700 }}
    />
  );
}

/** Name, address and phone of the press contact, one per line (no separators for bidi to reorder). */
function Contact({ prepared, o }: { prepared: PreparedRelease; o: HandoutOptions }) {
  const contact = prepared.release.meta.contact;
  if (!contact) return null;
  const pos = prepared.release.metaPos.contact ?? { line: 1, column: 1 };
  const text = (value: string): Inline => ({ kind: "text", text: value, pos });
  const lines: Inline[][] = [];
  if (contact.name) lines.push([text(contact.name)]);
  if (contact.email) lines.push([{ kind: "link", href: `mailto:${contact.email}`, children: [text(contact.email)], pos }]);
  // A phone number is never broken across lines.
  const phone = contact.phone ? text(contact.phone.replace(/ /g, "\u00a0")) : undefined;
  const ui = { fontFamily: prepared.fonts.ui, fontSize: uiSize(o) };
  const labels = labelsFor(prepared.lang);
  const c = coloursOf(prepared);
  return (
    <Group role="Sect" style={{ marginTop: 10, paddingTop: 6, borderTop: `0.75pt solid ${c("accent")}` }} wrap={false}>
      <PlainText role="H2" text={labels.contact} {...(labels.lang ? { lang: labels.lang } : {})} style={{ ...ui, fontWeight: 700, color: c("accent"), marginBottom: 2 }} />
      {lines.map((inlines, i) => (
        <RichText key={i} inlines={inlines} style={{ ...ui, fontSize: o.bodySize, color: c("ink") }} hyphenate={false} inlineStyles={{ link: { color: c("link") } }} />
      ))}
      {/* A phone number reads left to right in every language ("+44 …", not "… 0123+" in Arabic). */}
      {phone ? <RichText inlines={[phone]} style={{ ...ui, fontSize: o.bodySize, color: c("ink"), direction: "ltr", textAlign: prepared.direction === "rtl" ? "right" : "left" }} hyphenate={false} /> : null}
    </Group>
  );
}

/** The handout design as layout parts, for a page spec and type options. */
export function handoutParts(page: PageSpec, o: HandoutOptions): LayoutParts {
  const [, right, bottom, left] = page.margins;
  const width = page.size[0] - left - right;
  return {
    Header: ({ prepared }) => (
      <>
        <Masthead prepared={prepared} o={o} width={width} />
        <Headline style={{ fontFamily: prepared.fonts.heading, fontWeight: 700, fontSize: o.bodySize * (o.headlineScale ?? 2.1), lineHeight: 1.15, marginBottom: 6 }} />
        <Standfirst style={{ fontFamily: prepared.fonts.heading, fontSize: o.bodySize * 1.15, lineHeight: 1.35, color: coloursOf(prepared)("muted") }} />
      </>
    ),
    Body: ({ prepared }) => {
      const styles = blockStyles(prepared, o);
      const [first, ...rest] = prepared.release.blocks;
      const lede = first?.kind === "paragraph" ? first : undefined;
      return (
        <>
          {lede ? <Lede prepared={prepared} inlines={lede.inlines} pos={lede.pos} style={styles.paragraph!} hyphenate={styles.hyphenate ?? true} /> : null}
          <Body blocks={lede ? rest : prepared.release.blocks} styles={styles} />
          <Contact prepared={prepared} o={o} />
        </>
      );
    },
    Footer: ({ prepared, pageNumber, totalPages }) => (
      <Footer
        pageNumber={pageNumber}
        totalPages={totalPages}
        style={{ position: "absolute", bottom: Math.min(bottom / 2, 34), left, right, flexDirection: prepared.direction === "rtl" ? "row-reverse" : "row", justifyContent: "space-between", borderTop: `0.5pt solid ${coloursOf(prepared)("muted")}`, paddingTop: 4 }}
        textStyle={{ fontFamily: prepared.fonts.ui, fontSize: Math.max(8, o.bodySize * 0.75), color: coloursOf(prepared)("muted") }}
      />
    ),
  };
}

/** Every page's text colour: the release's ink. */
export const handoutPageStyle = (prepared: PreparedRelease): Style => ({ color: paletteOf(prepared).ink.rgb });
