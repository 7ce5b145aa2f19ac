/** Brand fonts in the stacks: first for releases in their scripts, after a script's own families otherwise. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import type { Release } from "../../src/model/release.ts";
import { withBrandFonts } from "../../src/prepare/brand.ts";
import { loadFontManifest } from "../../src/prepare/font-manifest.ts";
import { prepareRelease } from "../../src/prepare/prepare.ts";
import { BRAND, EXAMPLE_LOGO, project } from "./helpers.ts";

const manifest = (await loadFontManifest()).manifest!;

function release(lang: string, text: string): Release {
  const pos = { line: 1, column: 1 };
  return {
    file: `content/x/${lang}.md`, slug: "x", lang,
    meta: { title: text, organization: "Org", date: "2026-05-14" }, metaPos: {},
    blocks: [{ kind: "paragraph", inlines: [{ kind: "text", text, pos }], pos }],
  } as unknown as Release;
}

const brand = (await loadConfig(project({ brand: BRAND }, { "brand/logo.svg": EXAMPLE_LOGO }))).config!.brand!;

describe("brand fonts", () => {
  it("go first in their role's stack for releases in their scripts, and nowhere else", () => {
    const en = prepareRelease(release("en", "Harbour"), manifest, brand).prepared!;
    expect(en.fonts.heading).toEqual(["brand-heading", ...manifest.stacks.heading]);
    expect(en.fonts.body).toEqual(manifest.stacks.body);
    expect(en.fonts.ui).toEqual(manifest.stacks.ui);
    const uk = prepareRelease(release("uk", "Гавань"), manifest, brand).prepared!;
    expect(uk.fonts.heading[0]).toBe("brand-heading");
  });

  it("come after the families made for a release's script when they are not made for it", () => {
    const ar = prepareRelease(release("ar", "مكتبة عائمة"), manifest, brand).prepared!;
    expect(ar.fonts.heading.slice(0, 2)).toEqual(["arabic", "brand-heading"]);
  });

  it("are registered with the manifest's families once per brand, and the release carries the logo and colours", () => {
    const branded = withBrandFonts(manifest, brand);
    expect(withBrandFonts(manifest, brand)).toBe(branded);
    expect(withBrandFonts(manifest, undefined)).toBe(manifest);
    expect(branded.families.map((f) => f.id)).toEqual(["brand-heading", ...manifest.families.map((f) => f.id)]);
    const en = prepareRelease(release("en", "Harbour"), manifest, brand).prepared!;
    expect(en.brand).toEqual({ logo: brand.logo, colours: brand.colours });
    expect(prepareRelease(release("en", "Harbour"), manifest).prepared!.brand).toBeUndefined();
  });
});
