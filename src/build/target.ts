/**
 * One output: a prepared release in one layout, from React elements to
 * checked PDF bytes.
 */
import type { Layout } from "../compose/define-layout.ts";
import { prepareForPrint } from "../finish/prepare-print.ts";
import type { FontStore } from "../layout/layout.ts";
import { layoutRelease } from "../layout/pages.tsx";
import { hasErrors, type Diagnostic } from "../model/diagnostic.ts";
import type { PreparedRelease } from "../model/prepared.ts";
import { profiles } from "../render/profiles.ts";
import { renderTagged } from "../render/render.ts";
import type { CheckOptions } from "../verify/check.ts";
import { documentDate } from "./dates.ts";

export type TargetResult = {
  bytes?: Uint8Array;
  pages: number;
  diagnostics: Diagnostic[];
  /** How the PDF is to be checked (the layout's output profile). */
  checks: CheckOptions;
};

/** Compose, lay out and render one output; checking it is `verifyTarget`'s job. */
export async function buildTarget(prepared: PreparedRelease, layout: Layout, fonts: FontStore, outputName: string): Promise<TargetResult> {
  const { release } = prepared;
  const profile = profiles[layout.profile];
  const print = layout.profile === "print";
  const checks: CheckOptions = { file: outputName, profiles: profile.checks, requirePdfx: print };
  // print masters: figures as CMYK JPEGs for the output condition.
  const source = print ? await prepareForPrint(prepared) : prepared;
  // compose and layout: the layout's parts, placed by react-pdf into pages and columns.
  const root = await layoutRelease(source, layout, fonts);
  const pages = root.children?.length ?? 0;
  // render: tagged PDF through pdfkit.
  const rendered = await renderTagged({
    root,
    file: release.file,
    meta: {
      title: release.meta.title,
      lang: prepared.lang,
      author: release.meta.organization,
      ...(release.meta.standfirst ? { subject: release.meta.standfirst } : {}),
      date: documentDate(release.meta.date),
    },
    paint: profile.paint(layout, prepared.brand),
    ...(profile.finish ? { finish: profile.finish } : {}),
  });
  if (hasErrors(rendered.diagnostics) || !rendered.bytes) return { pages, diagnostics: rendered.diagnostics, checks };
  return { bytes: rendered.bytes, pages, diagnostics: rendered.diagnostics, checks };
}

/** verify: read the PDF back; any finding fails the output. */
export { verifyTarget } from "./verify-output.ts";
