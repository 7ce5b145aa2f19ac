import { createElement as h } from "react";
import { Document, Page, Text, pdf } from "@react-pdf/renderer";
import layout from "@react-pdf/layout";
import { describe, expect, it } from "vitest";
import type { Inline, Release } from "../../src/model/release.ts";
import { createFontStore, loadFontManifest } from "../../src/prepare/fonts.ts";
import { hyphenatorFor } from "../../src/prepare/hyphenate.ts";
import { applySpacing, applyTypography, NBSP, NNBSP, spaceInlines, spacingRulesFor } from "../../src/prepare/typography.ts";

const pos = { line: 1, column: 1 };
const text = (t: string, line = 1): Inline => ({ kind: "text", text: t, pos: { line, column: 1 } });
/** Spaces made visible: U+00A0 → "⍽", U+202F → "·". */
const show = (s: string) => s.replaceAll(NBSP, "⍽").replaceAll(NNBSP, "·");
const spaced = (t: string, lang: string) => show(applySpacing(t, lang));

describe("French punctuation", () => {
  it("puts U+202F before ; ! ? and U+00A0 before :, replacing the ordinary space", () => {
    expect(spaced("Vraiment ! Pourquoi ? Parce que ; enfin : oui.", "fr")).toBe("Vraiment·! Pourquoi·? Parce que·; enfin⍽: oui.");
  });

  it("inserts the space where it is missing", () => {
    expect(spaced("Vraiment! Pourquoi? Parce que; enfin: oui.", "fr")).toBe("Vraiment·! Pourquoi·? Parce que·; enfin⍽: oui.");
  });

  it("puts U+202F inside guillemets, replacing or inserting", () => {
    expect(spaced("« Bonjour », dit-il. «Salut»", "fr")).toBe("«·Bonjour·», dit-il. «·Salut·»");
  });

  it("applies to every French region", () => {
    expect(spaced("Pourquoi ?", "fr-CH")).toBe("Pourquoi·?");
    expect(spaced("Pourquoi ?", "fr-CA")).toBe("Pourquoi·?");
  });

  it("puts one space before a group of ? and !", () => {
    expect(spaced("Quoi?? Vraiment ?! Non!!!", "fr")).toBe("Quoi·?? Vraiment·?! Non·!!!");
  });

  it("leaves times and ratios alone", () => {
    expect(spaced("Ouverture à 10:00, rapport 1:2.", "fr")).toBe("Ouverture à 10:00, rapport 1:2.");
  });

  it("leaves URLs and e-mail addresses alone", () => {
    expect(spaced("Voir https://harbourtown.example/a?b=1;c=2 ou www.example.org/x?y!", "fr")).toBe("Voir https://harbourtown.example/a?b=1;c=2 ou www.example.org/x?y!");
    expect(spaced("Écrire à press@harbourtown.example: merci", "fr")).toBe("Écrire à press@harbourtown.example: merci");
    expect(spaced("Site : harbourtown.example/library?", "fr")).toBe("Site⍽: harbourtown.example/library?");
  });

  it("does not insert after an opening bracket or at the start", () => {
    expect(spaced("(?) et !", "fr")).toBe("(?) et·!");
  });

  it("is not applied to English, German or Spanish", () => {
    for (const lang of ["en", "de", "es"]) expect(spaced("What? Yes: « no »!", lang)).toBe("What? Yes: « no »!");
  });
});

describe("French numbers and times", () => {
  it("keeps space-grouped thousands together with U+202F", () => {
    expect(spaced("4 000 livres, 1 250 000 habitants, 800 000 livres", "fr")).toBe("4·000 livres, 1·250·000 habitants, 800·000 livres");
  });

  it("does not join a year and the next number", () => {
    expect(spaced("en 2019 300 personnes", "fr")).toBe("en 2019 300 personnes");
  });

  it("keeps times with h together", () => {
    expect(spaced("de 9 h 30 à 15 h 30, de 10 h à 16 h", "fr")).toBe("de 9⍽h⍽30 à 15⍽h⍽30, de 10⍽h à 16⍽h");
  });

  it("uses U+202F before % and €, U+00A0 before other units", () => {
    expect(spaced("50 % et 20 € pour 1,2 million et 3 km", "fr")).toBe("50·% et 20·€ pour 1,2⍽million et 3⍽km");
  });
});

describe("numbers and units, all languages", () => {
  it("keeps a number and its unit or currency together with U+00A0", () => {
    expect(spaced("12 % more, 3 km away, 20 °C, 30 km/h, 5 kg, £1.2 million, € 5 and $ 10", "en")).toBe(
      "12⍽% more, 3⍽km away, 20⍽°C, 30⍽km/h, 5⍽kg, £1.2⍽million, €⍽5 and $⍽10",
    );
    expect(spaced("um 10 Uhr, 5 Mio. Euro, 2 Mrd. Menschen, 20 %", "de")).toBe("um 10⍽Uhr, 5⍽Mio. Euro, 2⍽Mrd. Menschen, 20⍽%");
    expect(spaced("1,2 millones de euros, 2 mil personas", "es")).toBe("1,2⍽millones de euros, 2⍽mil personas");
    expect(spaced("1,2 мільйона, 5 млн, 3 тис. осіб, 100 грн", "uk")).toBe("1,2⍽мільйона, 5⍽млн, 3⍽тис. осіб, 100⍽грн");
  });

  it("does not take the start of a word for a unit", () => {
    expect(spaced("2 300 habitants, en 2019 l’équipe, 3 miles, 4 hours", "en")).toBe("2 300 habitants, en 2019 l’équipe, 3 miles, 4 hours");
    expect(spaced("en 2019 l’équipe", "fr")).toBe("en 2019 l’équipe");
  });

  it("uses another language's words only in that language", () => {
    expect(spaced("5 Uhr", "en")).toBe("5 Uhr");
    expect(spaced("5 млн", "en")).toBe("5 млн");
  });
});

describe("German abbreviations", () => {
  it("puts U+202F inside z. B., d. h., u. a.", () => {
    expect(spaced("Das sind z. B. Bücher, d. h. Romane u. a. m. Z. B. so.", "de")).toBe("Das sind z.·B. Bücher, d.·h. Romane u.·a. m. Z.·B. so.");
  });

  it("is German only, and leaves a word ending in the letter alone", () => {
    expect(spaced("z. B.", "en")).toBe("z. B.");
    expect(spaced("Das Netz. B. sagt", "de")).toBe("Das Netz. B. sagt");
  });
});

describe("single-letter words", () => {
  it("keeps Ukrainian і, й, в, у, з, а, о with the next word", () => {
    expect(spaced("Рада і в місті, у 2024 році. В Україні з нами, а о п’ятій", "uk")).toBe("Рада і⍽в⍽місті, у⍽2024 році. В⍽Україні з⍽нами, а⍽о⍽п’ятій");
  });

  it("keeps Polish and Czech ones with the next word", () => {
    expect(spaced("W domu i w pracy, a o tym z nami u niej", "pl")).toBe("W⍽domu i⍽w⍽pracy, a⍽o⍽tym z⍽nami u⍽niej");
    expect(spaced("V Praze k řece s námi a i o tom", "cs")).toBe("V⍽Praze k⍽řece s⍽námi a⍽i⍽o⍽tom");
  });

  it("is not applied to English or to a letter ending a word or an abbreviation", () => {
    expect(spaced("a book, i see", "en")).toBe("a book, i see");
    expect(spaced("м. в центрі, п’ять і", "uk")).toBe("м. в⍽центрі, п’ять і");
  });
});

describe("inlines", () => {
  it("applies across inline elements, putting an inserted space with its mark", () => {
    const inlines: Inline[] = [
      text("«"),
      { kind: "emphasis", pos, children: [text("Bonjour")] },
      text("» et "),
      { kind: "strong", pos, children: [text("Gull Island")] },
      text(": ok"),
    ];
    const out = spaceInlines(inlines, "fr");
    expect(out.map((i) => (i.kind === "text" ? show(i.text) : i))).toEqual([
      "«·",
      { kind: "emphasis", pos, children: [text("Bonjour")] },
      "·» et ",
      { kind: "strong", pos, children: [text("Gull Island")] },
      "⍽: ok",
    ]);
  });

  it("follows the language of a phrase: no French spacing inside an English one", () => {
    const inlines: Inline[] = [
      text("Il a dit "),
      { kind: "lang", lang: "en", pos, children: [text("Really? Yes: 5 % off!")] },
      text(" !"),
    ];
    const out = spaceInlines(inlines, "fr");
    expect(show((out[0] as { text: string }).text)).toBe("Il a dit ");
    expect(show(((out[1] as { children: Inline[] }).children[0] as { text: string }).text)).toBe("Really? Yes: 5⍽% off!");
    expect(show((out[2] as { text: string }).text)).toBe("·!");
  });

  it("leaves link text that is an address alone and keeps hrefs and positions", () => {
    const inlines: Inline[] = [
      text("Écrire à ", 3),
      { kind: "link", href: "mailto:press@x.example", pos: { line: 3, column: 10 }, children: [text("press@x.example", 3)] },
      text(" ; voir ", 3),
      { kind: "link", href: "https://x.example/a?b", pos: { line: 3, column: 40 }, children: [text("la page ?", 3)] },
    ];
    const out = spaceInlines(inlines, "fr");
    expect(out[1]).toEqual(inlines[1]);
    expect(show((out[2] as { text: string }).text)).toBe("·; voir ");
    expect(out[3]).toEqual({ ...inlines[3], children: [text("la page·?".replace("·", NNBSP), 3)] });
  });
});

function release(lang: string, body: Inline[]): Release {
  return {
    slug: "launch",
    lang,
    file: "content/launch/x.md",
    meta: {
      title: "Le bateau : enfin !",
      standfirst: "Il embarque 4 000 livres.",
      organization: "Conseil « municipal »",
      date: "2026-05-14",
      place: "Ville ?",
      contact: { name: "Service : presse", email: "press@x.example", phone: "+33 1 234 567" },
    },
    metaPos: { title: { line: 2, column: 8 } },
    blocks: [
      { kind: "heading", level: 2, pos, inlines: [text("Contexte : oui")] },
      { kind: "paragraph", pos, inlines: body },
      { kind: "quote", pos, blocks: [{ kind: "paragraph", pos, inlines: [text("Cité !")] }] },
      { kind: "list", ordered: false, pos, items: [[{ kind: "paragraph", pos, inlines: [text("Un : deux")] }]] },
      { kind: "pullquote", pos, inlines: [text("« Oui »")], attribution: [text("— Mira, 10 h")] },
      { kind: "figure", pos, src: "/x/a.jpg", alt: "Alt : pas imprimé", caption: [text("Photo : Tom")] },
    ],
  };
}

describe("applyTypography", () => {
  it("spaces every printed text of a release and returns a new release", () => {
    const input = release("fr", [text("Bonjour !")]);
    const snapshot = structuredClone(input);
    const out = applyTypography(input, "fr");
    expect(input).toEqual(snapshot); // not mutated
    expect(out).not.toBe(input);
    expect(show(out.meta.title)).toBe("Le bateau⍽: enfin·!");
    expect(show(out.meta.standfirst!)).toBe("Il embarque 4·000 livres.");
    expect(show(out.meta.organization)).toBe("Conseil «·municipal·»");
    expect(show(out.meta.place!)).toBe("Ville·?");
    expect(out.meta.contact).toEqual({ name: `Service${NBSP}: presse`, email: "press@x.example", phone: "+33 1 234 567" });
    expect(out.meta.date).toBe("2026-05-14");
    expect(out.metaPos).toEqual(input.metaPos);
    const [heading, para, quote, list, pull, figure] = out.blocks as never[] as any[];
    expect(show(heading.inlines[0].text)).toBe("Contexte⍽: oui");
    expect(show(para.inlines[0].text)).toBe("Bonjour·!");
    expect(show(quote.blocks[0].inlines[0].text)).toBe("Cité·!");
    expect(show(list.items[0][0].inlines[0].text)).toBe("Un⍽: deux");
    expect(show(pull.inlines[0].text)).toBe("«·Oui·»");
    expect(show(pull.attribution[0].text)).toBe("— Mira, 10⍽h");
    expect(figure.alt).toBe("Alt : pas imprimé");
    expect(show(figure.caption[0].text)).toBe("Photo⍽: Tom");
    expect(para.inlines[0].pos).toEqual(pos);
  });

  it("returns an English release without units unchanged", () => {
    const input: Release = {
      ...release("en", [text("The library opens on Friday: what a day! Write to press@x.example; see www.example.org.")]),
      meta: { title: "Library: open", organization: "Council", date: "2026-05-14", place: "Harbour Town", contact: { name: "Press office" } },
      blocks: [{ kind: "paragraph", pos, inlines: [text("The library opens on Friday: what a day! Read “A Tale” (2019) at 10:00?")] }],
    };
    expect(applyTypography(input, "en")).toEqual(input);
  });

  it("only replaces or inserts spaces", () => {
    const before = "« Depuis trop longtemps, c’est passer en dernier », a-t-il dit: 4 000 livres à 9 h 30 ; 50 %!";
    const after = applySpacing(before, "fr");
    const letters = (t: string) => t.replace(/[ \u00a0\u202f]/g, "");
    expect(letters(after)).toBe(letters(before));
    expect(after.length - before.length).toBe(2); // before ":" and "!"
    expect(after).not.toContain("  ");
  });
});

describe("spacingRulesFor", () => {
  it("finds rules by language subtag, none for unknown languages", () => {
    expect(spacingRulesFor("fr-CH")).toBe(spacingRulesFor("fr"));
    expect(spacingRulesFor("xx")).toEqual({});
    expect(spacingRulesFor("not a tag!")).toEqual({});
  });
});

describe("in react-pdf's layout", () => {
  type Node = { type: string; lines?: { string: string }[]; children?: Node[] };
  async function lines(children: unknown, width: number, hyphenate = hyphenatorFor("fr")!): Promise<string[]> {
    const { manifest } = await loadFontManifest("fonts");
    const text = h(Text, { hyphenationCallback: hyphenate as never, style: { fontFamily: "serif", fontSize: 10, width } }, children as never);
    const element = h(Document, null, h(Page, { size: "A4" }, text));
    const container = (pdf(element as never) as unknown as { container: { document: unknown } }).container;
    const root = (await (layout as unknown as (doc: unknown, fonts: unknown) => Promise<Node>)(container.document, createFontStore(manifest!))) as Node;
    return root.children![0]!.children![0]!.lines!.map((l) => l.string);
  }

  it("never breaks a line at U+00A0 or U+202F inside a word's chunk", async () => {
    const plain = Array(10).fill("« Bonjour ! » Quoi ? Oui ; non : 4 000 livres, 9 h 30, 50 %.").join(" ");
    // Control: with ordinary spaces, lines do start with marks.
    expect((await lines(plain, 55)).some((line) => /^[»!?;:]/.test(line))).toBe(true);
    const text = applySpacing(plain, "fr");
    for (const width of [40, 55, 70, 90]) {
      const laidOut = await lines(text, width);
      expect(laidOut.length).toBeGreaterThan(10);
      for (const line of laidOut) {
        // No line starts with a mark, a unit or the rest of a number, none ends with « or a no-break space.
        expect(line, `width ${width}`).not.toMatch(/^(?:[\s»!?;:%]|h\b|000|30\b)/u);
        expect(line, `width ${width}`).not.toMatch(/«\s*$|[\u00a0\u202f]$/u);
      }
    }
  });

  it("does break at a text run that is nothing but a no-break space (textkit 7.0.1 makes it glue)", async () => {
    const runs = Array.from({ length: 8 }, (_, i) => [h(Text, { key: `a${i}`, style: { fontStyle: "italic" } }, "Bonjour"), NNBSP, h(Text, { key: `b${i}` }, "Madame ")]).flat();
    const laidOut = await lines(runs, 60, (word) => [word]);
    expect(laidOut.slice(0, 2)).toEqual([`Bonjour${NNBSP}`, "Madame "]);
  });
});
