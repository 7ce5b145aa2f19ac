/**
 * CMap programs: ToUnicode maps (bfchar/bfrange) and embedded encoding CMaps
 * (codespace ranges, cidchar/cidrange), read with the content-stream lexer.
 */
import { forEachOperation, isName, isString, type PdfValue } from "./lexer.ts";
import { glyphNameToUnicode } from "./encodings.ts";

export type CodespaceRange = { len: number; lo: number; hi: number };
type UnicodeRange = { len: number; lo: number; hi: number; dst: string | string[] };
type CidRange = { len: number; lo: number; hi: number; cid: number };

export type CMap = {
  codespace: CodespaceRange[];
  /** Exact code → Unicode mappings, keyed by `key(len, code)`. */
  chars: Map<number, string>;
  ranges: UnicodeRange[];
  cidChars: Map<number, number>;
  cidRanges: CidRange[];
  /** Name given to `usecmap`, if any. */
  useCMap?: string;
};

const key = (len: number, code: number): number => code * 8 + len;

function bytesToCode(b: Uint8Array): number {
  let v = 0;
  for (const x of b) v = v * 256 + x;
  return v;
}

/** UTF-16BE bytes → string (a single byte is read as a code point). */
function utf16(b: Uint8Array): string {
  if (b.length === 1) return String.fromCharCode(b[0]!);
  let s = "";
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
  return s;
}

function dstString(v: PdfValue | undefined): string | undefined {
  if (isString(v)) return utf16(v.bytes);
  if (isName(v)) return glyphNameToUnicode(v.name);
  return undefined;
}

/** Adds `offset` to the last UTF-16 code unit of `s` (bfrange with a string destination). */
function increment(s: string, offset: number): string {
  if (s.length === 0) return s;
  return s.slice(0, -1) + String.fromCharCode((s.charCodeAt(s.length - 1) + offset) & 0xffff);
}

export function parseCMap(data: Uint8Array): CMap {
  const cm: CMap = { codespace: [], chars: new Map(), ranges: [], cidChars: new Map(), cidRanges: [] };
  forEachOperation(data, ({ op, operands }) => {
    switch (op) {
      case "endcodespacerange":
        for (let i = 0; i + 1 < operands.length; i += 2) {
          const lo = operands[i];
          const hi = operands[i + 1];
          if (isString(lo) && isString(hi) && lo.bytes.length > 0)
            cm.codespace.push({ len: lo.bytes.length, lo: bytesToCode(lo.bytes), hi: bytesToCode(hi.bytes) });
        }
        break;
      case "endbfchar":
        for (let i = 0; i + 1 < operands.length; i += 2) {
          const src = operands[i];
          const dst = dstString(operands[i + 1]);
          if (isString(src) && dst !== undefined) cm.chars.set(key(src.bytes.length, bytesToCode(src.bytes)), dst);
        }
        break;
      case "endbfrange":
        for (let i = 0; i + 2 < operands.length; i += 3) {
          const lo = operands[i];
          const hi = operands[i + 1];
          const dst = operands[i + 2];
          if (!isString(lo) || !isString(hi)) continue;
          const range = { len: lo.bytes.length, lo: bytesToCode(lo.bytes), hi: bytesToCode(hi.bytes) };
          if (Array.isArray(dst)) {
            const list = dst.map((d) => dstString(d) ?? "");
            cm.ranges.push({ ...range, dst: list });
          } else {
            const s = dstString(dst);
            if (s !== undefined) cm.ranges.push({ ...range, dst: s });
          }
        }
        break;
      case "endcidchar":
        for (let i = 0; i + 1 < operands.length; i += 2) {
          const src = operands[i];
          const cid = operands[i + 1];
          if (isString(src) && typeof cid === "number") cm.cidChars.set(key(src.bytes.length, bytesToCode(src.bytes)), cid);
        }
        break;
      case "endcidrange":
        for (let i = 0; i + 2 < operands.length; i += 3) {
          const lo = operands[i];
          const hi = operands[i + 1];
          const cid = operands[i + 2];
          if (isString(lo) && isString(hi) && typeof cid === "number")
            cm.cidRanges.push({ len: lo.bytes.length, lo: bytesToCode(lo.bytes), hi: bytesToCode(hi.bytes), cid });
        }
        break;
      case "usecmap": {
        const n = operands[operands.length - 1];
        if (isName(n)) cm.useCMap = n.name;
        break;
      }
    }
  });
  return cm;
}

/** Unicode for a code of `len` bytes, or undefined if the CMap has no mapping. */
export function lookupUnicode(cm: CMap, len: number, code: number): string | undefined {
  const exact = cm.chars.get(key(len, code));
  if (exact !== undefined) return exact;
  for (const r of cm.ranges) {
    if (r.len !== len || code < r.lo || code > r.hi) continue;
    const off = code - r.lo;
    if (Array.isArray(r.dst)) {
      const s = r.dst[off];
      if (s !== undefined) return s;
    } else return increment(r.dst, off);
  }
  return undefined;
}

export function lookupCid(cm: CMap, len: number, code: number): number | undefined {
  const exact = cm.cidChars.get(key(len, code));
  if (exact !== undefined) return exact;
  for (const r of cm.cidRanges) if (r.len === len && code >= r.lo && code <= r.hi) return r.cid + (code - r.lo);
  return undefined;
}

export type Code = { code: number; len: number };

/** The big-endian number in `len` bytes of `bytes` from `at`. */
function codeAt(bytes: Uint8Array, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) v = v * 256 + bytes[i]!;
  return v;
}

/**
 * Splits a string into character codes using codespace ranges (ISO 32000-1,
 * 9.7.6.2). Without ranges, `defaultLen` bytes per code are used. It runs
 * for every string a page shows, so it makes no views or closures: the
 * codes are read from the bytes in place (verification allocated more here
 * than anywhere else).
 */
export function splitCodes(bytes: Uint8Array, ranges: readonly CodespaceRange[], defaultLen: number): Code[] {
  const out: Code[] = [];
  const length = bytes.length;
  let i = 0;
  if (ranges.length === 0) {
    for (; i + defaultLen <= length; i += defaultLen) out.push({ code: codeAt(bytes, i, defaultLen), len: defaultLen });
    if (i < length) out.push({ code: codeAt(bytes, i, length - i), len: length - i });
    return out;
  }
  let shortest = Infinity;
  for (const r of ranges) if (r.len < shortest) shortest = r.len;
  while (i < length) {
    let matched = 0;
    let code = 0;
    for (let n = 1; n <= 4 && i + n <= length && matched === 0; n++) {
      code = code * 256 + bytes[i + n - 1]!;
      for (const r of ranges) {
        if (r.len === n && code >= r.lo && code <= r.hi) {
          matched = n;
          break;
        }
      }
    }
    const n = matched || Math.min(shortest, length - i);
    out.push({ code: matched ? code : codeAt(bytes, i, n), len: n });
    i += n;
  }
  return out;
}
