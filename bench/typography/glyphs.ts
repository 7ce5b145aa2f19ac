/**
 * Every glyph a PDF paints, where it paints it, and which structure element
 * owns it. Built on the verify stage's content walker (marked content, fonts,
 * Form XObjects) with the text state of ISO 32000-1 9.3–9.4 tracked here:
 * cm/q/Q, BT, Tm/Td/TD/T*, Tc/Tw/Tz/TL/Ts, Tf and the displacements of
 * Tj/TJ/'/". Nothing is taken from Pressroom's layout tree, so the report
 * measures the PDF as written, however a renderer chooses to draw it
 * (one TJ per line or per word, spaces drawn or skipped by moving the pen).
 *
 * Constraints: text is assumed horizontal (no rotation or skew; pages are
 * measured in default user space, y up). A glyph's box is its advance:
 * x0 is the pen position, x1 the pen plus the declared width (without
 * Tc/Tw), which is the edge a justified line is set to.
 */
import { FontCache } from "../../src/verify/font.ts";
import { isString, type PdfValue } from "../../src/verify/lexer.ts";
import { isDict, items, listPages, numOf, type Obj, type PDFDocument } from "../../src/verify/pdf.ts";
import { mcKey, readStructModel, type SElem, type StructModel } from "../../src/verify/structure.ts";
import { ContentWalker, type MCEntry, type WalkState } from "../../src/verify/walker.ts";
import { widthsOf } from "./widths.ts";

export type Glyph = {
  /** Unicode text from ToUnicode (or the encoding); "" when unmapped. */
  text: string;
  /** 0-based page index. */
  page: number;
  /** Left and right edge of the advance, default user space. */
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Font size after the text and graphics matrices. */
  size: number;
  /** The structure element owning the innermost MCID sequence; none for artifacts and untagged text. */
  owner?: SElem;
  artifact: boolean;
  /** Painting order over the document. */
  order: number;
};

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n in PDF's row-vector convention (apply m, then n). */
function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

const translate = (tx: number, ty: number): Matrix => [1, 0, 0, 1, tx, ty];

function matrixOf(v: readonly PdfValue[] | undefined): Matrix | undefined {
  if (!v || v.length < 6 || v.slice(0, 6).some((x) => typeof x !== "number")) return undefined;
  return v.slice(0, 6) as Matrix;
}

/** Graphics-state parameters that q/Q save (text state parameters are part of them). */
type GState = { ctm: Matrix; tc: number; tw: number; th: number; tl: number; rise: number; size: number };

class GlyphCollector {
  readonly glyphs: Glyph[] = [];
  private g: GState = { ctm: IDENTITY, tc: 0, tw: 0, th: 1, tl: 0, rise: 0, size: 0 };
  private saved: GState[] = [];
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  /** Graphics state to restore after each Form XObject, with the form depth it was drawn at. */
  private forms: { depth: number; g: GState; saved: GState[] }[] = [];
  private page = 0;

  constructor(private readonly model: StructModel) {}

  startPage(index: number): void {
    this.page = index;
    this.g = { ctm: IDENTITY, tc: 0, tw: 0, th: 1, tl: 0, rise: 0, size: 0 };
    this.saved = [];
    this.forms = [];
  }

  xobject(xobj: Obj, subtype: string | undefined, s: WalkState): void {
    if (subtype !== "Form") return;
    this.forms.push({ depth: s.forms.length, g: { ...this.g }, saved: this.saved });
    this.saved = [];
    const m = items(xobj.get("Matrix")).map((x) => numOf(x));
    if (m.length === 6 && m.every((x) => x !== undefined)) this.g.ctm = mul(m as Matrix, this.g.ctm);
  }

  operation(op: string, operands: PdfValue[], s: WalkState): void {
    // A form ended when the walker is back at the depth it was drawn from.
    while (this.forms.length && s.forms.length <= this.forms[this.forms.length - 1]!.depth) {
      const f = this.forms.pop()!;
      this.g = f.g;
      this.saved = f.saved;
    }
    const n = (i: number) => (typeof operands[i] === "number" ? (operands[i] as number) : 0);
    switch (op) {
      case "q": this.saved.push({ ...this.g }); break;
      case "Q": this.g = this.saved.pop() ?? this.g; break;
      case "cm": { const m = matrixOf(operands); if (m) this.g.ctm = mul(m, this.g.ctm); break; }
      case "BT": this.tm = this.tlm = IDENTITY; break;
      case "Tm": { const m = matrixOf(operands); if (m) this.tm = this.tlm = m; break; }
      case "Td": this.tm = this.tlm = mul(translate(n(0), n(1)), this.tlm); break;
      case "TD": this.g.tl = -n(1); this.tm = this.tlm = mul(translate(n(0), n(1)), this.tlm); break;
      case "T*": this.nextLine(); break;
      case "Tc": this.g.tc = n(0); break;
      case "Tw": this.g.tw = n(0); break;
      case "Tz": this.g.th = n(0) / 100; break;
      case "TL": this.g.tl = n(0); break;
      case "Ts": this.g.rise = n(0); break;
      case "Tf": this.g.size = n(1); break;
      case "Tj": this.show(operands[0], s); break;
      case "'": this.nextLine(); this.show(operands[0], s); break;
      case '"': this.g.tw = n(0); this.g.tc = n(1); this.nextLine(); this.show(operands[2], s); break;
      case "TJ":
        for (const el of Array.isArray(operands[0]) ? operands[0] : []) {
          if (typeof el === "number") this.tm = mul(translate((-el / 1000) * this.g.size * this.g.th, 0), this.tm);
          else this.show(el, s);
        }
        break;
    }
  }

  private nextLine(): void {
    this.tm = this.tlm = mul(translate(0, -this.g.tl), this.tlm);
  }

  private show(str: PdfValue | undefined, s: WalkState): void {
    const font = s.font;
    if (!isString(str) || !font) return;
    const width = widthsOf(font);
    const { owner, artifact } = this.ownerOf(s.stack);
    const { size, th, tc, tw, rise } = this.g;
    for (const code of font.split(str.bytes)) {
      const w0 = width(code) / 1000;
      const trm = mul(mul([size * th, 0, 0, size, 0, rise], this.tm), this.g.ctm);
      const x0 = trm[4];
      const x1 = w0 * trm[0] + trm[4];
      const glyph: Glyph = {
        text: font.unicode(code) ?? "", page: this.page,
        x0: Math.min(x0, x1), x1: Math.max(x0, x1), y: trm[5], size: Math.hypot(trm[2], trm[3]),
        artifact, order: this.glyphs.length,
      };
      if (owner) glyph.owner = owner;
      this.glyphs.push(glyph);
      // Word spacing applies to the single-byte code 32 only (9.3.3).
      const tx = (w0 * size + tc + (code.len === 1 && code.code === 32 ? tw : 0)) * th;
      this.tm = mul(translate(tx, 0), this.tm);
    }
  }

  /** The innermost MCID sequence's owner, unless an Artifact is nested inside it. */
  private ownerOf(stack: readonly MCEntry[]): { owner?: SElem; artifact: boolean } {
    for (let i = stack.length - 1; i >= 0; i--) {
      const e = stack[i]!;
      if (e.artifact) return { artifact: true };
      if (e.mcid !== undefined) {
        const owner = this.model.mcidOwners.get(mcKey(e.container, e.mcid))?.[0];
        return owner ? { owner, artifact: false } : { artifact: false };
      }
    }
    return { artifact: false };
  }
}

export type PdfGlyphs = { glyphs: Glyph[]; pageCount: number; lang?: string };

/** All glyphs of an open document in painting order. */
export function readGlyphs(doc: PDFDocument): PdfGlyphs {
  const catalog = doc.getTrailer().get("Root");
  const pages = listPages(doc);
  const model = isDict(catalog) ? readStructModel(catalog, pages, "") : undefined;
  const collector = new GlyphCollector(model ?? ({ mcidOwners: new Map() } as unknown as StructModel));
  const walker = new ContentWalker(new FontCache(), {
    operation: (o, s) => collector.operation(o.op, o.operands, s),
    xobject: (xobj, subtype, _name, s) => collector.xobject(xobj, subtype, s),
  });
  for (const p of pages) {
    collector.startPage(p.index);
    walker.walkPage(p);
  }
  const lang = isDict(catalog) ? catalog.get("Lang") : undefined;
  const langText = lang && !lang.isNull() && lang.isString() ? lang.asString() : undefined;
  return { glyphs: collector.glyphs, pageCount: pages.length, ...(langText ? { lang: langText } : {}) };
}

