import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPdf, IMPLEMENTED_CHECKS, type CheckProfile } from "../../src/verify/check.ts";

const dir = new URL("../../../shared/fixtures/pdf-defects/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8")) as Record<
  string,
  { expect: string[]; profile: CheckProfile }
>;
const allIds = readFileSync(new URL("CHECKS.txt", dir), "utf8")
  .split("\n")
  .map((l) => l.trim().split(/\s+/)[0])
  .filter((id): id is string => !!id);

const implemented = new Set(IMPLEMENTED_CHECKS);

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

  it("uses only ids from CHECKS.txt, plus 31-001", () => {
    expect(IMPLEMENTED_CHECKS.filter((id) => !allIds.includes(id) && id !== "31-001")).toEqual([]);
  });

  it("is exercised by the fixtures: every fixture expectation is an implemented id", () => {
    const expectedIds = new Set(Object.values(expected).flatMap((e) => e.expect));
    expect([...expectedIds].filter((id) => !implemented.has(id))).toEqual([]);
  });
});

describe("checkPdf on the defect fixtures", () => {
  for (const [name, { expect: want, profile }] of Object.entries(expected)) {
    it(`${name} (${profile}) → [${want.join(", ")}]`, async () => {
      const bytes = readFileSync(new URL(`${name}.pdf`, dir));
      const diagnostics = await checkPdf(bytes, { file: `${name}.pdf`, profiles: [profile] });
      const got = [...new Set(diagnostics.map((d) => d.code).filter((c): c is string => !!c && implemented.has(c)))].sort();
      const wantImplemented = want.filter((c) => implemented.has(c)).sort();
      // show the messages when the sets differ
      expect({ codes: got, messages: got.join() === wantImplemented.join() ? [] : diagnostics.map((d) => `${d.code}: ${d.message}`) }).toEqual({
        codes: wantImplemented,
        messages: [],
      });
      for (const d of diagnostics) {
        expect(d.file).toBe(`${name}.pdf`);
        expect(d.severity).toBe("error");
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.hint?.length ?? 0).toBeGreaterThan(10);
      }
    });
  }

  it("reports the page and object in content findings", async () => {
    const bytes = readFileSync(new URL("untagged_path.pdf", dir));
    const [d] = await checkPdf(bytes, { file: "untagged_path.pdf", profiles: ["ua"] });
    expect(d?.code).toBe("01-005");
    expect(d?.message).toMatch(/page 1/);
    expect(d?.message).toMatch(/'S'/);
  });

  it("checks both profiles at once on a print master", async () => {
    const bytes = readFileSync(new URL("print_rgb_op.pdf", dir));
    const codes = new Set((await checkPdf(bytes, { file: "p.pdf", profiles: ["ua", "print"] })).map((d) => d.code));
    expect(codes.has("PR-004")).toBe(true);
    expect(codes.has("01-x01")).toBe(true); // the print fixture is not tagged
  });

  it("returns a diagnostic instead of throwing on a broken file", async () => {
    const ds = await checkPdf(new TextEncoder().encode("not a pdf"), { file: "broken.pdf", profiles: ["ua"] });
    expect(ds.length).toBeGreaterThan(0);
    expect(ds[0]!.file).toBe("broken.pdf");
  });
});
