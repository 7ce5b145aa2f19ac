import { describe, expect, it } from "vitest";
import { frontMatterSchema } from "../../src/parse/front-matter.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { FILE, onlyError, parseOk, source } from "./helpers.ts";

const BODY = "\nThe lede.\n";
const parse = (frontMatter: string, body = BODY) => parseRelease(source(`---\n${frontMatter}---\n${body}`));

describe("front matter: valid", () => {
  it("reads every key, keeps dates as strings and records value positions", () => {
    const release = parseOk(
      [
        "---",
        "title: Harbour Town opens a floating library",
        "standfirst: >",
        "  One paragraph",
        "  over two lines",
        "organization: Harbour Town Council",
        "date: 2026-05-14",
        "place: Harbour Town",
        "embargo: 2026-05-14T06:00:00Z",
        "lang: en-gb",
        "contact:",
        "  name: Communications Office",
        "  email: press@harbourtown.example",
        '  phone: "+44 20 7946 0123"',
        "---",
        "",
        "The lede.",
      ].join("\n"),
    );
    expect(release.meta).toEqual({
      title: "Harbour Town opens a floating library",
      standfirst: "One paragraph over two lines",
      organization: "Harbour Town Council",
      date: "2026-05-14",
      place: "Harbour Town",
      embargo: "2026-05-14T06:00:00Z",
      contact: { name: "Communications Office", email: "press@harbourtown.example", phone: "+44 20 7946 0123" },
    });
    expect(release.lang).toBe("en-GB");
    expect(release.slug).toBe("test-release");
    expect(release.file).toBe(FILE);
    expect(release.metaPos).toEqual({
      title: { line: 2, column: 8 },
      standfirst: { line: 3, column: 13 },
      organization: { line: 6, column: 15 },
      date: { line: 7, column: 7 },
      place: { line: 8, column: 8 },
      embargo: { line: 9, column: 10 },
      lang: { line: 10, column: 7 },
      contact: { line: 12, column: 3 },
    });
  });

  it("takes the language from the file name when there is no lang key", () => {
    const release = parseOk("---\ntitle: T\norganization: O\ndate: 2024-02-29\n---\nText.\n");
    expect(release.lang).toBe("en");
    expect(release.meta.date).toBe("2024-02-29");
  });

  it("accepts an embargo with an offset and without seconds, and a byte-order mark", () => {
    const release = parseOk("\uFEFF---\ntitle: T\norganization: O\ndate: 2026-05-14\nembargo: 2026-05-14T07:30+01:00\n---\nText.\n");
    expect(release.meta.embargo).toBe("2026-05-14T07:30+01:00");
  });

  it("turns Date objects (YAML 1.1 timestamps) back into ISO strings", () => {
    const result = frontMatterSchema.safeParse({
      title: "T",
      organization: "O",
      date: new Date("2026-05-14T00:00:00Z"),
      embargo: new Date("2026-05-14T06:00:00Z"),
    });
    expect(result.success).toBe(true);
    expect(result.data?.date).toBe("2026-05-14");
    expect(result.data?.embargo).toBe("2026-05-14T06:00:00.000Z");
  });

  it("leaves out an empty contact block's keys and keeps typographic characters", () => {
    const release = parseOk("---\ntitle: “Quoted” — with\u00a0nbsp\norganization: O\ndate: 2026-05-14\n---\nText.\n");
    expect(release.meta.title).toBe("“Quoted” — with\u00a0nbsp");
  });
});

describe("front matter: errors", () => {
  it("missing front matter", () => {
    const d = onlyError(parseRelease(source("Just a paragraph.\n")));
    expect(d).toMatchObject({ file: FILE, line: 1, column: 1, message: "the file has no front matter" });
    expect(d.hint).toContain("`title: …`");
  });

  it("missing front matter: the body is still checked", () => {
    const result = parseRelease(source("# Title\n\nText.\n"));
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, "the file has no front matter"],
      [1, "the title in the front matter is the only H1"],
    ]);
  });

  it("front matter that is not closed", () => {
    const d = onlyError(parseRelease(source("---\ntitle: T\norganization: O\n\nText.\n")));
    expect(d).toMatchObject({ line: 1, column: 1, message: "the front matter is not closed" });
    expect(d.hint).toBe("add a line `---` after the last front-matter line, before the body");
  });

  it("blank lines before the front matter", () => {
    const d = onlyError(parseRelease(source("\n\n---\ntitle: T\norganization: O\ndate: 2026-05-14\n---\nText.\n")));
    expect(d).toMatchObject({ line: 3, column: 1, message: "the front matter must start on the first line", hint: "remove the blank lines before the opening `---`" });
  });

  it("YAML syntax error: an unquoted colon, at the parser's line and column", () => {
    const d = onlyError(parse("title: Harbour Town: a new library\norganization: O\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ file: FILE, line: 2, column: 8, message: "YAML syntax error: Nested mappings are not allowed in compact mappings" });
    expect(d.hint).toBe('put a value that contains `: ` in quotes, e.g. title: "Harbour Town: a new library"');
  });

  it("YAML syntax error: a key given twice", () => {
    const d = onlyError(parse("title: A\norganization: O\ntitle: B\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ line: 4, column: 1, message: "YAML syntax error: Map keys must be unique", hint: "each key may appear once; delete one of the `title` lines" });
  });

  it("YAML syntax error: tab indentation", () => {
    const d = onlyError(parse("title: A\norganization: O\ndate: 2026-05-14\ncontact:\n\tname: X\n"));
    expect(d).toMatchObject({ line: 6, column: 1, message: "YAML syntax error: Tabs are not allowed as indentation", hint: "indent with spaces, not tabs" });
  });

  it("front matter that is not key: value lines", () => {
    const d = onlyError(parse("- title\n- date\n"));
    expect(d).toMatchObject({ line: 2, column: 1, message: "the front matter must be `key: value` lines" });
  });

  it("misspelt key: did you mean, at the key", () => {
    const d = onlyError(parse("title: T\ndate: 2026-05-14\norgnization: O\n"));
    expect(d).toMatchObject({ file: FILE, line: 4, column: 1, message: "unknown key `orgnization`", hint: "did you mean `organization`?" });
  });

  it("misspelt key `titel`", () => {
    const d = onlyError(parse("titel: T\norganization: O\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ line: 2, column: 1, message: "unknown key `titel`", hint: "did you mean `title`?" });
  });

  it("key in the wrong case: did you mean", () => {
    const d = onlyError(parse("Title: T\norganization: O\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ line: 2, column: 1, message: "unknown key `Title`", hint: "did you mean `title`?" });
  });

  it("unknown key with no close match lists the allowed keys", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\nauthor: Someone\n"));
    expect(d).toMatchObject({ line: 5, column: 1, message: "unknown key `author`" });
    expect(d.hint).toBe("the keys allowed here are `title`, `standfirst`, `organization`, `date`, `place`, `embargo`, `lang`, `contact`");
  });

  it("contact key at the top level", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\nemail: press@example.org\n"));
    expect(d).toMatchObject({ line: 5, column: 1, message: "unknown key `email`", hint: "put `email` under `contact:`, indented by two spaces" });
  });

  it("misspelt key inside contact", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\ncontact:\n  name: N\n  e-mail: press@example.org\n"));
    expect(d).toMatchObject({ line: 7, column: 3, message: "unknown key `e-mail` in `contact`", hint: "did you mean `email`?" });
  });

  it("missing required key: at the front matter's first line, with an example line", () => {
    const d = onlyError(parse("title: T\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ file: FILE, line: 1, column: 1, message: "the front matter has no `organization`", hint: "add a line such as `organization: Harbour Town Council`" });
  });

  it("all missing required keys are reported, in schema order", () => {
    const result = parse("place: Harbour Town\n");
    expect(result.diagnostics.map((d) => [d.line, d.message, d.hint])).toEqual([
      [1, "the front matter has no `title`", "add a line such as `title: Harbour Town opens a floating library`"],
      [1, "the front matter has no `organization`", "add a line such as `organization: Harbour Town Council`"],
      [1, "the front matter has no `date`", "add a line such as `date: 2026-05-14`"],
    ]);
  });

  it("empty front matter reports the required keys", () => {
    const result = parseRelease(source("---\n---\nText.\n"));
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "the front matter has no `title`",
      "the front matter has no `organization`",
      "the front matter has no `date`",
    ]);
  });

  it("a misspelt required key is not also reported as missing", () => {
    const result = parse("title: T\norgnization: O\ndate: 2026-05-14\n");
    expect(result.diagnostics.map((d) => d.message)).toEqual(["unknown key `orgnization`"]);
  });

  it("a number for title", () => {
    const d = onlyError(parse("title: 2026\norganization: O\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ line: 2, column: 8, message: "`title` must be text, but YAML reads `2026` as a number", hint: 'put it in quotes: title: "2026"' });
  });

  it("a number for place: quote it", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\nplace: 2026\n"));
    expect(d).toMatchObject({ line: 5, column: 8, message: "`place` must be text, but YAML reads `2026` as a number", hint: 'put it in quotes: place: "2026"' });
  });

  it("a phone number that YAML reads as a number", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\ncontact:\n  phone: 01632960418\n"));
    expect(d).toMatchObject({ line: 6, column: 10, message: "`contact.phone` must be text, but YAML reads `01632960418` as a number", hint: 'put it in quotes: phone: "01632960418"' });
  });

  it("true/false for a text key", () => {
    const d = onlyError(parse("title: T\norganization: true\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ line: 3, column: 15, message: "`organization` must be text, but YAML reads `true` as true/false" });
  });

  it("a list for title", () => {
    const d = onlyError(parse("title: [A, B]\norganization: O\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ line: 2, column: 8, message: "`title` must be text, not a list", hint: "write one value on the same line: title: …" });
  });

  it("empty title", () => {
    const d = onlyError(parse('title: ""\norganization: O\ndate: 2026-05-14\n'));
    expect(d).toMatchObject({ line: 2, column: 8, message: "`title` is empty", hint: "write the value after `title:`, or delete the line" });
  });

  it("a key with no value", () => {
    const d = onlyError(parse("title: T\nstandfirst:\norganization: O\ndate: 2026-05-14\n"));
    expect(d).toMatchObject({ line: 3, column: 1, message: "`standfirst` has no value", hint: "write the value after `standfirst:`, or delete the line" });
  });

  it("a date that is not YYYY-MM-DD", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 14/05/2026\n"));
    expect(d).toMatchObject({ line: 4, column: 7, message: "`date` must be an ISO date (YYYY-MM-DD), not `14/05/2026`", hint: "write it as year-month-day, e.g. date: 2026-05-14" });
  });

  it("a date without leading zeros gets a padded suggestion", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-5-4\n"));
    expect(d.hint).toBe("write it as year-month-day, e.g. date: 2026-05-04");
  });

  it("a date that does not exist", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-02-30\n"));
    expect(d).toMatchObject({ line: 4, column: 7, message: "`2026-02-30` is not a real date", hint: "February 2026 has 28 days" });
  });

  it("a month that does not exist", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-14-05\n"));
    expect(d).toMatchObject({ line: 4, column: 7, message: "`2026-14-05` is not a real date: there is no month 14" });
  });

  it("an embargo without a time zone", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\nembargo: 2026-05-14T06:00:00\n"));
    expect(d).toMatchObject({ line: 5, column: 10, message: "`embargo` has no time zone: `2026-05-14T06:00:00`", hint: "add Z for UTC or an offset such as +01:00, e.g. embargo: 2026-05-14T06:00:00Z" });
  });

  it("an embargo with a date only", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\nembargo: 2026-05-14\n"));
    expect(d).toMatchObject({ line: 5, column: 10, message: "`embargo` needs a time and a time zone, not just the date `2026-05-14`" });
  });

  it("an embargo at an impossible time", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\nembargo: 2026-05-14T25:00:00Z\n"));
    expect(d).toMatchObject({ line: 5, column: 10, message: "`2026-05-14T25:00:00Z` is not a real time" });
  });

  it("an invalid lang", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\nlang: English\n"));
    expect(d).toMatchObject({ line: 5, column: 7, message: "`English` is not a valid BCP 47 language tag", hint: "did you mean `lang: en`?" });
  });

  it("a lang with an underscore", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\nlang: en_GB\n"));
    expect(d.hint).toBe("did you mean `lang: en-GB`?");
  });

  it("an e-mail address that is not one", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\ncontact:\n  email: press office\n"));
    expect(d).toMatchObject({ line: 6, column: 10, message: "`press office` does not look like an e-mail address", hint: "e.g. email: press@harbourtown.example" });
  });

  it("an e-mail address written as a mailto link", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\ncontact:\n  email: mailto:press@example.org\n"));
    expect(d).toMatchObject({ line: 6, column: 10, hint: "write it without mailto:, e.g. email: press@example.org" });
  });

  it("contact that is not a block", () => {
    const d = onlyError(parse("title: T\norganization: O\ndate: 2026-05-14\ncontact: press@example.org\n"));
    expect(d).toMatchObject({ line: 5, column: 10, message: "`contact` must be a block of `name:`, `email:` and `phone:` lines" });
  });

  it("collects every front-matter error of a file, sorted by position", () => {
    const result = parse("titel: T\norganization: 42\ndate: 2026-02-30\nlang: xx_YY_ZZ\ncontact:\n  mail: a@b.example\n", "\n# Heading one\n");
    expect(result.release).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "2:1 unknown key `titel`",
      "3:15 `organization` must be text, but YAML reads `42` as a number",
      "4:7 `2026-02-30` is not a real date",
      "5:7 `xx_YY_ZZ` is not a valid BCP 47 language tag",
      "7:3 unknown key `mail` in `contact`",
      "10:1 the title in the front matter is the only H1",
    ]);
  });
});
