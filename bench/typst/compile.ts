/**
 * The Typst peer, in process: a compiler that knows Pressroom's font files,
 * and source → PDF/UA-1 bytes.
 *
 * API of @myriaddreamin/typst-ts-node-compiler 0.7.0 (Typst 0.14.2), from
 * its index-napi.d.ts: `NodeCompiler.create({ workspace, fontArgs: [{ fontBlobs }] })`,
 * `compiler.compile({ mainFileContent })` → result with `.result`
 * (a document, `numOfPages`) or `takeError()`, and
 * `compiler.pdf(document, { pdfStandard: "ua-1" })` → Buffer (throws on a
 * PDF/UA violation such as a missing title).
 * The package is CommonJS and a devDependency: it is loaded with
 * `createRequire` only when a bench part needs it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FontManifest } from "../../src/prepare/fonts.ts";

type TypstDocument = { readonly numOfPages: number };
type TypstError = { readonly shortDiagnostics: unknown[] };
type CompileResult = { readonly result: TypstDocument | null; takeError(): TypstError | null; takeWarnings(): TypstError | null };
export type TypstCompiler = {
  compile(args: { mainFileContent: string }): CompileResult;
  pdf(doc: TypstDocument, opts: { pdfStandard?: string; creationTimestamp?: number }): Buffer;
  evictCache(maxAge: number): void;
};
type TypstModule = {
  NodeCompiler: { create(args: { workspace?: string; fontArgs?: Array<{ fontBlobs: Buffer[] } | { fontPaths: string[] }> }): TypstCompiler };
};

/** Absolute paths of every font file in Pressroom's manifest, each once (Vazirmatn's "italic" is its roman file). */
export function manifestFontFiles(manifest: FontManifest): string[] {
  return [...new Set(manifest.families.flatMap((f) => f.faces.map((face) => face.path)))];
}

let typstModule: TypstModule | undefined;
export function loadTypst(): TypstModule {
  typstModule ??= createRequire(import.meta.url)("@myriaddreamin/typst-ts-node-compiler") as TypstModule;
  return typstModule;
}

/**
 * A compiler that sees exactly Pressroom's fonts (as blobs read from the
 * manifest's files) plus the fonts built into the package. Workspace `/`, so
 * a figure's absolute image path resolves.
 */
export function createTypstCompiler(fontFiles: readonly string[]): TypstCompiler {
  const fontBlobs = fontFiles.map((f) => readFileSync(f));
  return loadTypst().NodeCompiler.create({ workspace: "/", fontArgs: [{ fontBlobs }] });
}

export type TypstOutput = { pdf: Buffer; pages: number; warnings: string[] };

function messages(e: TypstError | null): string[] {
  return (e?.shortDiagnostics ?? []).map((d) => {
    const m = (d as { message?: string }).message;
    return m ?? String(d);
  });
}

/** Source → PDF/UA-1 bytes; throws with Typst's messages on an error. */
export function compileToPdf(compiler: TypstCompiler, source: string): TypstOutput {
  const r = compiler.compile({ mainFileContent: source });
  const doc = r.result;
  if (!doc) throw new Error(`Typst compile error: ${messages(r.takeError()).join("; ") || "unknown"}`);
  const warnings = messages(r.takeWarnings());
  const pdf = compiler.pdf(doc, { pdfStandard: "ua-1" });
  return { pdf, pages: doc.numOfPages, warnings };
}
