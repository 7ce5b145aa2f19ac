/**
 * Inline CSS for the HTML part. Mail clients drop `<style>` blocks, external
 * style sheets and much of modern CSS (Outlook for Windows renders with
 * Word), so every element carries its own `style` with only properties they
 * keep: font-*, color, background-color, margin, padding, border, text-align,
 * text-decoration, line-height, max-width and display. No flex, grid,
 * positions, CSS variables or logical properties (`margin-inline-*`): the
 * sides are chosen here from the writing direction.
 *
 * Colours are the layouts' design tokens (with the project's brand colours,
 * if it has any), so the message matches the PDF.
 */
import type { CSSProperties } from "react";
import { colours, type Palette } from "../../layouts/shared/tokens.ts";
import { scriptOf } from "../prepare/prepare.ts";

/** Font stacks of fonts that mail clients' systems have, by script, ending in a generic family. */
function fontStacks(lang: string): { text: string; ui: string } {
  const script = scriptOf(lang);
  if (script === "Arab" || script === "Aran") {
    const arabic = "'Segoe UI', Tahoma, 'Geeza Pro', 'Noto Sans Arabic', Vazirmatn, Arial, sans-serif";
    return { text: arabic, ui: arabic };
  }
  if (script === "Hebr") {
    const hebrew = "'Segoe UI', Arial, 'Arial Hebrew', 'Noto Sans Hebrew', sans-serif";
    return { text: hebrew, ui: hebrew };
  }
  return {
    text: "Georgia, 'Noto Serif', 'Times New Roman', serif",
    ui: "'Segoe UI', 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  };
}

export type EmailStyles = ReturnType<typeof emailStyles>;

export function emailStyles(lang: string, direction: "ltr" | "rtl", palette: Palette = colours) {
  const c = (name: keyof Palette): string => palette[name].rgb;
  const fonts = fontStacks(lang);
  const start = direction === "rtl" ? "right" : "left";
  const startSide = (property: "padding" | "margin" | "border", value: string | number): CSSProperties =>
    ({ [`${property}${direction === "rtl" ? "Right" : "Left"}`]: value }) as CSSProperties;
  const text: CSSProperties = { fontFamily: fonts.text, fontSize: "16px", lineHeight: "1.55", color: c("ink"), textAlign: start, margin: "0 0 16px 0" };
  const ui: CSSProperties = { fontFamily: fonts.ui, textAlign: start };
  return {
    body: { margin: 0, padding: 0, backgroundColor: "#ffffff", color: c("ink") } satisfies CSSProperties,
    /** The message's column: centred, at most 600 px wide (Outlook for Windows ignores max-width and uses the window). */
    article: { maxWidth: "600px", margin: "0 auto", padding: "24px 16px", backgroundColor: "#ffffff", textAlign: start } satisfies CSSProperties,
    masthead: { ...ui, fontSize: "14px", lineHeight: "1.4", color: c("muted"), margin: "0 0 20px 0", paddingBottom: "8px", borderBottom: `3px solid ${c("accent")}` } satisfies CSSProperties,
    organization: { fontWeight: 700, color: c("accent") } satisfies CSSProperties,
    /** The brand logo above the organisation's name: a block at the start side. */
    logo: { display: "block", border: 0, margin: "0 0 8px 0" } satisfies CSSProperties,
    embargo: { ...ui, fontSize: "15px", fontWeight: 700, color: c("ink"), margin: "0 0 16px 0" } satisfies CSSProperties,
    h1: { ...ui, fontSize: "28px", lineHeight: "1.25", fontWeight: 700, color: c("ink"), margin: "0 0 12px 0" } satisfies CSSProperties,
    standfirst: { ...ui, fontSize: "19px", lineHeight: "1.45", color: c("muted"), margin: "0 0 20px 0" } satisfies CSSProperties,
    paragraph: text,
    dateline: { fontWeight: 700 } satisfies CSSProperties,
    h2: { ...ui, fontSize: "21px", lineHeight: "1.3", fontWeight: 700, color: c("accent"), margin: "28px 0 10px 0" } satisfies CSSProperties,
    h3: { ...ui, fontSize: "18px", lineHeight: "1.3", fontWeight: 700, color: c("accent"), margin: "20px 0 8px 0" } satisfies CSSProperties,
    pullQuote: {
      margin: "24px 0", padding: "12px 16px", backgroundColor: c("accentSoft"), ...startSide("border", `4px solid ${c("accent")}`),
    } satisfies CSSProperties,
    pullQuoteText: { ...ui, fontSize: "21px", lineHeight: "1.35", fontWeight: 700, color: c("accent"), margin: "0" } satisfies CSSProperties,
    pullQuoteAttribution: { ...ui, fontSize: "15px", lineHeight: "1.4", color: c("muted"), margin: "6px 0 0 0" } satisfies CSSProperties,
    quote: { margin: "0 0 16px 0", ...startSide("padding", "16px"), ...startSide("border", `2px solid ${c("muted")}`), fontStyle: "italic" } satisfies CSSProperties,
    list: { ...text, padding: 0, ...startSide("padding", "24px") } satisfies CSSProperties,
    listItem: { margin: "0 0 4px 0" } satisfies CSSProperties,
    listParagraph: { ...text, margin: 0 } satisfies CSSProperties,
    figure: { margin: "8px 0 16px 0" } satisfies CSSProperties,
    image: { display: "block", maxWidth: "100%", height: "auto", border: 0 } satisfies CSSProperties,
    caption: { ...ui, fontSize: "14px", lineHeight: "1.4", color: c("muted"), margin: "6px 0 0 0" } satisfies CSSProperties,
    /** A figure left to the PDF: its caption or alt text, in place of the image. */
    figureText: { ...ui, fontSize: "14px", lineHeight: "1.4", color: c("muted"), fontStyle: "italic", margin: "0 0 16px 0" } satisfies CSSProperties,
    link: { color: c("link"), textDecoration: "underline" } satisfies CSSProperties,
    contact: { margin: "28px 0 0 0", paddingTop: "10px", borderTop: `1px solid ${c("accent")}` } satisfies CSSProperties,
    contactHeading: { ...ui, fontSize: "15px", lineHeight: "1.4", fontWeight: 700, color: c("accent"), margin: "0 0 4px 0" } satisfies CSSProperties,
    contactLine: { ...ui, fontSize: "15px", lineHeight: "1.5", color: c("ink"), margin: 0 } satisfies CSSProperties,
  };
}
