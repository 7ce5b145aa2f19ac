/**
 * release.eml round trip: the sample releases (content/ and the test corpus;
 * English, Ukrainian, Arabic, Hebrew), each composed with its real A4
 * handout, read back with mailparser.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { formatDateTime, labelsFor } from "../../layouts/shared/labels.ts";
import { documentDate } from "../../src/build/dates.ts";
import { composeReleaseEmail, type ComposedEmail } from "../../src/email/index.ts";
import type { PreparedRelease } from "../../src/model/prepared.ts";
import { inlineText } from "../../src/model/release.ts";
import { pullQuoteRepeatsBody } from "../../src/compose/pullquote.ts";
import { tempDir } from "../support/build.ts";
import { FAKE_PDF, buildHandouts, parseMail, prepareFile, prepareSample, sampleName, SAMPLES } from "./support.ts";

type Composed = { prepared: PreparedRelease; pdf: Uint8Array; email: ComposedEmail; mail: ParsedMail; raw: string };
const composed = new Map<string, Composed>();

beforeAll(async () => {
  const pdfs = await buildHandouts(SAMPLES);
  for (const s of SAMPLES) {
    const prepared = await prepareSample(s);
    const pdf = pdfs.get(sampleName(s))!;
    const email = await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: pdf } });
    composed.set(sampleName(s), { prepared, pdf, email, mail: await parseMail(email.bytes), raw: Buffer.from(email.bytes).toString("latin1") });
  }
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

describe.each(SAMPLES.map(sampleName))("release.eml of %s", (name) => {
  const get = () => composed.get(name)!;

  it("has the headers: Subject, From, Date, Message-ID, Content-Language, MIME-Version", () => {
    const { prepared, email, mail } = get();
    const { meta } = prepared.release;
    expect(get().email.diagnostics).toEqual([]);
    const subject = meta.embargo
      ? `${labelsFor(prepared.lang).embargo.toLocaleUpperCase(prepared.lang)} ${formatDateTime(meta.embargo, prepared.lang)}: ${meta.title}`
      : meta.title;
    expect(mail.subject).toBe(subject);
    expect(mail.from?.value).toEqual([{ name: meta.contact!.name, address: meta.contact!.email }]);
    expect(mail.date?.toISOString()).toBe(documentDate(meta.date).toISOString());
    expect(mail.messageId).toBe(email.messageId);
    expect(email.messageId).toMatch(new RegExp(`^<${prepared.release.slug}\\.${prepared.lang.toLowerCase()}\\.[0-9a-f]{20}@${meta.contact!.email!.split("@")[1]!.replace(/\./g, "\\.")}>$`));
    expect(mail.headers.get("content-language")).toBe(prepared.lang);
    expect(mail.headers.get("mime-version")).toBe("1.0");
    expect(mail.to).toBeUndefined();
    expect(mail.headers.has("x-mailer")).toBe(false);
  });

  it("is multipart/mixed: multipart/alternative (text/plain flowed, then text/html), then the PDF", () => {
    const { raw } = get();
    const types = [...raw.matchAll(/^Content-Type: ([^;\r\n]+)/gim)].map((m) => m[1]!.toLowerCase());
    const expected = ["multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf"];
    expect(types.filter((t) => !t.startsWith("image/") && t !== "multipart/related")).toEqual(expected);
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8; format=flowed/m);
    // Every line of the message is short, as RFC 5322 wants (at most 998; nodemailer folds at 76).
    expect(Math.max(...raw.split("\r\n").map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(raw.includes("\n") && !/[^\r]\n/.test(raw)).toBe(true); // CRLF only
  });

  it("attaches the A4 handout: the same bytes, named <slug>-<lang>.pdf", () => {
    const { prepared, pdf, mail } = get();
    const pdfs = mail.attachments.filter((a) => a.contentType === "application/pdf");
    expect(pdfs).toHaveLength(1);
    expect(pdfs[0]!.filename).toBe(`${prepared.release.slug}-${prepared.lang}.pdf`);
    expect(pdfs[0]!.contentDisposition).toBe("attachment");
    expect(new Uint8Array(pdfs[0]!.content)).toEqual(pdf);
  });

  it("has a readable text/plain alternative: headline, standfirst, dateline, body, contact; pull quote once", () => {
    const { prepared, mail } = get();
    const { meta, blocks } = prepared.release;
    const text = mail.text!;
    expect(text).toContain(meta.title);
    if (meta.standfirst) expect(text).toContain(meta.standfirst);
    expect(text).toContain(meta.contact!.email);
    expect(text).toContain(meta.contact!.phone);
    // Paragraphs come back whole (format=flowed), in logical order, right to left included.
    for (const b of blocks) if (b.kind === "paragraph" && b.inlines.every((i) => i.kind === "text")) expect(text).toContain(inlineText(b.inlines));
    for (const b of blocks.filter((x) => x.kind === "pullquote")) {
      const quote = inlineText(b.inlines);
      // A repeat is read where the body says it, not a second time as a quotation.
      if (pullQuoteRepeatsBody(prepared.release, b)) expect(text).not.toContain(`> ${quote}`);
      else expect(text).toContain(`> ${quote}`);
    }
    for (const b of blocks) {
      if (b.kind !== "paragraph") continue;
      for (const i of b.inlines) if (i.kind === "link" && i.href.startsWith("http")) expect(text).toContain(i.href);
    }
  });

  it("has an HTML alternative with lang, dir, one h1 and the brand colour, and nothing remote", () => {
    const { prepared, mail } = get();
    const html = mail.html as string;
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain(`<html lang="${prepared.lang}" dir="${prepared.direction}">`);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(html).toContain("#0b5d6b");
    expect(html).not.toMatch(/<(script|style|link|iframe|object)\b/i);
    expect(html).not.toMatch(/\bsrc="(?!cid:)/);
    expect(html).not.toMatch(/\bclass=/);
  });
});

describe("determinism and ids", () => {
  it("the same input gives the same bytes, whatever the clock says", async () => {
    const { prepared, pdf, email } = composed.get("river-cleanup/en")!;
    // Only Date is faked: nodemailer's streams need real timers.
    vi.useFakeTimers({ now: new Date("2031-01-01T12:00:00Z"), toFake: ["Date"] });
    const again = await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: pdf } });
    vi.setSystemTime(new Date("2019-06-30T00:00:00Z"));
    const third = await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: pdf } });
    vi.useRealTimers();
    expect(Buffer.from(again.bytes).equals(Buffer.from(email.bytes))).toBe(true);
    expect(Buffer.from(third.bytes).equals(Buffer.from(email.bytes))).toBe(true);
  });

  it("another input gives another Message-ID and other boundaries", async () => {
    const { prepared, pdf, email, raw } = composed.get("river-cleanup/en")!;
    const other = await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: new Uint8Array([...pdf, 0x0a]) } });
    expect(other.messageId).not.toBe(email.messageId);
    const boundary = (s: string) => /boundary="([^"]+)"/.exec(s)![1];
    expect(boundary(Buffer.from(other.bytes).toString("latin1"))).not.toBe(boundary(raw));
  });

  it("Date follows SOURCE_DATE_EPOCH, or the date the caller gives", async () => {
    const { prepared, pdf } = composed.get("river-cleanup/en")!;
    vi.stubEnv("SOURCE_DATE_EPOCH", "1780000000");
    try {
      const mail = await parseMail((await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: pdf } })).bytes);
      expect(mail.date?.getTime()).toBe(1780000000 * 1000);
    } finally {
      vi.unstubAllEnvs();
    }
    const given = new Date("2026-04-21T09:30:00Z");
    const mail = await parseMail((await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: pdf }, date: given })).bytes);
    expect(mail.date?.toISOString()).toBe(given.toISOString());
  });
});

describe("content details", () => {
  it("an embargo prefixes the subject in the release's language", () => {
    expect(composed.get("clinic-vans/en")!.mail.subject).toMatch(/^EMBARGOED UNTIL .+ UTC: Two clinic vans/);
    const ar = composed.get("engineering-scholarships/ar")!;
    expect(ar.mail.subject!.startsWith(`${labelsFor("ar").embargo} `)).toBe(true);
  });

  it("a small image travels inline as a cid: part with its alt text; links are real links", () => {
    const { mail } = composed.get("river-cleanup/en")!;
    const image = mail.attachments.find((a) => a.contentType === "image/jpeg")!;
    expect(image.contentDisposition).toBe("inline");
    expect(image.cid).toMatch(/^figure-1\.[0-9a-f]{16}@river-cleanup$/);
    expect(mail.html).toContain(`src="cid:${image.cid}" alt="Illustration: volunteers in yellow hats`);
    expect(mail.html).toContain('<a href="https://wendvalley.example/volunteer"');
    expect(mail.text).toContain("[Volunteers on the towpath below Millbrook weir.]");
    expect(mail.text).toContain("wendvalley.example/volunteer (https://wendvalley.example/volunteer)");
  });

  it("a non-repeating pull quote is a blockquote with its attribution; a repeating one is left out", () => {
    const river = composed.get("river-cleanup/en")!.mail;
    expect(river.html).toMatch(/<blockquote[^>]*><p[^>]*>“Every tyre we lift out/);
    expect(river.text).toContain("> “Every tyre we lift out is one less reason for a kingfisher to move on.”\n> — Dr Ewan Lockhart, river ecologist");
    const harbour = composed.get("harbour-library/en")!.mail;
    expect(harbour.html).not.toMatch(/<blockquote/);
  });

  it("Arabic and Hebrew are right to left; the phone number reads left to right", () => {
    for (const name of ["harbour-library/ar", "engineering-scholarships/ar", "accessible-beach/he"]) {
      const { mail, prepared } = composed.get(name)!;
      expect(mail.html).toContain(`dir="rtl"`);
      expect(mail.html).toMatch(/<a href="tel:\+[0-9]+" dir="ltr"/);
      expect(mail.text).toContain(`\u200e${prepared.release.meta.contact!.phone}`);
    }
  });

  it("wraps text/plain as format=flowed at 72 characters, breaking only at spaces", () => {
    const { raw } = composed.get("harbour-library/en")!;
    const start = raw.indexOf("Content-Type: text/plain");
    const body = raw.slice(raw.indexOf("\r\n\r\n", start) + 4, raw.indexOf("\r\n--=_Pressroom", start));
    const decoded = Buffer.from(body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
    const lines = decoded.split("\r\n");
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(72);
    expect(lines.filter((l) => l.endsWith(" ")).length).toBeGreaterThan(20); // soft breaks
    expect(lines.some((l) => /\u00a0$/.test(l))).toBe(false); // never at a no-break space
  });
});

describe("refusals and fallbacks", () => {
  it("refuses the print master and bytes that are not a PDF", async () => {
    const { prepared } = composed.get("river-cleanup/en")!;
    const print = await composeReleaseEmail({ prepared, handout: { layout: "print", bytes: FAKE_PDF } });
    expect(print.bytes.length).toBe(0);
    expect(print.diagnostics[0]).toMatchObject({ severity: "error", message: expect.stringMatching(/print master/) });
    const junk = await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: new Uint8Array([1, 2, 3]) } });
    expect(junk.diagnostics[0]!.message).toMatch(/not a PDF/);
  });

  it("without a contact e-mail, the message is from the organisation at a placeholder address, with a warning", async () => {
    const dir = path.join(tempDir(), "no-contact");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "en.md"), "---\ntitle: A plain release\norganization: Quiet Council\ndate: 2026-03-02\n---\n\nThe lede.\n");
    const prepared = await prepareFile(path.join(dir, "en.md"));
    const email = await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: FAKE_PDF } });
    expect(email.diagnostics).toHaveLength(1);
    expect(email.diagnostics[0]).toMatchObject({ severity: "warning", line: 3 });
    const mail = await parseMail(email.bytes);
    expect(mail.from?.value).toEqual([{ name: "Quiet Council", address: "press@pressroom.invalid" }]);
    expect(email.messageId).toMatch(/@pressroom\.invalid>$/);
  });

  it("an image of 100 KB or more is left to the PDF: its caption stands in for it", async () => {
    const dir = path.join(tempDir(), "big-image");
    mkdirSync(path.join(dir, "images"), { recursive: true });
    const jpeg = new Uint8Array(150 * 1024);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0]);
    writeFileSync(path.join(dir, "images", "big.jpg"), jpeg);
    writeFileSync(path.join(dir, "en.md"), '---\ntitle: Big picture\norganization: Council\ndate: 2026-03-02\ncontact:\n  email: press@council.example\n---\n\nThe lede.\n\n![A wide view of the bay](images/big.jpg "The bay at dawn.")\n');
    const prepared = await prepareFile(path.join(dir, "en.md"));
    const mail = await parseMail((await composeReleaseEmail({ prepared, handout: { layout: "handout-a4", bytes: FAKE_PDF } })).bytes);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    expect(mail.html).not.toMatch(/<img/);
    expect(mail.html).toContain("The bay at dawn.");
  });
});
