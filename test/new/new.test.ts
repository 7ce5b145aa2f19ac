/**
 * `pressroom new`: the skeleton has every front-matter key, builds with no
 * error and no warning in every language Pressroom has placeholder text for,
 * and an existing release is never touched.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newRelease } from "../../src/new/new-release.ts";
import { PLACEHOLDER_LANGUAGES } from "../../src/new/placeholders.ts";
import { skeleton } from "../../src/new/skeleton.ts";
import { parseRelease } from "../../src/parse/parse-release.ts";
import { readStructureTree, type StructNode } from "../../src/verify/readback.ts";
import { buildInto, describeDiagnostics, readOutput, repoRoot, tempDir } from "../support/build.ts";

const pressroom = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, "bin/pressroom.js"), ...args], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const roles = (n: StructNode, role: string): StructNode[] => [...(n.role === role ? [n] : []), ...n.children.flatMap((c) => roles(c, role))];

/** Every file under `dir` with its bytes and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    const s = statSync(file);
    out[name] = s.isFile() ? `${s.mtimeMs} ${readFileSync(file, "utf8")}` : "dir";
  }
  return out;
}

describe("pressroom new", () => {
  it("writes every front-matter key, commented, the embargo commented out, and the Background heading in the language", () => {
    const text = skeleton({ lang: "uk", date: "2026-03-03" });
    for (const key of ["title", "standfirst", "organization", "date", "place", "lang", "contact"]) expect(text).toMatch(new RegExp(`\\n# .+\\n${key}:`));
    expect(text).toContain("\n# embargo: 2026-03-03T06:00:00Z\n");
    expect(text).toMatch(/\ncontact:\n {2}name: .+\n {2}email: press@example\.org\n {2}phone: "\+44 20 7946 0000"\n---\n/);
    expect(text).toContain("\ndate: 2026-03-03\n");
    expect(text).toContain("\n> [!PULLQUOTE]\n> «");
    expect(text).toContain("\n## Довідка\n");
    expect(skeleton({ lang: "sv", date: "2026-03-03" })).toContain("\n## Background\n");
  });

  it("parses without a problem in every language with placeholders, and in one without (English text)", () => {
    for (const lang of [...PLACEHOLDER_LANGUAGES, "sv", "en-GB"]) {
      const parsed = parseRelease({ slug: "x", lang, path: `x/${lang}.md`, dir: "x", text: skeleton({ lang, date: "2026-03-03" }) });
      expect(parsed.diagnostics, lang).toEqual([]);
      expect(parsed.release?.blocks.map((b) => b.kind), lang).toEqual(["paragraph", "paragraph", "pullquote", "heading", "paragraph"]);
    }
  });

  it("`new x --lang en,uk` builds with no error or warning; the headline is the only H1", async () => {
    const contentDir = path.join(tempDir("pressroom-new-"), "content");
    const result = await newRelease({ slug: "x", langs: ["en", "uk"], contentDir, date: "2026-03-03" });
    expect(result.code).toBe(0);
    expect(result.written).toEqual([path.join(contentDir, "x", "en.md"), path.join(contentDir, "x", "uk.md")]);
    const built = await buildInto(contentDir);
    expect(describeDiagnostics(built)).toBe("");
    expect(built.outputs).toHaveLength(2 * 5); // four PDF editions and the press e-mail
    const tree = await readStructureTree(readOutput(built.outDir, "x/uk/handout-a4.pdf"));
    expect(roles(tree, "H1").map((n) => n.text)).toEqual(["Заголовок прес-релізу одним рядком"]);
    expect(roles(tree, "H2").map((n) => n.text)).toContain("Довідка");
  });

  it("every language with placeholders builds in handout-a4 with no error or warning", async () => {
    const contentDir = path.join(tempDir("pressroom-new-"), "content");
    const result = await newRelease({ slug: "all", langs: PLACEHOLDER_LANGUAGES, contentDir, date: "2026-03-03" });
    expect(result.code).toBe(0);
    expect(result.englishFallback).toEqual([]);
    const built = await buildInto(contentDir, { layouts: ["handout-a4"] });
    expect(describeDiagnostics(built)).toBe("");
    expect(built.outputs).toHaveLength(PLACEHOLDER_LANGUAGES.length);
  });

  it("a second `new x` refuses with exit 1 and touches nothing; a bad slug or tag is exit 2 and writes nothing", () => {
    const contentDir = path.join(tempDir("pressroom-new-"), "content");
    const first = pressroom(["new", "x", "--lang", "en,uk", "--content", contentDir], { SOURCE_DATE_EPOCH: "1772496000" });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${path.join(contentDir, "x", "en.md")}`);
    expect(readFileSync(path.join(contentDir, "x", "en.md"), "utf8")).toContain("\ndate: 2026-03-03\n");
    writeFileSync(path.join(contentDir, "x", "en.md"), "edited by the author\n");
    const before = snapshot(contentDir);

    const again = pressroom(["new", "x", "--lang", "en,de", "--content", contentDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`${path.join(contentDir, "x")}: error: the release \`x\` already exists; nothing was written\n  hint: choose another slug, or move the folder away first: Pressroom never overwrites a release\n`);
    expect(snapshot(contentDir)).toEqual(before);

    const badSlug = pressroom(["new", "Harbour Library", "--content", contentDir]);
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr).toMatch(/error: `Harbour Library` is not a valid slug for a release folder\n {2}hint: .*`harbour-library`/);
    const badLang = pressroom(["new", "y", "--lang", "en,en_GB", "--content", contentDir]);
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toMatch(/error: `en_GB` is not a valid BCP 47 language tag\n {2}hint: did you mean `--lang en-GB`\?/);
    expect(snapshot(contentDir)).toEqual(before);
    expect(existsSync(path.join(contentDir, "y"))).toBe(false);
  });

  it("refuses a slug whose name is taken by a file, and creates the content folder when there is none", async () => {
    const root = tempDir("pressroom-new-");
    mkdirSync(path.join(root, "content"));
    writeFileSync(path.join(root, "content", "taken"), "a file");
    expect((await newRelease({ slug: "taken", contentDir: path.join(root, "content") })).code).toBe(1);
    expect(readFileSync(path.join(root, "content", "taken"), "utf8")).toBe("a file");
    const fresh = await newRelease({ slug: "fresh", contentDir: path.join(root, "new", "content") });
    expect(fresh.code).toBe(0);
    expect(fresh.written).toEqual([path.join(root, "new", "content", "fresh", "en.md")]);
  });

  it("--help works for new and import", () => {
    for (const command of ["new", "import"]) {
      const r = pressroom([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Usage: pressroom ${command} \\[options\\] <(slug|file)>`));
      expect(r.stdout).toContain("--lang");
      expect(r.stdout).toContain("--content <dir>");
    }
  });
});
