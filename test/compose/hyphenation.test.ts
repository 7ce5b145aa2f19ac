import { describe, expect, it, vi } from "vitest";
import { paragraphHyphenator } from "../../src/compose/hyphenation.ts";
import type { Inline } from "../../src/model/release.ts";
import { hyphenatorFor } from "../../src/prepare/hyphenate.ts";

const pos = { line: 1, column: 1 };
const text = (t: string): Inline => ({ kind: "text", text: t, pos });
const lang = (tag: string, ...children: Inline[]): Inline => ({ kind: "lang", lang: tag, children, pos });

const uk = hyphenatorFor("uk")!;
const en = hyphenatorFor("en-GB")!;

/** An English paragraph quoting a long Ukrainian phrase (which holds one English word). */
const paragraph: Inline[] = [
  text("The international communication programme of the neighbourhood libraries, "),
  lang("uk", text("Міжнародна бібліотечна програма "), { kind: "emphasis", pos, children: [text("комунікації")] }, text(" communication для громади")),
  text(", opens on Friday."),
];

describe("paragraphHyphenator", () => {
  const h = paragraphHyphenator("en-GB", paragraph, en);

  it("hyphenates the Ukrainian phrase's words with Ukrainian patterns", () => {
    for (const word of ["Міжнародна", "бібліотечна", "програма", "комунікації", "громади"]) expect(h(word), word).toEqual(uk(word));
    expect(h("бібліотечна")).toEqual(["бі", "бліо", "те", "чна"]);
    expect(h("комунікації")).toEqual(["ко", "му", "ні", "ка", "ції"]);
  });

  it("hyphenates the English words with English patterns", () => {
    for (const word of ["international", "programme", "neighbourhood", "libraries,"]) expect(h(word), word).toEqual(en(word));
    expect(h("neighbourhood")).toEqual(["neigh", "bour", "hood"]);
  });

  it("does not split a word that occurs both inside and outside the phrase", () => {
    expect(en("communication").length).toBeGreaterThan(1);
    expect(h("communication")).toEqual(["communication"]);
  });

  it("passes spaces through and caches per paragraph", () => {
    expect(h(" ")).toEqual([" "]);
    expect(h("  ")).toEqual(["  "]);
    const base = vi.fn(en);
    const cached = paragraphHyphenator("en-GB", paragraph, base);
    expect(cached("international")).toBe(cached("international"));
    expect(base).toHaveBeenCalledTimes(1);
  });

  it("does not hyphenate the paragraph's words without a base callback", () => {
    const none = paragraphHyphenator("en-GB", paragraph);
    expect(none("international")).toEqual(["international"]);
    expect(none("бібліотечна")).toEqual(uk("бібліотечна"));
  });

  it("does not hyphenate a phrase in a language without patterns, or with an invalid tag", () => {
    const inlines = [text("Read "), lang("zh", text("图书馆 longwordhere")), text(" and "), lang("not a tag!", text("documentation")), text(" documentations")];
    const p = paragraphHyphenator("en", inlines, hyphenatorFor("en"));
    expect(p("longwordhere")).toEqual(["longwordhere"]);
    expect(p("documentation")).toEqual(["documentation"]);
    expect(p("documentations")).toEqual(hyphenatorFor("en")!("documentations"));
  });

  it("treats a phrase in the paragraph's own language as paragraph text", () => {
    const p = paragraphHyphenator("en-GB", [text("The communication "), lang("en-GB", text("communication")), lang("en-gb", text(" programme"))], en);
    expect(p("communication")).toEqual(en("communication"));
    expect(p("programme")).toEqual(en("programme"));
  });

  it("uses the innermost language of nested phrases", () => {
    const p = paragraphHyphenator("en", [text("See "), lang("de", text("die Pressemitteilung "), lang("uk", text("бібліотека")))], hyphenatorFor("en"));
    expect(p("Pressemitteilung")).toEqual(hyphenatorFor("de")!("Pressemitteilung"));
    expect(p("бібліотека")).toEqual(uk("бібліотека"));
  });

  it("finds a part of a phrase's word that textkit cut at a script change", () => {
    const p = paragraphHyphenator("en", [text("Send "), lang("uk", text("PDF-документи")), text(" today")], hyphenatorFor("en"));
    expect(p("документи")).toEqual(uk("документи"));
    expect(p("PDF-документи")).toEqual(uk("PDF-документи"));
    expect(p("PDF-")).toEqual(["PDF-"]);
  });
});

describe("withAddressBreaks", () => {
  it("lets a long web address break after '/', '-', '.' and the like, keeping every character", async () => {
    const { withAddressBreaks } = await import("../../src/compose/hyphenation.ts");
    const split = withAddressBreaks((w) => [w]);
    const url = "(https://www.example.org/en/latest/news/2022/01/further-armed-conflict-would-have-consequences/)";
    const pieces = split(url);
    expect(pieces.join("")).toBe(url);
    expect(pieces).toContain("further-");
    expect(pieces.some((p) => p.includes("//"))).toBe(true); // "https://" is never split
    expect(pieces.every((p) => !p.startsWith("/"))).toBe(true);
    // Short addresses and ordinary words go to the paragraph's own callback.
    expect(split("example.org/x")).toEqual(["example.org/x"]);
    expect(withAddressBreaks(() => ["hy", "phen"])("hyphen")).toEqual(["hy", "phen"]);
  });
});
