/**
 * A small lexer/parser for PDF content streams (ISO 32000-1, 7.2 and 7.8.2).
 *
 * It turns a decoded content stream into a sequence of operations (operator
 * plus operands). Strings keep their raw bytes; inline images (BI … ID … EI)
 * are skipped as one operation whose data is not interpreted. The same lexer
 * reads CMap programs, whose keywords come out as operators.
 */

import { inlineImageEnd } from "./inline-image.ts";

export type PdfName = { readonly kind: "name"; readonly name: string };
export type PdfString = { readonly kind: "string"; readonly bytes: Uint8Array; readonly hex: boolean };
export type PdfDict = { readonly kind: "dict"; readonly entries: Map<string, PdfValue> };
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfDict | PdfValue[];

export type Operation = {
  op: string;
  operands: PdfValue[];
  /** Byte offset of the operator keyword in the stream. */
  offset: number;
  /** For `BI`: the inline image dictionary (abbreviated keys as written). */
  inlineImage?: PdfDict;
};

const WS = new Uint8Array(256);
const DELIM = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WS[c] = 1;
for (const c of "()<>[]{}/%") DELIM[c.charCodeAt(0)] = 1;

const isRegular = (c: number): boolean => WS[c] === 0 && DELIM[c] === 0;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

export const isName = (v: PdfValue | undefined): v is PdfName =>
  typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "name";
export const isString = (v: PdfValue | undefined): v is PdfString =>
  typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "string";
export const isDict = (v: PdfValue | undefined): v is PdfDict =>
  typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "dict";

/** Sentinel tokens for structural delimiters. */
const ARRAY_END = Symbol("]");
const DICT_END = Symbol(">>");
type Token = PdfValue | { keyword: string; offset: number } | typeof ARRAY_END | typeof DICT_END;

class Lexer {
  pos = 0;
  constructor(readonly data: Uint8Array) {}

  /** Skips whitespace and comments; returns false at end of data. */
  skipSpace(): boolean {
    const d = this.data;
    while (this.pos < d.length) {
      const c = d[this.pos]!;
      if (WS[c]) this.pos++;
      else if (c === 0x25) {
        while (this.pos < d.length && d[this.pos] !== 0x0a && d[this.pos] !== 0x0d) this.pos++;
      } else return true;
    }
    return false;
  }

  /** Next token, or undefined at end of data. */
  token(): Token | undefined {
    if (!this.skipSpace()) return undefined;
    const d = this.data;
    const start = this.pos;
    const c = d[this.pos]!;
    switch (c) {
      case 0x28: // (
        return this.literalString();
      case 0x3c: // <
        if (d[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return this.dict();
        }
        return this.hexString();
      case 0x3e: // >
        this.pos += d[this.pos + 1] === 0x3e ? 2 : 1;
        return DICT_END;
      case 0x5b: // [
        this.pos++;
        return this.array();
      case 0x5d: // ]
        this.pos++;
        return ARRAY_END;
      case 0x2f: // /
        return this.name();
      case 0x7b: // { }  (PostScript procedures in CMaps): skipped
      case 0x7d:
      case 0x29: // stray )
        this.pos++;
        return this.token();
    }
    // Number or keyword: a run of regular characters.
    let end = this.pos;
    while (end < d.length && isRegular(d[end]!)) end++;
    this.pos = end;
    const num = parseNumber(d, start, end);
    if (num !== undefined) return num;
    let word = "";
    for (let i = start; i < end; i++) word += String.fromCharCode(d[i]!);
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return { keyword: word, offset: start };
  }

  /** A direct object (used inside arrays and dicts). Keywords become names of themselves. */
  private value(tok: Token): PdfValue | typeof ARRAY_END | typeof DICT_END {
    if (typeof tok === "object" && tok !== null && !Array.isArray(tok) && "keyword" in tok) {
      // e.g. `R` in a content stream (not allowed) or PostScript words in CMaps.
      return { kind: "name", name: tok.keyword };
    }
    return tok as PdfValue | typeof ARRAY_END | typeof DICT_END;
  }

  private array(): PdfValue[] {
    const out: PdfValue[] = [];
    for (;;) {
      const tok = this.token();
      if (tok === undefined || tok === ARRAY_END) return out;
      if (tok === DICT_END) continue;
      const v = this.value(tok);
      if (v === ARRAY_END || v === DICT_END) continue;
      out.push(v);
    }
  }

  private dict(): PdfDict {
    const entries = new Map<string, PdfValue>();
    let key: string | undefined;
    for (;;) {
      const tok = this.token();
      if (tok === undefined || tok === DICT_END) return { kind: "dict", entries };
      if (tok === ARRAY_END) continue;
      const v = this.value(tok);
      if (v === ARRAY_END || v === DICT_END) continue;
      if (key === undefined) {
        if (isName(v)) key = v.name;
      } else {
        entries.set(key, v);
        key = undefined;
      }
    }
  }

  private name(): PdfName {
    const d = this.data;
    this.pos++; // '/'
    const bytes: number[] = [];
    while (this.pos < d.length && isRegular(d[this.pos]!)) {
      const c = d[this.pos]!;
      if (c === 0x23 && this.pos + 2 < d.length) {
        const h = hexValue(d[this.pos + 1] ?? 0);
        const l = hexValue(d[this.pos + 2] ?? 0);
        if (h >= 0 && l >= 0) {
          bytes.push(h * 16 + l);
          this.pos += 3;
          continue;
        }
      }
      bytes.push(c);
      this.pos++;
    }
    return { kind: "name", name: decodeNameBytes(bytes) };
  }

  private hexString(): PdfString {
    const d = this.data;
    this.pos++; // '<'
    const out: number[] = [];
    let hi = -1;
    while (this.pos < d.length) {
      const c = d[this.pos++]!;
      if (c === 0x3e) break;
      const v = hexValue(c);
      if (v < 0) continue; // whitespace (or garbage) is ignored
      if (hi < 0) hi = v;
      else {
        out.push(hi * 16 + v);
        hi = -1;
      }
    }
    if (hi >= 0) out.push(hi * 16);
    return { kind: "string", bytes: Uint8Array.from(out), hex: true };
  }

  private literalString(): PdfString {
    const d = this.data;
    this.pos++; // '('
    const out: number[] = [];
    let depth = 1;
    while (this.pos < d.length) {
      let c = d[this.pos++]!;
      if (c === 0x5c) {
        // backslash escape
        if (this.pos >= d.length) break;
        c = d[this.pos++]!;
        switch (c) {
          case 0x6e: out.push(0x0a); break; // n
          case 0x72: out.push(0x0d); break; // r
          case 0x74: out.push(0x09); break; // t
          case 0x62: out.push(0x08); break; // b
          case 0x66: out.push(0x0c); break; // f
          case 0x0d: // line continuation: \CR or \CRLF
            if (d[this.pos] === 0x0a) this.pos++;
            break;
          case 0x0a: // \LF
            break;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let v = c - 0x30;
              for (let i = 0; i < 2 && this.pos < d.length; i++) {
                const n = d[this.pos]!;
                if (n < 0x30 || n > 0x37) break;
                v = v * 8 + (n - 0x30);
                this.pos++;
              }
              out.push(v & 0xff);
            } else out.push(c); // \( \) \\ and unknown escapes: the character itself
        }
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        depth--;
        if (depth === 0) break;
      } else if (c === 0x0d) {
        // an unescaped end-of-line is read as a single LF
        if (d[this.pos] === 0x0a) this.pos++;
        out.push(0x0a);
        continue;
      }
      out.push(c);
    }
    return { kind: "string", bytes: Uint8Array.from(out), hex: false };
  }

}

function decodeNameBytes(bytes: number[]): string {
  // Names are byte sequences; decode UTF-8 when valid, else Latin-1.
  let ascii = true;
  for (const b of bytes) if (b > 0x7f) ascii = false;
  if (ascii) return String.fromCharCode(...bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return String.fromCharCode(...bytes);
  }
}

function parseNumber(d: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  let sign = 1;
  if (d[i] === 0x2b || d[i] === 0x2d) {
    if (d[i] === 0x2d) sign = -1;
    i++;
  }
  if (i >= end) return undefined;
  let v = 0;
  let digits = 0;
  while (i < end && d[i]! >= 0x30 && d[i]! <= 0x39) {
    v = v * 10 + (d[i]! - 0x30);
    i++;
    digits++;
  }
  if (i < end && d[i] === 0x2e) {
    i++;
    let scale = 0.1;
    while (i < end && d[i]! >= 0x30 && d[i]! <= 0x39) {
      v += (d[i]! - 0x30) * scale;
      scale /= 10;
      i++;
      digits++;
    }
  }
  if (i !== end || digits === 0) return undefined;
  return sign * v;
}

/**
 * Calls `fn` for each operation of a content stream (or CMap program), in
 * order. Operands that precede an operator are passed with it; unmatched
 * closing delimiters are ignored.
 */
export function forEachOperation(data: Uint8Array, fn: (op: Operation) => void): void {
  const lx = new Lexer(data);
  let operands: PdfValue[] = [];
  for (;;) {
    const tok = lx.token();
    if (tok === undefined) break;
    if (tok === ARRAY_END || tok === DICT_END) continue;
    if (typeof tok === "object" && tok !== null && !Array.isArray(tok) && "keyword" in tok) {
      if (tok.keyword === "BI") {
        // Inline image: key/value pairs up to ID, then binary data up to EI.
        const entries = new Map<string, PdfValue>();
        let key: string | undefined;
        for (;;) {
          const t = lx.token();
          if (t === undefined) break;
          if (typeof t === "object" && t !== null && !Array.isArray(t) && "keyword" in t) {
            if (t.keyword === "ID") break;
            if (t.keyword === "EI") break; // malformed: no data
            continue;
          }
          if (t === ARRAY_END || t === DICT_END) continue;
          if (key === undefined) {
            if (isName(t)) key = t.name;
          } else {
            entries.set(key, t);
            key = undefined;
          }
        }
        const dict: PdfDict = { kind: "dict", entries };
        lx.pos = inlineImageEnd(data, lx.pos, dict);
        fn({ op: "BI", operands: [], offset: tok.offset, inlineImage: dict });
        operands = [];
        continue;
      }
      fn({ op: tok.keyword, operands, offset: tok.offset });
      operands = [];
      continue;
    }
    operands.push(tok);
  }
}
