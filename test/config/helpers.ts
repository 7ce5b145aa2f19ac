/** Project folders with a pressroom.config.json for the configuration tests. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot, tempDir } from "../support/build.ts";

/** The example brand's logo (examples/brand/logo.svg). */
export const EXAMPLE_LOGO = readFileSync(path.join(repoRoot, "examples/brand/logo.svg"), "utf8");

/** The logo's sun: a colour nothing else on the page has. */
export const LOGO_SUN = { r: 0xf2, g: 0xb1, b: 0x34 };

/** A brand with every kind of setting: the example's SVG logo, colours and a heading font (DejaVu Sans under another name). */
export const BRAND = {
  logo: "brand/logo.svg",
  colours: {
    accent: { rgb: "#7a1f5c", cmyk: [50, 95, 25, 20] },
    accentSoft: { rgb: "#f6ebf1", cmyk: [5, 9, 4, 0] },
    link: { rgb: "#5c1745", cmyk: [57, 96, 34, 38] },
  },
  fonts: {
    heading: {
      name: "Brand Sans",
      scripts: ["Latn", "Cyrl"],
      faces: [
        { weight: 400, style: "normal", file: "npm:dejavu-fonts-ttf/ttf/DejaVuSans.ttf" },
        { weight: 700, style: "normal", file: "npm:dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf" },
      ],
    },
  },
};

/**
 * A project folder: `pressroom.config.json` (an object, written with two-space
 * indentation, or raw text) and the given files. `content`: copy these
 * releases of content/ into `content/`.
 */
export function project(config: unknown | undefined, files: Record<string, string | Buffer> = {}, content: string[] = []): string {
  const dir = tempDir("pressroom-project-");
  if (config !== undefined) writeFileSync(path.join(dir, "pressroom.config.json"), typeof config === "string" ? config : `${JSON.stringify(config, null, 2)}\n`);
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  for (const slug of content) cpSync(path.join(repoRoot, "content", slug), path.join(dir, "content", slug), { recursive: true });
  return dir;
}

/** 1-based line and column of the first `needle` in the project's pressroom.config.json (after `after`, if given). */
export function positionOf(dir: string, needle: string, after?: string): { line: number; column: number } {
  const text = readFileSync(path.join(dir, "pressroom.config.json"), "utf8");
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`${needle} not in the config`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}
