/**
 * An optional cross-check against the shared defect corpus that sits next
 * to the repository on some machines (../shared/fixtures/pdf-defects: small
 * PDFs from other producers, each with one known defect). Skipped where it
 * is absent; everything else tests on the corpus generated in test/support/defects.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkPdf, IMPLEMENTED_CHECKS, PDFX_CHECKS, type CheckProfile } from "../../src/verify/check.ts";
import { VARIANTS } from "../support/defects/corpus.ts";

const dir = new URL("../../../shared/fixtures/pdf-defects/", import.meta.url);
const present = existsSync(fileURLToPath(new URL("expected.json", dir)));

type Expected = Record<string, { expect: string[]; profile: CheckProfile }>;
const expected: Expected = present ? JSON.parse(readFileSync(new URL("expected.json", dir), "utf8")) : {};
const allIds = present
  ? readFileSync(new URL("CHECKS.txt", dir), "utf8")
      .split("\n")
      .map((l) => l.trim().split(/\s+/)[0])
      .filter((id): id is string => !!id)
  : [];
const implemented = new Set(IMPLEMENTED_CHECKS);

describe.skipIf(!present)("the shared defect corpus (when ../shared/fixtures/pdf-defects exists)", () => {
  it("lists every id of IMPLEMENTED_CHECKS in its CHECKS.txt, except our 31-001", () => {
    expect(IMPLEMENTED_CHECKS.filter((id) => !allIds.includes(id) && id !== "31-001")).toEqual([]);
  });

  it("expects only implemented ids, and the generated corpus exercises each of them too", () => {
    const ids = new Set(Object.values(expected).flatMap((e) => e.expect));
    expect([...ids].filter((id) => !implemented.has(id))).toEqual([]);
    const generated = new Set(VARIANTS.flatMap((v) => v.expect));
    expect([...ids].filter((id) => !generated.has(id))).toEqual([]);
  });

  for (const [name, { expect: want, profile }] of Object.entries(expected)) {
    it(`${name} (${profile}) → [${want.join(", ")}]`, async () => {
      const diagnostics = await checkPdf(readFileSync(new URL(`${name}.pdf`, dir)), { file: `${name}.pdf`, profiles: [profile] });
      const got = [...new Set(diagnostics.map((d) => d.code).filter((c): c is string => !!c && implemented.has(c)))].sort();
      const wantImplemented = want.filter((c) => implemented.has(c)).sort();
      expect({ codes: got, messages: got.join() === wantImplemented.join() ? [] : diagnostics.map((d) => `${d.code}: ${d.message}`) }).toEqual({
        codes: wantImplemented,
        messages: [],
      });
    });
  }

  it("never fires a PDF/X check on a fixture: none claims PDF/X", async () => {
    for (const name of Object.keys(expected)) {
      const ds = await checkPdf(readFileSync(new URL(`${name}.pdf`, dir)), { file: name, profiles: ["ua", "print"] });
      expect(ds.filter((d) => (PDFX_CHECKS as readonly (string | undefined)[]).includes(d.code)).map((d) => `${name}: ${d.code}`)).toEqual([]);
    }
  });
});
