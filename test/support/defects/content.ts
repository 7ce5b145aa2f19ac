/**
 * Page content as text, and its marked-content sequences found by a small
 * scanner of its own (not the verify stage's lexer, so that a lexer bug
 * cannot hide the defects made here). Pressroom's content writes text as
 * hex strings, so BDC/BMC/EMC never occur inside a string.
 */
import { firstPage, streamText, writeStreamText, type Doc } from "./pdf.ts";

export type Sequence = {
  tag: string;
  mcid?: number;
  /** Offset of the tag name, of the first byte after BDC/BMC, of EMC, and after EMC. */
  start: number;
  bodyStart: number;
  bodyEnd: number;
  end: number;
};

const MARKED = /\/([A-Za-z][A-Za-z0-9]*)\s*(<<[^]*?>>|\/[A-Za-z0-9]+)?\s*(BDC|BMC)\b|\bEMC\b/g;

/** Every balanced marked-content sequence, in order of their opening operators. */
export function sequences(content: string): Sequence[] {
  const open: Sequence[] = [];
  const out: Sequence[] = [];
  for (const m of content.matchAll(MARKED)) {
    const at = m.index;
    if (m[0] === "EMC") {
      const s = open.pop();
      if (s) Object.assign(s, { bodyEnd: at, end: at + 3 });
      continue;
    }
    const mcid = /\/MCID\s+(\d+)/.exec(m[2] ?? "");
    const s: Sequence = { tag: m[1]!, start: at, bodyStart: at + m[0].length, bodyEnd: -1, end: -1 };
    if (mcid) s.mcid = Number(mcid[1]);
    open.push(s);
    out.push(s);
  }
  return out.filter((s) => s.end >= 0);
}

/** The sequence with this MCID (the first, if several). */
export function sequence(content: string, mcid: number): Sequence {
  const s = sequences(content).find((x) => x.mcid === mcid);
  if (!s) throw new Error(`defect generator: no marked content with MCID ${mcid}`);
  return s;
}

export const splice = (s: string, start: number, end: number, insert: string): string => s.slice(0, start) + insert + s.slice(end);

export function pageContent(doc: Doc): string {
  const contents = firstPage(doc).get("Contents");
  if (!contents.isStream()) throw new Error("defect generator: page content is not a single stream");
  return streamText(contents);
}

export function editPageContent(doc: Doc, edit: (content: string) => string): void {
  writeStreamText(firstPage(doc).get("Contents"), edit(pageContent(doc)));
}

/** Appends operators at the end of the page content. */
export const appendContent = (doc: Doc, ops: string): void => editPageContent(doc, (c) => `${c}\n${ops}\n`);

/** Two sequences with MCIDs, the second opening right after the first closes. */
export function adjacentTagged(content: string): [Sequence, Sequence] {
  const tagged = sequences(content).filter((s) => s.mcid !== undefined);
  for (let i = 0; i + 1 < tagged.length; i++) {
    const [a, b] = [tagged[i]!, tagged[i + 1]!];
    if (content.slice(a.end, b.start).trim() === "") return [a, b];
  }
  throw new Error("defect generator: no two adjacent tagged sequences");
}

/** The font resource name and first character code shown in a tagged sequence (hex strings, Type0 fonts). */
export function firstShown(content: string, s: Sequence): { font: string; code: number } {
  const body = content.slice(s.bodyStart, s.bodyEnd);
  const font = /\/([A-Za-z0-9]+)\s+[\d.]+\s+Tf/.exec(body);
  const code = /<([0-9A-Fa-f]{4})>/.exec(body.slice(font?.index ?? 0));
  if (!font || !code) throw new Error(`defect generator: MCID ${s.mcid} shows no hex-coded text`);
  return { font: font[1]!, code: parseInt(code[1]!, 16) };
}

/** Rewrites the operators that open and close every sequence with an MCID. */
export function retagAll(content: string, opener: (s: Sequence) => string, closer: (s: Sequence) => string = () => "EMC"): string {
  const edits = sequences(content)
    .filter((s) => s.mcid !== undefined)
    .flatMap((s) => [
      { start: s.start, end: s.bodyStart, text: opener(s) },
      { start: s.bodyEnd, end: s.end, text: closer(s) },
    ])
    .sort((a, b) => b.start - a.start); // last first, so that offsets hold
  return edits.reduce((out, e) => splice(out, e.start, e.end, e.text), content);
}
