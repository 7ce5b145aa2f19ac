import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { blocksOf, FILE, FRONT, onlyError, parseBody, shape, source } from "./helpers.ts";

const t = (text: string) => ({ kind: "text", text });

describe("body: blocks", () => {
  it("paragraphs, emphasis, strong and links, with positions offset past the front matter", () => {
    const blocks = blocksOf("The *first* and **second** [link](https://example.org/a).\n\nAnother paragraph.\n");
    expect(shape(blocks)).toEqual([
      {
        kind: "paragraph",
        inlines: [
          t("The "),
          { kind: "emphasis", children: [t("first")] },
          t(" and "),
          { kind: "strong", children: [t("second")] },
          t(" "),
          { kind: "link", href: "https://example.org/a", children: [t("link")] },
          t("."),
        ],
      },
      { kind: "paragraph", inlines: [t("Another paragraph.")] },
    ]);
    const first = blocks[0];
    expect(first?.pos).toEqual({ line: 6, column: 1 });
    expect(first?.kind === "paragraph" && first.inlines.map((i) => i.pos)).toEqual([
      { line: 6, column: 1 },
      { line: 6, column: 5 },
      { line: 6, column: 12 },
      { line: 6, column: 17 },
      { line: 6, column: 27 },
      { line: 6, column: 28 },
      { line: 6, column: 57 },
    ]);
    expect(blocks[1]?.pos).toEqual({ line: 8, column: 1 });
  });

  it("soft and hard line breaks become one space; runs of spaces collapse; paragraphs are trimmed", () => {
    const blocks = blocksOf("  One\ntwo   three  \nfour\\\nfive\tsix  \n");
    expect(shape(blocks)).toEqual([{ kind: "paragraph", inlines: [t("One two three four five six")] }]);
  });

  it("keeps typographic characters and non-breaking spaces as written", () => {
    const blocks = blocksOf("“Quoted,” she said — it’s 10\u00a0km away &amp; more.\n");
    expect(shape(blocks)).toEqual([{ kind: "paragraph", inlines: [t("“Quoted,” she said — it’s 10\u00a0km away & more.")] }]);
  });

  it("no double space where a space meets a space across inline boundaries", () => {
    const blocks = blocksOf("Read [ the report ](https://example.org) now.\n");
    expect(shape(blocks)).toEqual([
      { kind: "paragraph", inlines: [t("Read "), { kind: "link", href: "https://example.org", children: [t("the report ")] }, t("now.")] },
    ]);
  });

  it("mailto and http links; reference-style links resolved through definitions", () => {
    const blocks = blocksOf("Write to [us](mailto:press@example.org), see [the site][site] or <http://example.org>.\n\n[site]: https://example.org/site\n");
    expect(shape(blocks)).toEqual([
      {
        kind: "paragraph",
        inlines: [
          t("Write to "),
          { kind: "link", href: "mailto:press@example.org", children: [t("us")] },
          t(", see "),
          { kind: "link", href: "https://example.org/site", children: [t("the site")] },
          t(" or "),
          { kind: "link", href: "http://example.org", children: [t("http://example.org")] },
          t("."),
        ],
      },
    ]);
  });

  it("headings of level 2 and 3", () => {
    const blocks = blocksOf("## Background\n\nText.\n\n### Funding *details*\n");
    expect(shape(blocks)).toEqual([
      { kind: "heading", level: 2, inlines: [t("Background")] },
      { kind: "paragraph", inlines: [t("Text.")] },
      { kind: "heading", level: 3, inlines: [t("Funding "), { kind: "emphasis", children: [t("details")] }] },
    ]);
    expect(blocks[0]?.pos).toEqual({ line: 6, column: 1 });
  });

  it("bullet and ordered lists, items as blocks", () => {
    const blocks = blocksOf("- one\n- **two**\n  - nested\n\n3. three\n4. four\n");
    expect(shape(blocks)).toEqual([
      {
        kind: "list",
        ordered: false,
        items: [
          [{ kind: "paragraph", inlines: [t("one")] }],
          [
            { kind: "paragraph", inlines: [{ kind: "strong", children: [t("two")] }] },
            { kind: "list", ordered: false, items: [[{ kind: "paragraph", inlines: [t("nested")] }]] },
          ],
        ],
      },
      { kind: "list", ordered: true, start: 3, items: [[{ kind: "paragraph", inlines: [t("three")] }], [{ kind: "paragraph", inlines: [t("four")] }]] },
    ]);
  });

  it("an ordinary block quote holds blocks", () => {
    const blocks = blocksOf("> First line\n> of a quote.\n>\n> Second paragraph.\n");
    expect(shape(blocks)).toEqual([
      { kind: "quote", blocks: [{ kind: "paragraph", inlines: [t("First line of a quote.")] }, { kind: "paragraph", inlines: [t("Second paragraph.")] }] },
    ]);
    expect(blocks[0]?.pos).toEqual({ line: 6, column: 1 });
  });

  it("Windows line endings: same blocks, same positions", () => {
    const crlf = `${FRONT}Line one\nline two with [Слава]{lang=uk}.\n\n> [!PULLQUOTE]\n> Words.\n> — Someone\n`.replace(/\n/g, "\r\n");
    const result = parseRelease(source(crlf));
    expect(result.diagnostics).toEqual([]);
    const blocks = result.release?.blocks ?? [];
    expect(shape(blocks)).toEqual([
      { kind: "paragraph", inlines: [t("Line one line two with "), { kind: "lang", lang: "uk", children: [t("Слава")] }, t(".")] },
      { kind: "pullquote", inlines: [t("Words.")], attribution: [t("Someone")] },
    ]);
    const p = blocks[0];
    expect(p?.kind === "paragraph" && p.inlines[1]?.pos).toEqual({ line: 7, column: 15 });
    expect(blocks[1]?.pos).toEqual({ line: 9, column: 1 });
  });

  it("HTML comments are ignored, as blocks and inside text", () => {
    const blocks = blocksOf("<!-- note to editor -->\n\nText <!-- inline --> here.\n");
    expect(shape(blocks)).toEqual([{ kind: "paragraph", inlines: [t("Text here.")] }]);
  });
});

describe("body: pull quotes", () => {
  it("a pull quote with an attribution on its last line", () => {
    const blocks = blocksOf("> [!PULLQUOTE]\n> “Every child deserves the same library card.”\n> — Councillor Mira *Okafor*\n");
    expect(shape(blocks)).toEqual([
      {
        kind: "pullquote",
        inlines: [t("“Every child deserves the same library card.”")],
        attribution: [t("Councillor Mira "), { kind: "emphasis", children: [t("Okafor")] }],
      },
    ]);
    const quote = blocks[0];
    expect(quote?.pos).toEqual({ line: 6, column: 1 });
    expect(quote?.kind === "pullquote" && quote.inlines[0]?.pos).toEqual({ line: 7, column: 3 });
    expect(quote?.kind === "pullquote" && quote.attribution?.[0]?.pos).toEqual({ line: 8, column: 5 });
  });

  it("the marker in any case, a `--` attribution in a paragraph of its own, text over two paragraphs", () => {
    const blocks = blocksOf("> [!pullquote]\n> First part,\n> still first.\n>\n> Second part.\n>\n> -- A. Speaker\n");
    expect(shape(blocks)).toEqual([{ kind: "pullquote", inlines: [t("First part, still first. Second part.")], attribution: [t("A. Speaker")] }]);
  });

  it("a pull quote without attribution", () => {
    const blocks = blocksOf("> [!PULLQUOTE]\n> Just the words.\n");
    expect(shape(blocks)).toEqual([{ kind: "pullquote", inlines: [t("Just the words.")] }]);
  });

  it("a pull quote whose marker mdast reads as a link reference", () => {
    const blocks = blocksOf("> [!PULLQUOTE]\n> The words.\n> — Someone\n\n[!pullquote]: https://example.org\n");
    expect(shape(blocks)).toEqual([{ kind: "pullquote", inlines: [t("The words.")], attribution: [t("Someone")] }]);
  });

  it("a hard break before the attribution line", () => {
    const blocks = blocksOf("> [!PULLQUOTE]\n> The words.\\\n> — Someone\n");
    expect(shape(blocks)).toEqual([{ kind: "pullquote", inlines: [t("The words.")], attribution: [t("Someone")] }]);
  });

  it("a dash inside the text is not an attribution", () => {
    const blocks = blocksOf("> [!PULLQUOTE]\n> Not now — not ever.\n");
    expect(shape(blocks)).toEqual([{ kind: "pullquote", inlines: [t("Not now — not ever.")] }]);
  });
});

describe("body: language spans", () => {
  it("a span becomes a lang inline positioned at its `[`", () => {
    const blocks = blocksOf("They said [Слава Україні]{lang=uk} together.\n");
    expect(shape(blocks)).toEqual([
      { kind: "paragraph", inlines: [t("They said "), { kind: "lang", lang: "uk", children: [t("Слава Україні")] }, t(" together.")] },
    ]);
    const p = blocks[0];
    expect(p?.kind === "paragraph" && p.inlines.map((i) => i.pos)).toEqual([
      { line: 6, column: 1 },
      { line: 6, column: 11 },
      { line: 6, column: 35 },
    ]);
  });

  it("a span around emphasis, split across mdast nodes; tags are canonicalized", () => {
    const blocks = blocksOf("A [*Ліхтар* boat]{lang=UK} and [**Der** Hafen]{lang=de-at}.\n");
    expect(shape(blocks)).toEqual([
      {
        kind: "paragraph",
        inlines: [
          t("A "),
          { kind: "lang", lang: "uk", children: [{ kind: "emphasis", children: [t("Ліхтар")] }, t(" boat")] },
          t(" and "),
          { kind: "lang", lang: "de-AT", children: [{ kind: "strong", children: [t("Der")] }, t(" Hafen")] },
          t("."),
        ],
      },
    ]);
  });

  it("a span inside emphasis, and a link inside a span", () => {
    const blocks = blocksOf("*See [Київ]{lang=uk}* and [[Kyiv](https://example.org)]{lang=en}.\n");
    expect(shape(blocks)).toEqual([
      {
        kind: "paragraph",
        inlines: [
          { kind: "emphasis", children: [t("See "), { kind: "lang", lang: "uk", children: [t("Київ")] }] },
          t(" and "),
          { kind: "lang", lang: "en", children: [{ kind: "link", href: "https://example.org", children: [t("Kyiv")] }] },
          t("."),
        ],
      },
    ]);
  });

  it("ordinary brackets stay text", () => {
    const blocks = blocksOf("He [sic] said [so and [nested] [unclosed.\n");
    expect(shape(blocks)).toEqual([{ kind: "paragraph", inlines: [t("He [sic] said [so and [nested] [unclosed.")] }]);
  });

  it("spans in headings, list items and pull quotes", () => {
    const blocks = blocksOf("## About [Гарбор]{lang=uk}\n\n- [Hafen]{lang=de}\n\n> [!PULLQUOTE]\n> [Слава]{lang=uk}\n");
    expect(shape(blocks)).toEqual([
      { kind: "heading", level: 2, inlines: [t("About "), { kind: "lang", lang: "uk", children: [t("Гарбор")] }] },
      { kind: "list", ordered: false, items: [[{ kind: "paragraph", inlines: [{ kind: "lang", lang: "de", children: [t("Hafen")] }] }]] },
      { kind: "pullquote", inlines: [{ kind: "lang", lang: "uk", children: [t("Слава")] }] },
    ]);
  });
});

describe("body: figures", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pressroom-parse-"));
    await mkdir(path.join(dir, "images"));
    await writeFile(path.join(dir, "images", "ferry.jpg"), "not really a jpeg");
    await writeFile(path.join(dir, "images", "my photo.jpg"), "x");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("an image alone in its paragraph is a figure with an absolute src", () => {
    const blocks = blocksOf("![The ferry at the quay](images/ferry.jpg)\n\n![Caption test](./images/../images/my%20photo.jpg \"A caption\")\n", { dir });
    expect(shape(blocks)).toEqual([
      { kind: "figure", src: path.join(dir, "images", "ferry.jpg"), alt: "The ferry at the quay" },
      { kind: "figure", src: path.join(dir, "images", "my photo.jpg"), alt: "Caption test", caption: [t("A caption")] },
    ]);
    expect(blocks[0]?.pos).toEqual({ line: 6, column: 1 });
  });

  it("error: image inside text", () => {
    const d = onlyError(parseBody("See ![The ferry](images/ferry.jpg) here.\n", { dir }));
    expect(d).toMatchObject({ file: FILE, line: 6, column: 5, message: "an image must stand in a paragraph of its own, not inside text", hint: "put a blank line before and after the image line `![alt](path)`" });
  });

  it("error: empty alt text", () => {
    const d = onlyError(parseBody("![](images/ferry.jpg)\n", { dir }));
    expect(d).toMatchObject({ line: 6, column: 1, message: "the image has no alt text", hint: "describe what the image shows in the brackets, e.g. ![The ferry at the quay at dawn](images/ferry.jpg)" });
  });

  it("error: a path that leaves the release folder", () => {
    const d = onlyError(parseBody("![A ferry](../ferry.jpg)\n", { dir }));
    expect(d).toMatchObject({ line: 6, column: 1, message: "the image path `../ferry.jpg` leaves the release folder" });
    expect(d.hint).toContain("use a relative path such as images/photo.jpg");
  });

  it("error: an absolute path", () => {
    const d = onlyError(parseBody(`![A ferry](${path.join(dir, "images", "ferry.jpg")})\n`, { dir }));
    expect(d).toMatchObject({ line: 6, column: 1, message: `the image path \`${path.join(dir, "images", "ferry.jpg")}\` is absolute` });
    expect(d.hint).toBe(`use a path relative to ${dir}, e.g. ![alt](images/photo.jpg)`);
  });

  it("error: a remote image", () => {
    const d = onlyError(parseBody("![A ferry](https://example.org/ferry.jpg)\n", { dir }));
    expect(d).toMatchObject({ line: 6, column: 1, message: "the image `https://example.org/ferry.jpg` is not a file in the release folder" });
  });

  it("error: a missing file names the resolved relative path", () => {
    const d = onlyError(parseBody("![A ferry](images/./Ferry.jpg)\n", { dir }));
    expect(d).toMatchObject({ line: 6, column: 1, message: `the image file ${path.join(dir, "images", "Ferry.jpg")} does not exist` });
    expect(d.hint).toBe(`check the file name, including upper and lower case; the path is relative to ${dir}`);
  });

  it("the missing file is named relative to a relative release folder", () => {
    const d = onlyError(parseRelease(source(`${FRONT}![A ferry](images/ferry.jpg)\n`, { dir: "content/no-such-release" })));
    expect(d.message).toBe(`the image file ${path.join("content", "no-such-release", "images", "ferry.jpg")} does not exist`);
  });
});

describe("body: errors", () => {
  it("error: `#` heading in the body", () => {
    const d = onlyError(parseBody("Lede.\n\n# Another title\n"));
    expect(d).toMatchObject({ file: FILE, line: 8, column: 1, message: "the title in the front matter is the only H1", hint: "use `##` for a section heading, or delete this line if it repeats the title" });
  });

  it("error: heading level 4", () => {
    const d = onlyError(parseBody("Lede.\n\n#### Too deep\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "a level-4 heading (`####`) is too deep", hint: "use `##` for sections and `###` for subsections; for a run-in heading, start the paragraph with **bold** words" });
  });

  it("error: setext heading", () => {
    const d = onlyError(parseBody("Lede.\n\nSection\n-------\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "a heading underlined with `---` or `===` is not supported" });
  });

  it("error: empty heading", () => {
    const d = onlyError(parseBody("Lede.\n\n##\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "the heading is empty", hint: "write the heading's text after `## `" });
  });

  it("error: heading inside a list", () => {
    const d = onlyError(parseBody("- ## Heading\n"));
    expect(d).toMatchObject({ line: 6, column: 3, message: "a heading cannot be inside a list or a block quote" });
  });

  it("error: thematic break", () => {
    const d = onlyError(parseBody("Lede.\n\n***\n\nMore.\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "a thematic break (`***`) is not supported in a press release", hint: "start a new section with `## Heading`, or simply leave a blank line" });
  });

  it("error: fenced code", () => {
    const d = onlyError(parseBody("Lede.\n\n```\ncode\n```\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "a code block is not supported in a press release", hint: "write it as an ordinary paragraph, without the ``` fences" });
  });

  it("error: indented code", () => {
    const d = onlyError(parseBody("Lede.\n\n    indented by mistake\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "a code block is not supported in a press release", hint: "text indented by four spaces is a code block: remove the indentation" });
  });

  it("error: inline code", () => {
    const d = onlyError(parseBody("Run `this` now.\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "inline code (`backticks`) is not supported in a press release", hint: "remove the backticks; for a name or a term use *emphasis*" });
  });

  it("error: HTML block", () => {
    const d = onlyError(parseBody("<div class=\"x\">\nText\n</div>\n"));
    expect(d).toMatchObject({ line: 6, column: 1, message: "HTML is not supported in a press release" });
    expect(d.hint).toContain("HTML comments <!-- … --> are allowed");
  });

  it("error: inline HTML", () => {
    const d = onlyError(parseBody("Line<br>break.\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "HTML (`<br>`) is not supported in a press release" });
  });

  it("error: table", () => {
    const d = onlyError(parseBody("Lede.\n\n| Island | Day |\n| --- | --- |\n| Gull | Monday |\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "a table is not supported in a press release", hint: "give the figures in sentences or as a list" });
  });

  it("error: javascript: link", () => {
    const d = onlyError(parseBody("Click [here](javascript:alert(1)).\n"));
    expect(d).toMatchObject({ line: 6, column: 7, message: "links with `javascript:` are not allowed", hint: "use an http, https or mailto link" });
  });

  it("error: relative link", () => {
    const d = onlyError(parseBody("See [the report](../report.pdf).\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "the link `../report.pdf` is a relative address, which a PDF cannot follow", hint: "link to a full https:// address (or mailto: for e-mail)" });
  });

  it("error: link without a scheme", () => {
    const d = onlyError(parseBody("See [our site](www.example.org).\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "the link address `www.example.org` has no https://", hint: "write the full address: https://www.example.org" });
  });

  it("error: e-mail link without mailto:", () => {
    const d = onlyError(parseBody("Write to [us](press@example.org).\n"));
    expect(d).toMatchObject({ line: 6, column: 10, message: "the e-mail link `press@example.org` has no mailto:", hint: "write it as mailto:press@example.org" });
  });

  it("error: other schemes", () => {
    const d = onlyError(parseBody("Get [it](ftp://example.org/file).\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "links with `ftp:` are not allowed" });
  });

  it("error: link without text", () => {
    const d = onlyError(parseBody("See [](https://example.org).\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "the link to https://example.org has no text", hint: "write the words to click in the brackets: [our report](https://example.org)" });
  });

  it("error: link without address", () => {
    const d = onlyError(parseBody("See [this]().\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "the link has no address" });
  });

  it("error: pull quote with no text", () => {
    const d = onlyError(parseBody("Lede.\n\n> [!PULLQUOTE]\n> — Councillor Mira Okafor\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "the pull quote has no text", hint: "write the quoted sentence on the lines after `> [!PULLQUOTE]`, each starting with `> `" });
  });

  it("error: pull quote marker alone", () => {
    const d = onlyError(parseBody("Lede.\n\n> [!PULLQUOTE]\n"));
    expect(d).toMatchObject({ line: 8, column: 1, message: "the pull quote has no text" });
  });

  it("error: empty attribution", () => {
    const d = onlyError(parseBody("> [!PULLQUOTE]\n> The words.\n>\n> —\n"));
    expect(d).toMatchObject({ line: 9, column: 3, message: "the pull quote's attribution is empty" });
  });

  it("error: a list inside a pull quote", () => {
    const d = onlyError(parseBody("> [!PULLQUOTE]\n> The words.\n>\n> - a list\n"));
    expect(d).toMatchObject({ line: 9, column: 3, message: "a pull quote can hold only text" });
  });

  it("error: misspelt pull quote marker", () => {
    const d = onlyError(parseBody("> [!PULLQOUTE]\n> The words.\n"));
    expect(d).toMatchObject({ line: 6, column: 3, message: "unknown block quote marker `[!PULLQOUTE]`", hint: "did you mean `[!PULLQUOTE]`?" });
  });

  it("error: other block quote markers", () => {
    const d = onlyError(parseBody("> [!NOTE]\n> The words.\n"));
    expect(d).toMatchObject({ line: 6, column: 3, message: "unknown block quote marker `[!NOTE]`", hint: "the only marker is `[!PULLQUOTE]`; delete the marker line for an ordinary quotation" });
  });

  it("error: invalid language tag in a span", () => {
    const d = onlyError(parseBody("Say [bonjour]{lang=french} now.\n"));
    expect(d).toMatchObject({ line: 6, column: 20, message: "`french` is not a valid BCP 47 language tag", hint: "did you mean `{lang=fr}`?" });
  });

  it("error: invalid language tag with no guess", () => {
    const d = onlyError(parseBody("Say [x]{lang=q1} now.\n"));
    expect(d).toMatchObject({ line: 6, column: 14, message: "`q1` is not a valid BCP 47 language tag", hint: "use a BCP 47 language tag such as `{lang=en}`, `{lang=en-GB}` or `{lang=sr-Latn}`" });
  });

  it("error: language span without a tag", () => {
    const d = onlyError(parseBody("Say [x]{lang=} now.\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "the language span has no language tag", hint: "write a phrase in another language as [phrase]{lang=uk}" });
  });

  it("error: unclosed language attribute", () => {
    const d = onlyError(parseBody("Say [Слава Україні]{lang=uk and more.\n"));
    expect(d).toMatchObject({ line: 6, column: 20, message: "the language attribute `{lang=uk` is not closed", hint: "close it with `}` right after the tag; write a phrase in another language as [phrase]{lang=uk}" });
  });

  it("error: an attribute other than lang", () => {
    const d = onlyError(parseBody("Say [x]{.fancy} now.\n"));
    expect(d).toMatchObject({ line: 6, column: 8, message: "`{.fancy}` after a bracketed phrase is not a language attribute", hint: "the only attribute is lang; write a phrase in another language as [phrase]{lang=uk}" });
  });

  it("error: a space between the bracket and the attribute", () => {
    const d = onlyError(parseBody("Say [Слава] {lang=uk} now.\n"));
    expect(d).toMatchObject({ line: 6, column: 13, message: "`{lang=uk}` does not follow a bracketed phrase", hint: "write a phrase in another language as [phrase]{lang=uk}, with no space between `]` and `{`" });
  });

  it("error: a closing bracket with no opening one", () => {
    const d = onlyError(parseBody("Say Слава]{lang=uk} now.\n"));
    expect(d).toMatchObject({ line: 6, column: 10, message: "`]{lang=uk}` has no opening `[`", hint: "wrap the phrase in brackets: [phrase]{lang=uk}" });
  });

  it("error: a span that crosses an emphasis boundary", () => {
    const d = onlyError(parseBody("Say [Слава *Україні]{lang=uk}* now.\n"));
    expect(d).toMatchObject({ line: 6, column: 20, message: "`]{lang=uk}` has no opening `[`" });
  });

  it("error: empty language span", () => {
    const d = onlyError(parseBody("Say [ ]{lang=uk} now.\n"));
    expect(d).toMatchObject({ line: 6, column: 5, message: "the language span is empty" });
  });

  it("error: empty body", () => {
    const d = onlyError(parseRelease(source(`${FRONT}\n\n`)));
    expect(d).toMatchObject({ file: FILE, line: 6, column: 1, message: "the release has no body text", hint: "write the lede paragraph after the closing `---` of the front matter" });
  });

  it("error: a body of comments only is empty", () => {
    const d = onlyError(parseBody("<!-- draft -->\n"));
    expect(d.message).toBe("the release has no body text");
  });

  it("collects every body error of a file, sorted by position", () => {
    const result = parseBody("# Title again\n\nSee [x](javascript:void) and `code`.\n\n---\n\n#### Deep\n\n> [!PULLQUOTE]\n");
    expect(result.release).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "6:1 the title in the front matter is the only H1",
      "8:5 links with `javascript:` are not allowed",
      "8:30 inline code (`backticks`) is not supported in a press release",
      "10:1 a thematic break (`---`) is not supported in a press release",
      "12:1 a level-4 heading (`####`) is too deep",
      "14:1 the pull quote has no text",
    ]);
  });
});
