/**
 * The prepare stage: `Release` → `PreparedRelease`. Decides the writing
 * direction, the hyphenation callback and the font stacks for the release's
 * language, and checks that the fonts cover every printed character.
 */
import type { Brand } from "../model/brand.ts";
import { error, hasErrors, type Diagnostic } from "../model/diagnostic.ts";
import type { PreparedRelease } from "../model/prepared.ts";
import type { Release } from "../model/release.ts";
import { withBrandFonts } from "./brand.ts";
import { checkCoverage } from "./coverage.ts";
import { directionOf, scriptOf } from "./direction.ts";
import type { FontManifest, FontRole } from "./fonts.ts";
import { hyphenatorFor, loadHyphenationExceptions } from "./hyphenate.ts";
import { applyTypography } from "./typography.ts";

export type { PreparedRelease } from "../model/prepared.ts";
export { directionOf, scriptOf };

/**
 * Family ids for one role: the manifest's stack for the role, with the
 * families made for the release's script moved to the front (stable order).
 */
export function fontStack(manifest: FontManifest, role: FontRole, script: string | undefined): string[] {
  const stack = manifest.stacks[role];
  if (!script) return [...stack];
  const forScript = (id: string) => manifest.families.find((f) => f.id === id)?.scripts.includes(script) ?? false;
  return [...stack.filter(forScript), ...stack.filter((id) => !forScript(id))];
}

/**
 * `brand` (from pressroom.config.json): its fonts go first in their roles'
 * stacks, its logo and colours reach the layouts as `prepared.brand`.
 */
export function prepareRelease(release: Release, manifest: FontManifest, brand?: Brand): { prepared?: PreparedRelease; diagnostics: Diagnostic[] } {
  const fonts = withBrandFonts(manifest, brand);
  const diagnostics: Diagnostic[] = [];
  const langAt = { file: release.file, ...(release.metaPos.lang ?? {}) };
  let lang: string;
  try {
    lang = new Intl.Locale(release.lang).toString();
  } catch {
    return { diagnostics: [error(langAt, `"${release.lang}" is not a BCP 47 language tag`, 'use a tag such as "en", "en-GB", "uk" or "ar"')] };
  }
  const script = scriptOf(lang);
  release = applyTypography(release, lang); // the printed text: checked for coverage, laid out

  const hyphenate = hyphenatorFor(lang);
  if (hyphenate) diagnostics.push(...loadHyphenationExceptions(lang).diagnostics);

  const stacks = {
    body: fontStack(fonts, "body", script),
    heading: fontStack(fonts, "heading", script),
    ui: fontStack(fonts, "ui", script),
  };
  const families = [...new Set([...stacks.body, ...stacks.heading, ...stacks.ui])];
  diagnostics.push(...checkCoverage(release, families, fonts));
  if (hasErrors(diagnostics)) return { diagnostics };

  return {
    prepared: {
      release,
      lang,
      direction: directionOf(lang),
      ...(hyphenate ? { hyphenate } : {}),
      fonts: stacks,
      ...(brand?.logo || brand?.colours ? { brand: { ...(brand.logo ? { logo: brand.logo } : {}), ...(brand.colours ? { colours: brand.colours } : {}) } } : {}),
    },
    diagnostics,
  };
}
