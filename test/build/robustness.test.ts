import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { checkPdf } from "../../src/verify/check.ts";
import { readStructureTree } from "../../src/verify/readback.ts";
import { buildInto, copyContent, describeDiagnostics, readOutput, tempDir, treeText, wordsOf } from "../support/build.ts";

const frontMatter = (extra = "") => `---
title: Test release
organization: Test Council
date: 2026-03-02
${extra}---
`;

describe("a build with bad input", () => {
  it("reports each bad file with file and line, and still builds the good ones", async () => {
    const dir = copyContent(["river-cleanup"]);
    mkdirSync(path.join(dir, "broken"));
    writeFileSync(path.join(dir, "broken", "en.md"), `---\ntitle: Broken\norgnization: Test Council\ndate: 2026-02-30\n---\nSee [this](ftp://example.org) and ![](missing.png).\n`);
    const result = await buildInto(dir, { layouts: ["handout-a4"] });
    expect(result.outputs.map((o) => o.file)).toEqual(["river-cleanup/en/handout-a4.pdf"]);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    const at = (needle: string) => errors.find((d) => d.message.includes(needle));
    expect(at("orgnization")).toMatchObject({ file: expect.stringContaining("broken/en.md"), line: 3, hint: expect.stringContaining("organization") });
    expect(at("2026-02-30")).toMatchObject({ line: 4 });
    expect(at("ftp")).toMatchObject({ line: 6 });
    expect(errors.length).toBeGreaterThanOrEqual(4);
  });

  it("never replaces a good PDF with a failed build", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "notice"));
    const file = path.join(dir, "notice", "en.md");
    writeFileSync(file, `${frontMatter()}\nA first paragraph.\n`);
    const outDir = tempDir();
    const first = await build({ contentDir: dir, outDir, layouts: ["handout-a4"] });
    expect(describeDiagnostics(first)).toBe("");
    const pdf = path.join(outDir, "notice/en/handout-a4.pdf");
    const good = readFileSync(pdf);
    writeFileSync(file, `${frontMatter()}\n# Not allowed\n\nA second paragraph.\n`);
    const second = await build({ contentDir: dir, outDir, layouts: ["handout-a4"] });
    expect(second.outputs).toEqual([]);
    expect(second.diagnostics[0]).toMatchObject({ line: 7, message: expect.stringContaining("H1") });
    expect(readFileSync(pdf).equals(good)).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(outDir, "manifest.json"), "utf8"));
    expect(manifest.outputs).toHaveLength(1);
  });
});

describe("deterministic output", () => {
  it("gives byte-identical PDFs for the same input, also after other languages were built", async () => {
    const a = await buildInto(copyContent());
    const b = await buildInto(copyContent(["harbour-library"]), { langs: ["en"] });
    const file = "harbour-library/en/handout-a4.pdf";
    expect(Buffer.from(readOutput(a.outDir, file)).equals(Buffer.from(readOutput(b.outDir, file)))).toBe(true);
  });

  it("takes the document date from SOURCE_DATE_EPOCH when set", async () => {
    process.env.SOURCE_DATE_EPOCH = "1767225600"; // 2026-01-01T00:00:00Z
    try {
      const r = await buildInto(copyContent(["river-cleanup"]));
      const text = Buffer.from(readOutput(r.outDir, "river-cleanup/en/handout-a4.pdf")).toString("latin1");
      expect(text).toContain("(D:20260101000000Z)");
      expect(text).not.toContain("(D:20260302000000Z)");
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});

describe("a release the team has never seen", () => {
  it("builds beside the samples in one run, in several languages, with every PDF clean", async () => {
    const dir = copyContent();
    mkdirSync(path.join(dir, "night-buses"));
    writeFileSync(path.join(dir, "night-buses", "en.md"), `${frontMatter("standfirst: Three new routes run all night from April.\nplace: Northgate\n")}
Northgate's transport board will run three **night bus** routes from 1 April, linking the hospital, the station and the university halls.

> [!PULLQUOTE]
> “Night workers should not have to choose between a taxi fare and a two-hour walk.”
> — Chair of the transport board

The routes were chosen after a [public survey](https://transport.example/survey) with 4,812 answers. Greek-speaking residents asked for notices in their language too: [Καλό ταξίδι]{lang=el}.

## Background

- Route N1: Hospital – Station
- Route N2: Station – University
`);
    writeFileSync(path.join(dir, "night-buses", "el.md"), `${frontMatter("place: Νορθγκέιτ\n")}
Το συμβούλιο μεταφορών θα λειτουργήσει τρεις νυχτερινές γραμμές λεωφορείων από την 1η Απριλίου.

Περισσότερα στο [survey](https://transport.example/survey).
`);
    const result = await buildInto(dir, { layouts: ["handout-a4"] });
    expect(describeDiagnostics(result)).toBe("");
    const files = result.outputs.map((o) => o.file);
    expect(files).toEqual(expect.arrayContaining(["night-buses/en/handout-a4.pdf", "night-buses/el/handout-a4.pdf", "harbour-library/uk/handout-a4.pdf"]));
    for (const o of result.outputs) {
      const bytes = readOutput(result.outDir, o.file);
      expect(await checkPdf(bytes, { file: o.file, profiles: ["ua"] }), o.file).toEqual([]);
    }
    const greek = wordsOf(treeText(await readStructureTree(readOutput(result.outDir, "night-buses/el/handout-a4.pdf"))));
    expect(greek).toEqual(expect.arrayContaining(["νυχτερινές", "λεωφορείων", "Απριλίου"]));
    expect(statSync(path.join(result.outDir, "manifest.json")).size).toBeGreaterThan(0);
  });
});
