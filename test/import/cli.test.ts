/** `pressroom import` on the command line: guesses on stdout with line numbers, problems on stderr, exit codes. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docx } from "../support/docx.ts";
import { repoRoot, tempDir } from "../support/build.ts";
import { headingRelease, pastedText } from "./fixtures.ts";

const pressroom = (args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, "bin/pressroom.js"), ...args], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1772496000" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("pressroom import (CLI)", () => {
  it("prints the guesses with line numbers, then the problems the build will report; exit 0", () => {
    const dir = tempDir("pressroom-import-cli-");
    const file = path.join(dir, "library.docx");
    writeFileSync(file, docx(headingRelease));
    const content = path.join(dir, "content");
    const r = pressroom(["import", file, "--content", content]);
    expect(r.code).toBe(0);
    const md = path.join(content, "riverside-library-extends-its-opening-hours", "en.md");
    expect(r.stdout.split("\n")).toEqual(
      expect.arrayContaining([
        `${md}:2: title ← the first heading of the Word file (paragraph 1)`,
        `${md}:3: organization: TODO ← not found (no “About …” heading, no name repeated three times): left as a TODO, which the build reports until you write it`,
        `${md}:4: date 2026-03-03 ← the dateline “3 March 2026 —” (paragraph 2), taken out of the text`,
        `${md}:5: lang en ← Latin script, which Pressroom reads as English unless --lang says otherwise`,
        "slug riverside-library-extends-its-opening-hours ← the headline; pass --slug to choose another",
        `wrote ${md}: check the guesses above`,
      ]),
    );
    expect(r.stderr).toBe(`${md}:3:1: error: \`organization\` has no value\n  hint: write the value after \`organization:\`, or delete the line\n`);
  });

  it("refuses to overwrite (exit 1) and an unknown file type (exit 2), with a hint", () => {
    const dir = tempDir("pressroom-import-cli-");
    const file = path.join(dir, "ferry.txt");
    writeFileSync(file, pastedText);
    const content = path.join(dir, "content");
    expect(pressroom(["import", file, "--content", content, "--slug", "ferry"]).code).toBe(0);
    const again = pressroom(["import", file, "--content", content, "--slug", "ferry"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(/ferry\/en\.md: error: the file already exists; nothing was written\n {2}hint: .*never overwrites/);
    const odt = path.join(dir, "release.odt");
    writeFileSync(odt, "");
    const r = pressroom(["import", odt]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/release\.odt: error: Pressroom cannot import an OpenDocument text\n {2}hint: save it as \.docx/);
  });
});
