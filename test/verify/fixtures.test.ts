import { beforeAll, describe, expect, it } from "vitest";
import { checkPdf, IMPLEMENTED_CHECKS, PDFX_CHECKS } from "../../src/verify/check.ts";
import { applyEdits, checkOptionsFor, generate, generateCorpus, VARIANTS, variantNamed } from "../support/defects/corpus.ts";

const implemented = new Set(IMPLEMENTED_CHECKS);
/** Every code the verify stage can report: the PDF/UA-1 and print checkpoints and the PDF/X-4 ones. */
const allCodes = new Set<string>([...IMPLEMENTED_CHECKS, ...PDFX_CHECKS]);

let corpus: Map<string, Uint8Array>;
beforeAll(async () => {
  corpus = await generateCorpus();
});

const codesOf = (ds: { code?: string }[]): string[] => [...new Set(ds.map((d) => d.code ?? "(no code)"))].sort();

describe("IMPLEMENTED_CHECKS", () => {
  it("covers the document-level, content, link and font checkpoints", () => {
    const required = [
      "01-x01", "01-x02", "01-007", "06-001", "06-002", "06-003", "06-x01", "07-001", "07-002", "11-001", "11-x01",
      "01-005", "01-003", "01-004", "01-x03", "01-x04", "01-x05", "01-x06", "01-x07", "30-001", "30-002",
      "28-011", "28-012", "28-x01",
      "31-009", "31-027", "10-001", "31-028", "31-029", "31-004", "31-005", "31-006",
    ];
    expect(required.filter((id) => !implemented.has(id))).toEqual([]);
  });

  it("is exercised by the variants: every code is what at least one variant must fail", () => {
    const expected = new Set(VARIANTS.flatMap((v) => v.expect));
    expect([...allCodes].filter((id) => !expected.has(id))).toEqual([]);
  });

  it("knows every code a variant expects", () => {
    expect(VARIANTS.flatMap((v) => v.expect.filter((c) => !allCodes.has(c)).map((c) => `${v.name}: ${c}`))).toEqual([]);
  });
});

describe("the generated defect corpus", () => {
  it("names each variant once and has clean controls on both bases", () => {
    expect(new Set(VARIANTS.map((v) => v.name)).size).toBe(VARIANTS.length);
    for (const base of ["handout", "print"] as const) expect(VARIANTS.filter((v) => v.base === base && v.expect.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it("changes its base in every variant", () => {
    const bases = { handout: corpus.get("control_baseline")!, print: corpus.get("print_master")! };
    const same = VARIANTS.filter((v) => v.edit || v.finish).filter((v) => Buffer.from(corpus.get(v.name)!).equals(bases[v.base]));
    expect(same.map((v) => v.name)).toEqual([]);
  });

  it("generates the same bytes again (an encrypted variant included)", async () => {
    for (const name of ["nested_mcid", "truetype_no_encoding", "encrypted_no_accessibility", "print_rgb_image"])
      expect(Buffer.from(await generate(variantNamed(name))).equals(corpus.get(name)!), name).toBe(true);
  });
});

describe("checkPdf on the defect variants", () => {
  for (const v of VARIANTS) {
    it(`${v.name} (${v.base}) → [${v.expect.join(", ")}]`, async () => {
      const options = checkOptionsFor(v);
      const diagnostics = await checkPdf(corpus.get(v.name)!, options);
      const got = codesOf(diagnostics);
      const want = [...v.expect].sort();
      // show the messages when the sets differ
      expect({ codes: got, messages: got.join() === want.join() ? [] : diagnostics.map((d) => `${d.code}: ${d.message}`) }).toEqual({ codes: want, messages: [] });
      for (const d of diagnostics) {
        expect(d.file).toBe(options.file);
        expect(d.severity).toBe("error");
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.hint?.length ?? 0).toBeGreaterThan(10);
      }
    });
  }

  it("reports the page and operator in content findings", async () => {
    const [d] = await checkPdf(corpus.get("untagged_path")!, { file: "untagged_path.pdf", profiles: ["ua"] });
    expect(d?.code).toBe("01-005");
    expect(d?.message).toMatch(/page 1/);
    expect(d?.message).toMatch(/'S'/);
  });

  it("checks both profiles at once on a print master", async () => {
    const bytes = await applyEdits({ base: "print" }, variantNamed("print_rgb_op"), variantNamed("no_markinfo"));
    const codes = codesOf(await checkPdf(bytes, { file: "p.pdf", profiles: ["ua", "print"] }));
    expect(codes).toEqual(["01-x01", "PR-004"]);
    expect(codesOf(await checkPdf(bytes, { file: "p.pdf", profiles: ["print"] }))).toEqual(["PR-004"]);
  });

  it("returns a diagnostic instead of throwing on a broken file", async () => {
    const ds = await checkPdf(new TextEncoder().encode("not a pdf"), { file: "broken.pdf", profiles: ["ua"] });
    expect(ds.length).toBeGreaterThan(0);
    expect(ds[0]!.file).toBe("broken.pdf");
  });
});
