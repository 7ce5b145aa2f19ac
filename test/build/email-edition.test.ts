/**
 * The press e-mail as an edition of the build: `release.eml` next to the
 * PDFs, attaching the handout written in the same build (or kept from an
 * earlier one), in the manifest and the cache like any output, left out
 * by `--layout`, and with the US Letter handout when the editions say so.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { planUnits, shardUnits } from "../../src/build/units.ts";
import { copyContent, describeDiagnostics, readOutput, tempDir } from "../support/build.ts";

const attachmentOf = async (outDir: string, file: string) => {
  const mail = await simpleParser(readFileSync(path.join(outDir, file)));
  const pdfs = mail.attachments.filter((a) => a.contentType === "application/pdf");
  expect(pdfs).toHaveLength(1);
  return { mail, name: pdfs[0]!.filename, bytes: new Uint8Array(pdfs[0]!.content) };
};

describe("the press e-mail edition", () => {
  it("with --layout email alone, builds the A4 handout too and attaches it byte for byte; a rebuild rewrites nothing", async () => {
    const content = copyContent(["harbour-library"]);
    const outDir = tempDir();
    const first = await build({ contentDir: content, outDir, layouts: ["email"], langs: ["en", "ar"] });
    expect(describeDiagnostics(first)).toBe("");
    expect(first.outputs.map((o) => `${o.file} ${o.layout}`)).toEqual([
      "harbour-library/ar/handout-a4.pdf handout-a4", "harbour-library/ar/release.eml email",
      "harbour-library/en/handout-a4.pdf handout-a4", "harbour-library/en/release.eml email",
    ]);
    const { mail, name, bytes } = await attachmentOf(outDir, "harbour-library/ar/release.eml");
    expect(name).toBe("harbour-library-ar.pdf");
    expect(bytes).toEqual(readOutput(outDir, "harbour-library/ar/handout-a4.pdf"));
    expect(mail.headers.get("content-language")).toBe("ar");
    const manifest = JSON.parse(readFileSync(path.join(outDir, "manifest.json"), "utf8"));
    expect(manifest.outputs.find((o: { file: string }) => o.file === "harbour-library/en/release.eml")).toMatchObject({ layout: "email", pages: 0, title: "Harbour Town’s library boat begins its island round" });

    const mtime = statSync(path.join(outDir, "harbour-library/en/release.eml")).mtimeMs;
    const second = await build({ contentDir: content, outDir, layouts: ["email"], langs: ["en", "ar"] });
    expect(second).toMatchObject({ built: 0, reused: 4 });
    expect(statSync(path.join(outDir, "harbour-library/en/release.eml")).mtimeMs).toBe(mtime);

    // An edit rebuilds the language's handout and its e-mail, which attaches the new handout.
    const file = path.join(content, "harbour-library", "en.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Harbour Town’s library boat", "title: Harbour Town’s new library boat"));
    const third = await build({ contentDir: content, outDir, layouts: ["email"], langs: ["en", "ar"] });
    expect(describeDiagnostics(third)).toBe("");
    expect(third).toMatchObject({ built: 2, reused: 2 });
    const again = await attachmentOf(outDir, "harbour-library/en/release.eml");
    expect(again.mail.subject).toBe("Harbour Town’s new library boat begins its island round");
    expect(again.bytes).toEqual(readOutput(outDir, "harbour-library/en/handout-a4.pdf"));
  });

  it("is rebuilt from a handout kept from an earlier build, and gives the same bytes in another folder", async () => {
    const content = copyContent(["harbour-library"]);
    const outDir = tempDir();
    await build({ contentDir: content, outDir, layouts: ["handout-a4"], langs: ["uk"] });
    const later = await build({ contentDir: content, outDir, layouts: ["handout-a4", "email"], langs: ["uk"] });
    expect(describeDiagnostics(later)).toBe("");
    expect(later).toMatchObject({ built: 1, reused: 1 });
    const fresh = tempDir();
    await build({ contentDir: content, outDir: fresh, layouts: ["email"], langs: ["uk"], jobs: 2 });
    expect(readOutput(fresh, "harbour-library/uk/release.eml")).toEqual(readOutput(outDir, "harbour-library/uk/release.eml"));
  });

  it("attaches the US Letter handout when the editions have it and not the A4 one; --layout without email writes none", async () => {
    const content = copyContent(["harbour-library"]);
    const letter = tempDir();
    const built = await build({ contentDir: content, outDir: letter, layouts: ["handout-letter", "email"], langs: ["de"] });
    expect(built.outputs.map((o) => o.file)).toEqual(["harbour-library/de/handout-letter.pdf", "harbour-library/de/release.eml"]);
    expect((await attachmentOf(letter, "harbour-library/de/release.eml")).bytes).toEqual(readOutput(letter, "harbour-library/de/handout-letter.pdf"));

    const none = tempDir();
    const pdfsOnly = await build({ contentDir: content, outDir: none, layouts: ["handout-a4", "print"], langs: ["de"] });
    expect(pdfsOnly.outputs.map((o) => o.file)).toEqual(["harbour-library/de/handout-a4.pdf", "harbour-library/de/print.pdf"]);
  });

  it("goes to the shard of the handout it attaches", () => {
    const sources = ["a", "b", "c"].flatMap((slug) => ["en", "uk"].map((lang) => ({ slug, lang, path: `${slug}/${lang}.md`, dir: slug, text: "" })));
    const units = planUnits(sources, ["handout-a4", "print", "email"]);
    expect(units.filter((u) => u.layout === "email")).toHaveLength(6);
    for (const count of [2, 3, 5]) {
      const shards = Array.from({ length: count }, (_, i) => shardUnits(units, { index: i + 1, count }));
      expect(shards.flat().map((u) => u.file).sort()).toEqual(units.map((u) => u.file).sort());
      for (const shard of shards) {
        for (const email of shard.filter((u) => u.attach)) expect(shard.map((u) => u.file)).toContain(email.attach);
      }
    }
  });
});
