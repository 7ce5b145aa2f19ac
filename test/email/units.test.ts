/** The e-mail stage's small parts: flowed text, recipients lists, headers, SMTP URLs. */
import { describe, expect, it } from "vitest";
import { flowParagraph } from "../../src/email/flowed.ts";
import { imageSize } from "../../src/email/images.ts";
import { decodeWords, parseMessage } from "../../src/email/send/message.ts";
import { addressProblem, parseCsv, parseRecipients } from "../../src/email/send/recipients.ts";
import { credentialsFromEnv, parseSmtpUrl } from "../../src/email/send/smtp.ts";

describe("format=flowed paragraphs", () => {
  it("cuts at spaces into lines of at most 72 characters, each cut line ending in a space", () => {
    const text = "word ".repeat(40).trim();
    const lines = flowParagraph(text);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines.slice(0, -1)) expect(l.endsWith(" ") && [...l].length <= 72).toBe(true);
    expect(lines.at(-1)!.endsWith(" ")).toBe(false);
    expect(lines.join("")).toBe(text); // a flowed reader joins them back
  });

  it("never breaks at a no-break space and gives a long address a line of its own", () => {
    const url = `https://example.org/${"a".repeat(90)}`;
    const lines = flowParagraph(`${"x ".repeat(30)}10\u00a0km ${url} end`);
    expect(lines.some((l) => l === `${url} `)).toBe(true);
    expect(lines.some((l) => l.endsWith("10\u00a0") || l.startsWith("km"))).toBe(false);
  });

  it("space-stuffs lines that start with From, > or a space, and quotes with '> '", () => {
    expect(flowParagraph("From the harbour")).toEqual([" From the harbour"]);
    expect(flowParagraph(">50 % more")).toEqual([" >50 % more"]);
    expect(flowParagraph("A quote", 1)).toEqual(["> A quote"]);
    expect(flowParagraph("Nested", 2)).toEqual([">> Nested"]);
  });

  it("keeps right-to-left text in logical order", () => {
    const arabic = "أعلنت مؤسسة الشروق للتعليم اليوم إطلاق برنامج «مهندسات الغد»، وهو برنامج منح دراسية يغطي الرسوم الجامعية";
    expect(flowParagraph(arabic).join("")).toBe(arabic);
  });
});

describe("recipients lists", () => {
  it("checks addresses", () => {
    expect(addressProblem("a.b+c@example.org")).toBeUndefined();
    expect(addressProblem("пресса@пример.рф")).toMatch(/outside ASCII/); // no internationalised local parts
    expect(addressProblem("press@пример.рф")).toBeUndefined();
    expect(addressProblem("no-at.example.org")).toBe("there is no @");
    expect(addressProblem("a@localhost")).toMatch(/has no dot/);
    expect(addressProblem("a..b@example.org")).toMatch(/dots/);
    expect(addressProblem("a@-example.org")).toMatch(/not a domain name/);
    expect(addressProblem("a@example.123")).toMatch(/ends in a number/);
    expect(addressProblem("two words@example.org")).toMatch(/no spaces/);
  });

  it("reads a text list: comments, blank lines, Name <address>, positions", () => {
    const list = parseRecipients("list.txt", '# press\n\nalice@a.example\n  Bob <bob@b.example>\n"Chen, Wei" <wei@c.example>\nALICE@a.example\n');
    expect(list.recipients).toEqual([
      { address: "alice@a.example", line: 3, column: 1 },
      { address: "bob@b.example", name: "Bob", line: 4, column: 8 },
      { address: "wei@c.example", name: "Chen, Wei", line: 5, column: 14 },
    ]);
    expect(list.diagnostics).toEqual([expect.objectContaining({ severity: "warning", line: 6, message: expect.stringMatching(/listed again \(first on line 3\)/) })]);
  });

  it("reports every bad line as file:line:col", () => {
    const list = parseRecipients("list.txt", "ok@a.example\nbad@\n   worse\n");
    expect(list.diagnostics.map((d) => [d.severity, d.line, d.column])).toEqual([["error", 2, 1], ["error", 3, 4]]);
  });

  it("reads CSV: quoted fields with commas, quotes and line breaks; email and name columns by header", () => {
    expect(parseCsv('a,"b, ""c""\nd",e\r\nf').map((r) => r.map((f) => [f.value, f.line, f.column]))).toEqual([
      [["a", 1, 1], ['b, "c"\nd', 1, 3], ["e", 2, 4]],
      [["f", 3, 1]],
    ]);
    const list = parseRecipients("list.csv", "Outlet,Email,Name\nTimes, times@t.example ,Ann\n");
    expect(list.recipients).toEqual([{ address: "times@t.example", name: "Ann", line: 2, column: 8 }]);
    expect(parseRecipients("list.csv", "name,mail\nA,a@b.example\n").diagnostics[0]!.message).toMatch(/no `email` column/);
  });

  it("an empty list is an error", () => {
    expect(parseRecipients("list.txt", "# nobody yet\n").diagnostics[0]).toMatchObject({ severity: "error", message: "the list has no recipients" });
  });
});

describe("message headers", () => {
  it("decodes RFC 2047 words, also a character split between two words", () => {
    expect(decodeWords("=?UTF-8?Q?Harbour_Town=E2=80=99s?= =?UTF-8?Q?_library?=")).toBe("Harbour Town’s library");
    const bytes = Buffer.from("Прес-реліз", "utf8");
    const split = `=?UTF-8?B?${bytes.subarray(0, 3).toString("base64")}?= =?UTF-8?B?${bytes.subarray(3).toString("base64")}?=`;
    expect(decodeWords(split)).toBe("Прес-реліз");
    expect(decodeWords("plain text")).toBe("plain text");
  });

  it("adds To after From, drops X-Unsent, keeps every other byte", () => {
    const eml = Buffer.from("X-Unsent: 1\r\nFrom: A <a@a.example>\r\nSubject: Hi\r\nMessage-ID: <x@a.example>\r\n\r\nBody\r\n", "latin1");
    const message = parseMessage(eml);
    expect(message).toMatchObject({ subject: "Hi", from: { name: "A", address: "a@a.example" }, messageId: "<x@a.example>", attachments: [] });
    const copy = message.forRecipient({ address: "b@b.example", name: "Бо", line: 1, column: 1 }).toString("latin1");
    expect(copy).toBe("From: A <a@a.example>\r\nTo: =?UTF-8?Q?=D0=91=D0=BE?= <b@b.example>\r\nSubject: Hi\r\nMessage-ID: <x@a.example>\r\n\r\nBody\r\n");
    expect(() => parseMessage(Buffer.from("From: a@a.example\r\nTo: c@c.example\r\nMessage-ID: <x@y>\r\n\r\n"))).toThrow(/already has recipients/);
    expect(() => parseMessage(Buffer.from("just text"))).toThrow(/not an e-mail message/);
  });
});

describe("SMTP settings", () => {
  it("takes smtp:// and smtps:// URLs, and refuses credentials in them", () => {
    expect(parseSmtpUrl("smtp://mail.example.org")).toMatchObject({ host: "mail.example.org", port: 587, secure: false });
    expect(parseSmtpUrl("smtps://mail.example.org")).toMatchObject({ port: 465, secure: true });
    expect(parseSmtpUrl("smtp://127.0.0.1:2525")).toMatchObject({ host: "127.0.0.1", port: 2525 });
    expect(parseSmtpUrl("smtp://user:pw@mail.example.org")).toEqual({ problem: expect.stringMatching(/must not contain a user name or password/) });
    expect(parseSmtpUrl("https://mail.example.org")).toEqual({ problem: expect.stringMatching(/smtp:\/\/ or smtps:\/\//) });
    expect(parseSmtpUrl("smtp://mail.example.org/path?x=1")).toHaveProperty("problem");
  });

  it("reads credentials from both variables or neither", () => {
    expect(credentialsFromEnv({})).toBeUndefined();
    expect(credentialsFromEnv({ PRESSROOM_SMTP_USER: "u", PRESSROOM_SMTP_PASS: "p" })).toEqual({ user: "u", pass: "p" });
    expect(credentialsFromEnv({ PRESSROOM_SMTP_USER: "u" })).toEqual({ problem: expect.stringMatching(/PRESSROOM_SMTP_PASS is not set/) });
  });
});

it("reads image sizes from PNG, GIF and JPEG headers", () => {
  const png = new Uint8Array(24);
  png.set([0x89, 0x50, 0x4e, 0x47]);
  new DataView(png.buffer).setUint32(16, 1200);
  new DataView(png.buffer).setUint32(20, 800);
  expect(imageSize(png, "image/png")).toEqual({ width: 1200, height: 800 });
  const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x40, 0x01, 0xf0, 0x00]);
  expect(imageSize(gif, "image/gif")).toEqual({ width: 320, height: 240 });
  // SOI, an APP0 segment, then SOF0 with height 280 and width 600.
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x18, 0x02, 0x58, 0x03]);
  expect(imageSize(jpeg, "image/jpeg")).toEqual({ width: 600, height: 280 });
});
