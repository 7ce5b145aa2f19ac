/** Just enough XMP reading for the PDF/UA identification and title checks. */

export type XmpInfo = {
  wellFormed: boolean;
  /** Values of pdfuaid:part (element or attribute form). */
  uaParts: string[];
  /** dc:title (x-default alternative, else the first), if present. */
  title?: string;
};

const NS_PDFUAID = "http://www.aiim.org/pdfua/ns/id/";
const NS_DC = "http://purl.org/dc/elements/1.1/";

export function decodeXmp(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
    }
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e] ?? "";
  });
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether start and end tags balance (comments, PIs, CDATA and DOCTYPE skipped). */
export function isWellFormed(xml: string): boolean {
  const stack: string[] = [];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/\s*([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<|>/g;
  let m: RegExpExecArray | null;
  let sawRoot = false;
  while ((m = re.exec(xml))) {
    const t = m[0];
    if (t === "<") return false; // a '<' that starts no valid markup
    if (t === ">") continue;
    if (m[1] !== undefined) {
      if (stack.pop() !== m[1]) return false;
    } else if (m[2] !== undefined) {
      sawRoot = true;
      if (m[4] !== "/") stack.push(m[2]);
    }
  }
  return sawRoot && stack.length === 0;
}

function prefixesFor(xml: string, uri: string): string[] {
  const out: string[] = [];
  const re = /xmlns:([\w.-]+)\s*=\s*(["'])(.*?)\2/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) if (m[3] === uri && !out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

function propertyValues(xml: string, prefixes: string[], local: string): string[] {
  const out: string[] = [];
  for (const p of prefixes) {
    const q = `${escapeRe(p)}:${local}`;
    const el = new RegExp(`<${q}(?:\\s[^>]*)?>([\\s\\S]*?)</${q}\\s*>`, "g");
    let m: RegExpExecArray | null;
    while ((m = el.exec(xml))) out.push(m[1]!);
    const attr = new RegExp(`\\s${q}\\s*=\\s*(["'])([\\s\\S]*?)\\1`, "g");
    while ((m = attr.exec(xml))) out.push(m[2]!);
  }
  return out;
}

/** Text of a language alternative: the x-default item, else the first item, else the plain text. */
function altText(inner: string): string {
  const items = [...inner.matchAll(/<([\w.-]+:)?li(\s[^>]*)?>([\s\S]*?)<\/\1?li\s*>/g)];
  const def = items.find((it) => /xml:lang\s*=\s*["']x-default["']/.test(it[2] ?? ""));
  const chosen = def ?? items[0];
  const raw = chosen ? chosen[3]! : inner.replace(/<[^>]*>/g, "");
  return unescapeXml(raw).trim();
}

export function readXmp(xml: string): XmpInfo {
  const info: XmpInfo = { wellFormed: isWellFormed(xml), uaParts: [] };
  info.uaParts = propertyValues(xml, prefixesFor(xml, NS_PDFUAID), "part").map((v) => unescapeXml(v).trim());
  const titles = propertyValues(xml, prefixesFor(xml, NS_DC), "title");
  if (titles.length) info.title = altText(titles[0]!);
  return info;
}
