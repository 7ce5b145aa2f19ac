/**
 * The bench's Typst peer (bench/typst/): text is escaped so that Typst
 * prints it literally, and a sample release becomes a document that Typst
 * compiles to PDF/UA-1 and that passes Pressroom's own PDF/UA checks.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { escapeMarkup, typstLang } from "../../bench/typst/escape.ts";
import { inlinesToTypst } from "../../bench/typst/body.ts";
import { compileToPdf, createTypstCompiler, loadTypst, manifestFontFiles, type TypstCompiler } from "../../bench/typst/compile.ts";
import { fontManifest, loadSamples } from "../../bench/typst/corpus.ts";
import type { Inline } from "../../src/model/release.ts";
import { checkPdf } from "../../src/verify/check.ts";
import { repoRoot } from "../support/build.ts";

type Queryable = { query(doc: { mainFileContent: string }, args: { selector: string; field?: string }): unknown[] };

/** The plain text Typst makes of `markup`: escapes and symbols as their characters, spaces as " ". */
function typstText(markup: string): string {
  const compiler = loadTypst().NodeCompiler.create({}) as unknown as Queryable;
  const source = `#let plain(c) = if type(c) == str { c } else if c.func() == [ ].func() { " " } else if c.has("text") { c.text } else if c.has("children") { c.children.map(plain).join() } else if c.has("body") { plain(c.body) } else { "" }
#metadata(plain[${markup}]) <out>`;
  return compiler.query({ mainFileContent: source }, { selector: "<out>", field: "value" })[0] as string;
}

const pos = { line: 1, column: 1 };
const text = (t: string): Inline => ({ kind: "text", text: t, pos });

describe("Typst markup escaping", () => {
  const nasty = [
    "*bold* _em_ `raw` $x^2$ #let x = 1; <label> @ref ~tilde \\back\\slash",
    "\"double\" 'single' -- --- ... -? // not a comment https://example.org/a?b=c&d",
    "= not a heading", "- not a list", "+ not an enum", "/ not: a term", "1. not numbered",
    "[brackets] (parens) {braces} 50 % £1.2 a\u00a0b c\u202fd",
  ];

  it.each(nasty)("prints %j literally", (s) => {
    expect(typstText(escapeMarkup(s))).toBe(s);
  });

  it("keeps text after an element literal (`.`, `;`, `(`, `[` would continue the call)", () => {
    const inlines: Inline[] = [
      { kind: "emphasis", children: [text("x")], pos }, text(".field; (paren) [b]"),
      { kind: "strong", children: [text("y")], pos }, text("(z)"),
    ];
    expect(typstText(inlinesToTypst(inlines))).toBe("x.field; (paren) [b]y(z)");
  });

  it("turns line breaks into spaces", () => {
    expect(typstText(escapeMarkup("one\ntwo\r\n three"))).toBe("one two three");
  });

  it("maps BCP 47 tags to Typst's lang and region", () => {
    expect(typstLang("en-GB")).toEqual({ lang: "en", region: "gb" });
    expect(typstLang("sr-Latn-RS")).toEqual({ lang: "sr", region: "rs" });
    expect(typstLang("uk")).toEqual({ lang: "uk" });
  });
});

describe("a sample release as a Typst document", () => {
  let compiler: TypstCompiler;
  beforeAll(async () => {
    compiler = createTypstCompiler(manifestFontFiles(await fontManifest()));
  });

  it("compiles the Arabic fixture to PDF/UA-1 that passes Pressroom's checks", async () => {
    const [sample] = await loadSamples([path.join(repoRoot, "test/fixtures/releases")]).then((all) => all.filter((s) => s.name === "engineering-scholarships/ar"));
    expect(sample).toBeDefined();
    const source = sample!.typst;
    expect(source).toContain('lang: "ar"');
    expect(source).toContain("dir: rtl");
    expect(source.match(/#heading\(level: 1\)/g)).toHaveLength(1);
    expect(source).toContain('#text(lang: "en")[Women in Engineering Network]');

    const out = compileToPdf(compiler, source);
    expect(out.pages).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(out.pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const errors = (await checkPdf(out.pdf, { file: "typst.pdf", profiles: ["ua"] })).filter((d) => d.severity === "error");
    expect(errors.map((d) => d.message)).toEqual([]);
  });
});
