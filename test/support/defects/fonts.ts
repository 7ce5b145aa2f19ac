/**
 * Fonts of a document under edit: the font that shows the headline, its
 * ToUnicode map (read and rewritten as plain bfchar entries), and a simple
 * TrueType font added next to Pressroom's Type0 fonts.
 */
import { readFileSync } from "node:fs";
import * as mupdf from "mupdf";
import { editPageContent, firstShown, pageContent, sequence, splice } from "./content.ts";
import { addResource, firstPage, streamText, writeStreamText, type Doc, type Obj } from "./pdf.ts";
import { elem, mcidsOf } from "./structure.ts";

/** The font and first character code of the headline (a Type0 font, 2-byte codes). */
export function headlineFont(doc: Doc): { font: Obj; name: string; code: number } {
  const content = pageContent(doc);
  const { font: name, code } = firstShown(content, sequence(content, mcidsOf(elem(doc, "H1"))[0]!));
  return { font: firstPage(doc).get("Resources").get("Font").get(name), name, code };
}

export const descendantOf = (type0: Obj): Obj => type0.get("DescendantFonts").get(0);

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, "0");

/** Code → UTF-16BE hex of a ToUnicode CMap with 2-byte codes (bfchar, and bfrange in both forms). */
function readToUnicode(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const [, body] of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g))
    for (const [, src, dst] of body!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) out.set(parseInt(src!, 16), dst!.toUpperCase());
  for (const [, body] of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of body!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)/g)) {
      const [from, to] = [parseInt(lo!, 16), parseInt(hi!, 16)];
      const list = [...dst!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1]!.toUpperCase());
      for (let c = from; c <= to; c++) {
        if (dst!.startsWith("[")) {
          if (list[c - from] !== undefined) out.set(c, list[c - from]!);
        } else {
          const base = list[0]!;
          const last = parseInt(base.slice(-4), 16) + (c - from);
          out.set(c, base.slice(0, -4) + hex4(last));
        }
      }
    }
  }
  return out;
}

function writeToUnicode(map: ReadonlyMap<number, string>): string {
  const entries = [...map].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([c, u]) => `<${hex4(c)}> <${u}>`).join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def",
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange",
    ...blocks,
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n",
  ].join("\n");
}

/** Rewrites a Type0 font's ToUnicode map. */
export function editToUnicode(font: Obj, edit: (map: Map<number, string>) => void): void {
  const stream = font.get("ToUnicode");
  const map = readToUnicode(streamText(stream));
  edit(map);
  writeStreamText(stream, writeToUnicode(map));
}

/** The highest code a Type0 font's ToUnicode maps: every code Pressroom's subset shows. */
export const highestCode = (font: Obj): number => Math.max(...readToUnicode(streamText(font.get("ToUnicode"))).keys());

/** A CIDToGIDMap stream: identity up to `lastCid`, except the given overrides. */
export function cidToGidStream(doc: Doc, lastCid: number, overrides: ReadonlyMap<number, number> = new Map()): Obj {
  const data = Buffer.alloc(2 * (lastCid + 1));
  for (let cid = 0; cid <= lastCid; cid++) data.writeUInt16BE(overrides.get(cid) ?? cid, 2 * cid);
  return doc.addStream(data, {});
}

const NOTO_SANS = new URL("../../../node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf", import.meta.url);
let notoSans: Buffer | undefined;

/**
 * Adds Noto Sans as an embedded simple TrueType font (mupdf writes
 * /WinAnsiEncoding) and shows a word in it inside the headline's sequence.
 * Returns the font dictionary.
 */
export function showInSimpleTrueType(doc: Doc): Obj {
  notoSans ??= readFileSync(NOTO_SANS);
  const font = doc.addSimpleFont(new mupdf.Font("NotoSans", notoSans), "Latin");
  const name = addResource(doc, firstPage(doc), "Font", "TT", font);
  editPageContent(doc, (c) => {
    const end = sequence(c, mcidsOf(elem(doc, "H1"))[0]!).bodyEnd;
    return splice(c, end, end, `\nBT /${name} 10 Tf 1 0 0 -1 40 40 Tm (Pressroom) Tj ET\n`);
  });
  return font;
}
