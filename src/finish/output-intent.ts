/**
 * The PDF/X output intent: the characterised printing condition (FOGRA39,
 * coated offset) with its CMYK profile embedded as `DestOutputProfile`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { deflateSync } from "node:zlib";
import { packageRoot } from "../paths.ts";
import type { Doc } from "../render/marked.ts";

/** ISO Coated v2 300% (basICColor), zlib licence; see assets/icc/README.md. */
export const OUTPUT_PROFILE_FILE = pathToFileURL(join(packageRoot, "assets/icc/ISOcoated_v2_300_bas.icc"));

export const OUTPUT_CONDITION = {
  identifier: "FOGRA39",
  registry: "http://www.color.org",
  condition: "Offset printing, ISO 12647-2:2004/Amd 1, paper type 1 or 2 (coated), 300% total area coverage",
  info: "ISO Coated v2 300% (basICColor)",
} as const;

type Profile = { bytes: Uint8Array; deflated: Uint8Array };
let profile: Profile | undefined;

/** The profile's bytes, read and compressed once per process (1 MB: not per document). */
export function outputProfile(): Profile {
  if (profile) return profile;
  const bytes = new Uint8Array(readFileSync(OUTPUT_PROFILE_FILE));
  const space = new TextDecoder("latin1").decode(bytes.subarray(16, 20));
  if (space !== "CMYK") throw new Error(`${OUTPUT_PROFILE_FILE.pathname} is not a CMYK ICC profile (colour space "${space}")`);
  profile = { bytes, deflated: new Uint8Array(deflateSync(bytes)) };
  return profile;
}

/** Embeds the profile and puts one `/GTS_PDFX` output intent on the catalog. */
export function addOutputIntent(doc: Doc): void {
  const { deflated } = outputProfile();
  // A Filter given up front makes pdfkit write the bytes as they are, without compressing them again.
  const icc = doc.ref({ N: 4, Alternate: "DeviceCMYK", Filter: "FlateDecode" });
  icc.end(deflated);
  const intent = doc.ref({
    Type: "OutputIntent",
    S: "GTS_PDFX",
    OutputConditionIdentifier: new String(OUTPUT_CONDITION.identifier),
    OutputCondition: new String(OUTPUT_CONDITION.condition),
    RegistryName: new String(OUTPUT_CONDITION.registry),
    Info: new String(OUTPUT_CONDITION.info),
    DestOutputProfile: icc,
  });
  intent.end(undefined);
  doc._root.data.OutputIntents = [intent];
}
