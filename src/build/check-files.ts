/** `pressroom check`: the verify stage over PDF files on disk. */
import { readFile } from "node:fs/promises";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { checkPdf, type CheckProfile } from "../verify/check.ts";

/** A print master declares PDF/X in an output intent (`/S /GTS_PDFX`). */
function declaresPdfX(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("/GTS_PDFX");
}

export async function checkFiles(files: readonly string[], profile: "auto" | CheckProfile): Promise<{ diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      diagnostics.push(error({ file }, `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, "check the path"));
      continue;
    }
    const profiles: CheckProfile[] =
      profile === "print" ? ["ua", "print"] : profile === "ua" ? ["ua"] : declaresPdfX(bytes) ? ["ua", "print"] : ["ua"];
    try {
      diagnostics.push(...(await checkPdf(bytes, { file, profiles })));
    } catch (e) {
      diagnostics.push(error({ file }, `not a readable PDF: ${e instanceof Error ? e.message : String(e)}`, "is this file a PDF? was it truncated?"));
    }
  }
  return { diagnostics };
}
