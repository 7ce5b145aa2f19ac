/**
 * Document strings: the Info dictionary and the XMP packet carry the same
 * title, author and subject, whatever characters the front matter holds.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeXmp } from "../../src/verify/xmp.ts";
import { isDict, streamBytes, textOf, withPdf } from "../../src/verify/pdf.ts";
import { buildInto, describeDiagnostics, readOutput, tempDir } from "../support/build.ts";

/** Titles a press office might write, and some it might paste by accident. */
const hostile: { slug: string; title: string; standfirst: string; organization: string }[] = [
  { slug: "ampersand-dash", title: "R&D — x", standfirst: "Jobs & growth — the council’s plan", organization: "Smith & Sons — Builders" },
  { slug: "markup", title: "A <B> — c", standfirst: "Less < more > less — said \"nobody\"", organization: "<Org> & 'Co'" },
  { slug: "quotes", title: "\"Quoted\" & 'single' — both", standfirst: "It's \"fine\" — isn't it?", organization: "O'Brien & Co" },
  { slug: "all-escapes", title: "& < > \" ' — all of them", standfirst: "&amp; is not an entity here", organization: "A&B" },
  { slug: "emoji", title: "Launch day 🚀 — the river ♻ project", standfirst: "Volunteers 🙌 welcome", organization: "Green 🌱 Trust" },
  { slug: "rtl", title: "مكتبة عائمة — R&D في هاربور", standfirst: "ספרייה צפה & קריאה", organization: "مجلس المدينة & Co" },
  { slug: "combining", title: "Café Zoë — Ελληνικά & e\u0301\u0301 a\u0308", standfirst: "Ко\u0301мпас — ñ", organization: "Société Générale des Eaux" },
];

const frontMatter = (h: (typeof hostile)[number]) => `---
title: ${JSON.stringify(h.title)}
standfirst: ${JSON.stringify(h.standfirst)}
organization: ${JSON.stringify(h.organization)}
date: 2026-03-02
---

A first paragraph about ${h.slug}.
`;

type DocStrings = { info: Record<string, string | undefined>; xmp: string };

async function readStrings(bytes: Uint8Array): Promise<DocStrings> {
  return withPdf(bytes, (doc) => {
    const trailer = doc.getTrailer();
    const info = trailer.get("Info");
    const read = (key: string) => (isDict(info) ? textOf(info.get(key)) : undefined);
    const metadata = doc.getTrailer().get("Root").get("Metadata");
    return {
      info: { Title: read("Title"), Author: read("Author"), Subject: read("Subject") },
      xmp: decodeXmp(streamBytes(metadata) ?? new Uint8Array()),
    };
  });
}

const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!);

/** The text of the first `<tag>…<rdf:li …>value</rdf:li>` in the packet. */
function xmpValue(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>[\\s\\S]*?<rdf:li[^>]*>([\\s\\S]*?)</rdf:li>`).exec(xml);
  return m ? unescape(m[1]!) : undefined;
}

describe("Info and XMP agree for any title, standfirst and organisation", () => {
  let outDir = "";
  beforeAll(async () => {
    const dir = tempDir();
    for (const h of hostile) {
      mkdirSync(path.join(dir, h.slug));
      writeFileSync(path.join(dir, h.slug, "en.md"), frontMatter(h));
    }
    const result = await buildInto(dir, { layouts: ["handout-a4", "print"] });
    expect(describeDiagnostics(result)).toBe("");
    outDir = result.outDir;
  });

  it.each(hostile.flatMap((h) => ["handout-a4", "print"].map((layout) => [h.slug, layout, h] as const)))(
    "%s (%s)",
    async (slug, layout, h) => {
      const { info, xmp } = await readStrings(readOutput(outDir, `${slug}/en/${layout}.pdf`));
      expect(info.Title).toBe(h.title);
      expect(info.Author).toBe(h.organization);
      expect(info.Subject).toBe(h.standfirst);
      expect(xmpValue(xmp, "dc:title")).toBe(h.title);
      expect(xmpValue(xmp, "dc:creator")).toBe(h.organization);
      expect(xmpValue(xmp, "dc:description")).toBe(h.standfirst);
    },
  );
});
