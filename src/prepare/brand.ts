/**
 * A brand's fonts in the font manifest: its families registered with the
 * others, each first in the stack of the roles that name it. The release's
 * script still decides the rest (prepare.ts `fontStack`): a brand family
 * stays first for releases in its scripts and comes after the families made
 * for any other script.
 */
import type { Brand } from "../model/brand.ts";
import type { FontManifest, FontRole } from "./font-manifest.ts";

const branded = new WeakMap<FontManifest, Map<string, FontManifest>>();

/** The manifest with the brand's fonts (the same object when the brand has none); one object per brand. */
export function withBrandFonts(manifest: FontManifest, brand: Brand | undefined): FontManifest {
  const fonts = brand?.fonts;
  if (!fonts || fonts.families.length === 0) return manifest;
  let byDigest = branded.get(manifest);
  if (!byDigest) branded.set(manifest, (byDigest = new Map()));
  let result = byDigest.get(brand.digest);
  if (!result) {
    const stack = (role: FontRole) => (fonts.stacks[role] ? [fonts.stacks[role]!, ...manifest.stacks[role]] : manifest.stacks[role]);
    result = {
      ...manifest,
      families: [...fonts.families, ...manifest.families.filter((f) => !fonts.families.some((b) => b.id === f.id))],
      stacks: { body: stack("body"), heading: stack("heading"), ui: stack("ui") },
    };
    byDigest.set(brand.digest, result);
  }
  return result;
}
