/**
 * The `brand` key of `pressroom.config.json` resolved into a `Brand`: the
 * logo read and rasterised, colours checked for contrast, brand fonts
 * resolved and checked like the font manifest's. Every problem points at
 * the key's line and column in the configuration.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { COLOUR_NAMES, TEXT_COLOURS, type Brand, type BrandLogo, type ColourName } from "../model/brand.ts";
import { error, hasErrors, type Diagnostic, type SourceLocation } from "../model/diagnostic.ts";
import { checkFaces, resolveFaces, type FontFamily, type FontFileBase, type FontRole } from "../prepare/font-manifest.ts";
import { packageRoot } from "../paths.ts";
import type { ColourToken } from "../render/colour.ts";
import type { JsonPath } from "./json-source.ts";
import { loadLogo } from "./logo.ts";
import { CONFIG_FILE, type BrandInput } from "./schema.ts";

/** WCAG 2 minimum contrast for body-size text (AA). */
export const MIN_CONTRAST = 4.5;
/** …and for large text (the pull quote: bold, 14 pt or more). */
export const MIN_CONTRAST_LARGE = 3;

const ROLES: FontRole[] = ["body", "heading", "ui"];

export type BrandContext = {
  /** The configuration file as messages name it. */
  file: string;
  /** Its folder (absolute): brand paths are relative to it. */
  dir: string;
  /** Line and column of a JSON path in the configuration. */
  at(path: JsonPath): SourceLocation;
};

const warning = (at: SourceLocation, message: string, hint?: string): Diagnostic => ({ ...error(at, message, hint), severity: "warning" });

/** The brand, or only diagnostics when any of its files is missing or broken. `undefined` brand: nothing to brand. */
export async function resolveBrand(input: BrandInput, context: BrandContext): Promise<{ brand?: Brand; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const at = (p: JsonPath) => context.at(["brand", ...p]);
  const digest = createHash("sha256").update("pressroom-brand-1\0").update(JSON.stringify(input)).update("\0");

  // colours
  const colours = input.colours ? (Object.fromEntries(COLOUR_NAMES.filter((n) => input.colours![n]).map((n) => [n, input.colours![n]!])) as Partial<Record<ColourName, ColourToken>>) : undefined;
  if (colours) diagnostics.push(...checkColours(colours, at));

  // logo
  let logo: BrandLogo | undefined;
  if (input.logo !== undefined) {
    const loaded = await loadLogo(path.resolve(context.dir, input.logo), input.logo);
    if ("problem" in loaded) diagnostics.push(error(at(["logo"]), loaded.problem, loaded.hint));
    else {
      logo = loaded.logo;
      digest.update(loaded.bytes).update("\0");
      for (const w of loaded.warnings) diagnostics.push(warning(at(["logo"]), w.problem, w.hint));
    }
  }

  // fonts
  let fonts: Brand["fonts"];
  if (input.fonts && ROLES.some((r) => input.fonts![r])) {
    const base: FontFileBase = {
      dir: context.dir,
      // The project's own packages first, then Pressroom's (its font packages).
      requireFrom: [path.join(context.dir, CONFIG_FILE), path.join(packageRoot, "package.json")],
      hints: {
        absolute: `put the font in the project and give its path relative to ${CONFIG_FILE} so the build works on other machines`,
        missing: `paths are relative to the folder of ${CONFIG_FILE}`,
      },
    };
    const families: FontFamily[] = [];
    const byContent = new Map<string, string>();
    const stacks: Partial<Record<FontRole, string>> = {};
    for (const role of ROLES) {
      const family = input.fonts[role];
      if (!family) continue;
      const facesPath: JsonPath = ["brand", "fonts", role, "faces"];
      checkFaces(family.name, family.faces, facesPath, context.at, diagnostics);
      const faces = await resolveFaces(family.faces, facesPath, context.at, base, diagnostics, true);
      // The same family for two roles is registered once.
      const key = JSON.stringify([family.name, family.scripts ?? null, faces.map((f) => [f.weight, f.style, f.path])]);
      let id = byContent.get(key);
      if (!id) {
        id = `brand-${role}`;
        byContent.set(key, id);
        families.push({ id, name: family.name, scripts: family.scripts ?? ["Latn"], licence: family.licence ?? "", faces });
      }
      stacks[role] = id;
    }
    if (!hasErrors(diagnostics)) {
      for (const file of [...new Set(families.flatMap((f) => f.faces.map((face) => face.path)))].sort()) {
        digest.update(file).update("\0").update(await readFile(file)).update("\0");
      }
    }
    fonts = { families, stacks };
  }

  if (hasErrors(diagnostics)) return { diagnostics };
  if (!logo && !colours && !fonts) return { diagnostics };
  return {
    brand: { ...(logo ? { logo } : {}), ...(colours ? { colours } : {}), ...(fonts ? { fonts } : {}), digest: digest.digest("hex") },
    diagnostics,
  };
}

/** Contrast warnings for text colours on white paper, and an error for two colours that print masters cannot tell apart. */
function checkColours(colours: Partial<Record<ColourName, ColourToken>>, at: (p: JsonPath) => SourceLocation): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of TEXT_COLOURS) {
    const colour = colours[name];
    if (!colour) continue;
    const ratio = contrast(colour.rgb, "#ffffff");
    if (ratio < MIN_CONTRAST) {
      out.push(warning(at(["colours", name, "rgb"]), `brand colour ${name} ${colour.rgb} has a contrast of ${ratio.toFixed(2)}:1 on white paper, below ${MIN_CONTRAST}:1 for text`,
        "choose a darker colour: people with low vision cannot read light text (WCAG 2, 1.4.3)"));
    }
  }
  const { accent, accentSoft } = colours;
  if (accent && accentSoft) {
    const ratio = contrast(accent.rgb, accentSoft.rgb);
    if (ratio < MIN_CONTRAST_LARGE) {
      out.push(warning(at(["colours", "accentSoft", "rgb"]), `pull quotes set in accent ${accent.rgb} on accentSoft ${accentSoft.rgb} have a contrast of ${ratio.toFixed(2)}:1, below ${MIN_CONTRAST_LARGE}:1 for large text`,
        "make accentSoft lighter or accent darker"));
    }
  }
  // Print masters look each screen colour up by its RGB value.
  const seen = new Map<string, ColourName>();
  for (const name of COLOUR_NAMES) {
    const colour = colours[name];
    if (!colour) continue;
    const rgb = colour.rgb.toLowerCase();
    const other = seen.get(rgb);
    if (other && colours[other]!.cmyk.join() !== colour.cmyk.join()) {
      out.push(error(at(["colours", name, "cmyk"]), `brand colours ${other} and ${name} have the same RGB value ${rgb} but different CMYK values`,
        "print masters find a colour's CMYK value by its RGB value: give them the same CMYK value or different RGB values"));
    }
    seen.set(rgb, name);
  }
  return out;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
