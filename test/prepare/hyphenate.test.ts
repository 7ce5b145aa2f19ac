import { describe, expect, it } from "vitest";
import { hyphenatorFor, loadHyphenationExceptions, patternSetFor } from "../../src/prepare/hyphenate.ts";

const en = hyphenatorFor("en")!;
const uk = hyphenatorFor("uk")!;
const de = hyphenatorFor("de")!;

/** Every piece list must join back to exactly the chunk textkit passed. */
function pieces(h: (w: string) => string[], chunk: string): string[] {
  const result = h(chunk);
  expect(result.join("")).toBe(chunk);
  return result;
}

describe("hyphenatorFor", () => {
  it("returns react-pdf's shape: a word → its pieces", () => {
    expect(pieces(en, "hyphenation")).toEqual(["hy", "phen", "ation"]);
    expect(pieces(en, "communication")).toEqual(["com", "mu", "ni", "ca", "tion"]);
  });

  it("keeps the language's minimum fragments (en 2/3)", () => {
    // The patterns alone give "li-cens-es" and "oth-er".
    expect(pieces(en, "licenses")).toEqual(["li", "censes"]);
    expect(pieces(en, "other")).toEqual(["other"]);
    for (const word of ["licenses", "organization", "information", "children", "neighbourhood", "hyphenation"]) {
      const parts = pieces(en, word);
      expect(parts[0]!.length).toBeGreaterThanOrEqual(2);
      expect(parts.at(-1)!.length).toBeGreaterThanOrEqual(3);
    }
    for (const word of ["документи", "бібліотека", "мовлення"]) {
      const parts = pieces(uk, word);
      expect(parts[0]!.length).toBeGreaterThanOrEqual(2);
      expect(parts.at(-1)!.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("never splits words shorter than five letters", () => {
    for (const word of ["over", "into", "data", "ferry"]) expect(pieces(en, word)).toEqual([word]);
  });

  it("never splits URLs, e-mail addresses, paths or words with digits", () => {
    for (const chunk of [
      "https://harbourtown.example/library/announcement",
      "(https://harbourtown.example/library),",
      "www.harbourtown.example",
      "harbourtown.example",
      "press@harbourtown.example",
      "mailto:communications@harbourtown.example.",
      "documents/announcement",
      "2026",
      "COVID-19",
      "10,000,000",
      "500-kilometre",
      "B2B-communication",
    ]) {
      expect(pieces(en, chunk)).toEqual([chunk]);
    }
    expect(pieces(uk, "прес-служба@громада.укр")).toEqual(["прес-служба@громада.укр"]);
  });

  it("never splits acronyms or camel-case names", () => {
    for (const word of ["UNESCO", "NASDAQ", "HARBOURTOWN", "iPhone", "PressRoom", "YouTube"]) expect(pieces(en, word)).toEqual([word]);
    expect(pieces(uk, "ЮНЕСКО")).toEqual(["ЮНЕСКО"]);
  });

  it("keeps punctuation with its word and breaks inside the letters only", () => {
    expect(pieces(en, "(hyphenation),")).toEqual(["(hy", "phen", "ation),"]);
    expect(pieces(en, "“communication”")).toEqual(["“com", "mu", "ni", "ca", "tion”"]);
    // textkit splits on ASCII spaces only: a no-break space stays inside a chunk.
    expect(pieces(en, "world,\u00a0wonderful")).toEqual(["world,\u00a0won", "der", "ful"]);
  });

  it("returns runs of spaces, newlines and other non-words whole", () => {
    for (const chunk of [" ", "   ", "\n", "\t", "—", "…", "!!!!!!", "«»"]) expect(pieces(en, chunk)).toEqual([chunk]);
    expect(en("")).toEqual([]);
  });

  it("uses the exception lists in src/prepare/hyphenation-exceptions", () => {
    expect(pieces(en, "Pressroom")).toEqual(["Pressroom"]); // listed without hyphens: never split
    expect(pieces(en, "pressroom")).toEqual(["pressroom"]);
    expect(pieces(en, "livestream")).toEqual(["live", "stream"]); // the patterns leave it whole
    expect(pieces(en, "spokesperson.")).toEqual(["spokes", "per", "son."]); // the patterns give "spokesper-son"
    expect(pieces(de, "Staubecken")).toEqual(["Staubecken"]); // Stau-becken or Staub-ecken
    expect(pieces(uk, "міжнародний")).toEqual(["між", "на", "род", "ний"]); // the patterns give "ро-дний"
    // An exception does not leak into another language.
    expect(pieces(hyphenatorFor("fr")!, "livestream").join("|")).not.toBe("live|stream");
  });

  it("ships exception lists without errors", () => {
    for (const lang of ["en", "en-GB", "de", "uk"]) expect(loadHyphenationExceptions(lang).diagnostics).toEqual([]);
    expect(loadHyphenationExceptions("en").exceptions.get("livestream")).toEqual([4]);
  });

  it("hyphenates the parts of a hard-hyphenated word, never right after the hyphen", () => {
    const check = (h: (w: string) => string[], word: string) => {
      const parts = pieces(h, word);
      // A piece ending in "-" would make textkit draw a second hyphen ("well--").
      for (const part of parts.slice(0, -1)) expect(part.endsWith("-"), `${word}: ${parts.join("|")}`).toBe(false);
      for (const part of parts.slice(1)) expect(part.startsWith("-"), `${word}: ${parts.join("|")}`).toBe(false);
      return parts;
    };
    expect(check(en, "well-known")).toEqual(["well-known"]);
    expect(check(en, "co-operation")).toEqual(["co-op", "er", "a", "tion"]);
    expect(check(en, "state-of-the-art")).toEqual(["state-of-the-art"]);
    expect(check(en, "communication-related")).toEqual(["com", "mu", "ni", "ca", "tion-re", "lated"]);
    expect(check(uk, "PDF-документи")).toEqual(["PDF-до", "ку", "мен", "ти"]);
    expect(check(uk, "прес-реліз")).toEqual(["прес-ре", "ліз"]);
    check(uk, "науково-дослідний");
    check(de, "Presse-Mitteilung");
  });

  it("never breaks next to an apostrophe", () => {
    for (const word of ["об’єднання", "об'єднання", "обʼєднання", "організації", "п’ятниця"]) {
      const parts = pieces(uk, word);
      for (const part of parts) expect(/^['’ʼ]|['’ʼ]$/.test(part), parts.join("|")).toBe(false);
    }
    expect(pieces(en, "organization’s")).toEqual(["or", "ga", "ni", "za", "tion’s"]);
  });

  it("follows the author's soft hyphens instead of the patterns", () => {
    // As textkit's own engine does: the pieces drop the soft hyphens (textkit removes them anyway).
    expect(en("Harbour\u00adtown")).toEqual(["Harbour", "town"]);
    expect(en("com\u00admunication,")).toEqual(["com", "munication,"]);
  });

  it("picks the pattern set by language and region", () => {
    expect(patternSetFor("en")).toBe("en-us");
    expect(patternSetFor("en-US")).toBe("en-us");
    expect(patternSetFor("en-GB")).toBe("en-gb");
    expect(patternSetFor("en-AU")).toBe("en-gb");
    expect(patternSetFor("de")).toBe("de-1996");
    expect(patternSetFor("de-AT")).toBe("de-1996");
    expect(patternSetFor("de-CH")).toBe("de-1996");
    expect(patternSetFor("fr-CA")).toBe("fr");
    expect(patternSetFor("pt-BR")).toBe("pt");
    expect(patternSetFor("uk-UA")).toBe("uk");
    expect(patternSetFor("sr")).toBe("sr-cyrl");
    expect(patternSetFor("sr-Latn")).toBe("sh-latn");
    expect(patternSetFor("el")).toBe("el-monoton");
  });

  it("falls back from a region to the language", () => {
    const at = hyphenatorFor("de-AT")!;
    expect(at).toBe(de);
    expect(pieces(at, "Pressemitteilung")).toEqual(["Pres", "se", "mit", "tei", "lung"]);
    expect(hyphenatorFor("en-GB")).not.toBe(en);
    expect(pieces(hyphenatorFor("en-GB")!, "organisation")).toEqual(["or", "gan", "isa", "tion"]);
  });

  it("gives no callback for languages without patterns or not hyphenated", () => {
    for (const lang of ["ar", "he", "fa", "ja", "zh", "th", "xx", "not a tag"]) expect(hyphenatorFor(lang), lang).toBeUndefined();
  });

  it("hyphenates more than 100 000 words a second once warm", () => {
    const syllables = ["com", "mu", "ni", "ca", "tion", "har", "bour", "li", "brar", "y", "in", "for", "ma", "ter", "pro", "gram", "de", "vel", "op", "ment"];
    const words: string[] = [];
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      let w = "";
      const n = 2 + (i % 4);
      for (let k = 0; k < n; k++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        w += syllables[seed % syllables.length];
      }
      words.push(i % 7 === 0 ? `${w},` : w);
    }
    const h = hyphenatorFor("en-GB")!;
    let t = performance.now();
    for (const w of words) h(w);
    const cold = words.length / ((performance.now() - t) / 1000);
    t = performance.now();
    for (let round = 0; round < 5; round++) for (const w of words) h(w);
    const warm = (5 * words.length) / ((performance.now() - t) / 1000);
    console.log(`hyphenation: ${Math.round(cold).toLocaleString("en")} words/s cold, ${Math.round(warm).toLocaleString("en")} words/s warm`);
    expect(warm).toBeGreaterThan(100_000);
  });
});
