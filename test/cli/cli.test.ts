import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyContent, repoRoot, tempDir } from "../support/build.ts";
import { generate, variantNamed } from "../support/defects/corpus.ts";

/** Two defective variants and a clean one from the generated defect corpus, written to disk. */
let fixtures: string;
beforeAll(async () => {
  fixtures = tempDir("pressroom-check-");
  for (const name of ["untagged_text", "no_lang", "control_baseline"]) writeFileSync(path.join(fixtures, `${name}.pdf`), await generate(variantNamed(name)));
});

function pressroom(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, "bin/pressroom.js"), ...args], { cwd: repoRoot, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("pressroom CLI", () => {
  it("builds into --out and exits 0", () => {
    const out = tempDir();
    // --jobs 0: no worker threads
    const r = pressroom("build", copyContent(["river-cleanup"]), "--out", out, "--layout", "handout-a4", "--lang", "en", "--jobs", "0");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(path.join(out, "river-cleanup/en/handout-a4.pdf"));
    expect(r.stdout).toMatch(/1 file written, 0 errors/);
  });

  it("prints path:line:col: error: message with a hint, no stack trace, and exits 1 on bad input", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "bad"));
    writeFileSync(path.join(dir, "bad", "en.md"), "---\ntitel: X\norganization: Y\ndate: 2026-01-01\n---\nText.\n");
    const r = pressroom("build", dir, "--out", tempDir());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\/en\.md:2:1: error: unknown key `titel`/);
    expect(r.stderr).toMatch(/hint: did you mean `title`\?/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on bad usage", () => {
    expect(pressroom("build", "--layout", "no-such-layout").code).toBe(2);
    expect(pressroom("frobnicate").code).toBe(2);
    expect(pressroom("check").code).toBe(2);
    expect(pressroom("build", "--nope").code).toBe(2);
    expect(pressroom("build", "--jobs", "-1").code).toBe(2);
    expect(pressroom("build", "--jobs", "two").code).toBe(2);
  });

  it("check: one line per problem and exit 1 for a defective PDF, exit 0 for a clean one", () => {
    const bad = pressroom("check", path.join(fixtures, "untagged_text.pdf"), path.join(fixtures, "no_lang.pdf"));
    expect(bad.code).toBe(1);
    const lines = bad.stderr.trim().split("\n");
    expect(lines.some((l) => /untagged_text\.pdf: error: \[01-005\]/.test(l))).toBe(true);
    expect(lines.some((l) => /no_lang\.pdf: error: \[11-001\]/.test(l))).toBe(true);
    const good = pressroom("check", path.join(fixtures, "control_baseline.pdf"));
    expect(good.stderr).toBe("");
    expect(good.code).toBe(0);
  });

  it("check: a missing file is an error, not a crash", () => {
    const r = pressroom("check", "/nonexistent/file.pdf");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/file\.pdf: error: cannot read the file: ENOENT/);
  });
});
