/**
 * The text/html part: a React component rendered to static markup with
 * react-dom/server. Semantic and self-contained, as mail clients need it:
 *
 * - one `h1` (the headline), `h2`/`h3` for sections, `p`, `ul`/`ol`, real
 *   `a` links, `span lang` for foreign phrases, `blockquote` for quotations
 *   and for a pull quote that does not repeat the body (one that does is
 *   left out: a reader hears the body once, as in the PDF);
 * - `lang` and `dir` on `<html>` and again on the message's column, because
 *   webmail keeps only what is inside `<body>`;
 * - inline CSS only (html-style.ts): no `<style>`, no external style sheet,
 *   no script, no remote image. Images are `cid:` parts of the message
 *   (images.ts); a figure that is not sent shows its caption or alt text.
 */
import React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { pullQuoteRepeatsBody } from "../compose/pullquote.ts";
import { paletteOf } from "../../layouts/shared/tokens.ts";
import type { PreparedRelease } from "../model/prepared.ts";
import type { Block, Inline } from "../model/release.ts";
import { emailStyles, type EmailStyles } from "./html-style.ts";
import type { FigureBlock, InlineImage, InlineImages } from "./images.ts";
import { telHref, type EmailTexts, type Label } from "./texts.ts";

type Context = { prepared: PreparedRelease; s: EmailStyles; images: InlineImages };

const labelProps = (l: Label) => (l.lang ? { lang: l.lang } : {});

function Inlines({ inlines, c }: { inlines: readonly Inline[]; c: Context }): React.ReactNode {
  return inlines.map((item, i) => {
    switch (item.kind) {
      case "text":
        return item.text;
      case "strong":
        return <strong key={i}><Inlines inlines={item.children} c={c} /></strong>;
      case "emphasis":
        return <em key={i}><Inlines inlines={item.children} c={c} /></em>;
      case "link":
        return <a key={i} href={item.href} style={c.s.link}><Inlines inlines={item.children} c={c} /></a>;
      case "lang":
        return <span key={i} lang={item.lang}><Inlines inlines={item.children} c={c} /></span>;
    }
  });
}

function Figure({ block, c }: { block: FigureBlock; c: Context }) {
  const image = c.images.get(block);
  if (!image) {
    // Left to the attached PDF: the words stand in for the picture.
    return <p style={c.s.figureText}>{block.caption ? <Inlines inlines={block.caption} c={c} /> : block.alt}</p>;
  }
  return (
    <figure style={c.s.figure}>
      {/* fetchPriority="low" stops react-dom adding a <link rel="preload"> for the image to <head>. */}
      <img src={`cid:${image.cid}`} alt={block.alt} {...(image.width ? { width: image.width, height: image.height } : {})} style={c.s.image} fetchPriority="low" />
      {block.caption ? <figcaption style={c.s.caption}><Inlines inlines={block.caption} c={c} /></figcaption> : null}
    </figure>
  );
}

function Blocks({ blocks, c, inList = false }: { blocks: readonly Block[]; c: Context; inList?: boolean }): React.ReactNode {
  return blocks.map((block, i) => {
    switch (block.kind) {
      case "paragraph":
        return <p key={i} style={inList ? c.s.listParagraph : c.s.paragraph}><Inlines inlines={block.inlines} c={c} /></p>;
      case "heading":
        return block.level === 2
          ? <h2 key={i} style={c.s.h2}><Inlines inlines={block.inlines} c={c} /></h2>
          : <h3 key={i} style={c.s.h3}><Inlines inlines={block.inlines} c={c} /></h3>;
      case "pullquote":
        if (pullQuoteRepeatsBody(c.prepared.release, block)) return null;
        return (
          <blockquote key={i} style={c.s.pullQuote}>
            <p style={c.s.pullQuoteText}><Inlines inlines={block.inlines} c={c} /></p>
            {block.attribution ? <p style={c.s.pullQuoteAttribution}><Inlines inlines={block.attribution} c={c} /></p> : null}
          </blockquote>
        );
      case "quote":
        return <blockquote key={i} style={c.s.quote}><Blocks blocks={block.blocks} c={c} /></blockquote>;
      case "list": {
        const items = block.items.map((item, j) => <li key={j} style={c.s.listItem}><Blocks blocks={item} c={c} inList /></li>);
        return block.ordered
          ? <ol key={i} start={block.start ?? 1} style={c.s.list}>{items}</ol>
          : <ul key={i} style={c.s.list}>{items}</ul>;
      }
      case "figure":
        return <Figure key={i} block={block} c={c} />;
    }
  });
}

function Contact({ c, texts }: { c: Context; texts: EmailTexts }) {
  const contact = c.prepared.release.meta.contact;
  if (!contact || !(contact.name || contact.email || contact.phone)) return null;
  return (
    <div style={c.s.contact}>
      <h2 style={c.s.contactHeading} {...labelProps(texts.contactHeading)}>{texts.contactHeading.text}</h2>
      {contact.name ? <p style={c.s.contactLine}>{contact.name}</p> : null}
      {contact.email ? <p style={c.s.contactLine}><a href={`mailto:${contact.email}`} style={c.s.link}>{contact.email}</a></p> : null}
      {/* A phone number reads left to right in every language ("+44 …", not "… 0123+" in Arabic). */}
      {contact.phone ? <p style={c.s.contactLine}><a href={telHref(contact.phone)} dir="ltr" style={c.s.link}>{contact.phone}</a></p> : null}
    </div>
  );
}

export function ReleaseEmail({ prepared, texts, images, logo }: { prepared: PreparedRelease; texts: EmailTexts; images: InlineImages; logo?: InlineImage | undefined }) {
  const { meta, blocks } = prepared.release;
  const c: Context = { prepared, s: emailStyles(prepared.lang, prepared.direction, paletteOf(prepared)), images };
  const [first, ...rest] = blocks;
  const lede = first?.kind === "paragraph" ? first : undefined;
  const where = { lang: prepared.lang, dir: prepared.direction };
  return (
    <html {...where}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{meta.title}</title>
      </head>
      <body style={c.s.body}>
        {/*
          main: the message is the page's main content (a client that shows it as its own document, such as
          Thunderbird or Apple Mail, offers it as a landmark). Inside, the e-mail accessibility pattern: a
          labelled article, so a screen reader announces where the message starts, also where a webmail drops
          <main>. The article, not <html>, carries what must survive such a client: lang, dir, the column style.
        */}
        <main>
          <div role="article" aria-roledescription="email" aria-label={texts.subject} {...where} style={c.s.article}>
            <p style={c.s.masthead}>
              {/* The organisation's name is written beside it: the logo says nothing more (alt=""). */}
              {logo ? <img src={`cid:${logo.cid}`} alt="" width={logo.width} height={logo.height} style={c.s.logo} /> : null}
              <span style={c.s.organization}>{meta.organization}</span>
              <br />
              <span {...labelProps(texts.pressRelease)}>{texts.pressRelease.text}</span>
            </p>
            {texts.embargo ? <p style={c.s.embargo} {...labelProps(texts.embargo)}>{texts.embargo.text}</p> : null}
            <h1 style={c.s.h1}>{meta.title}</h1>
            {meta.standfirst ? <p style={c.s.standfirst}>{meta.standfirst}</p> : null}
            {lede ? (
              <p style={c.s.paragraph}>
                <strong style={c.s.dateline}>{texts.dateline}</strong>
                <Inlines inlines={lede.inlines} c={c} />
              </p>
            ) : null}
            <Blocks blocks={lede ? rest : blocks} c={c} />
            <Contact c={c} texts={texts} />
          </div>
        </main>
      </body>
    </html>
  );
}

/** The whole HTML document, as the text/html part carries it. */
export function renderReleaseHtml(prepared: PreparedRelease, texts: EmailTexts, images: InlineImages, logo?: InlineImage): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(<ReleaseEmail prepared={prepared} texts={texts} images={images} logo={logo} />)}\n`;
}
