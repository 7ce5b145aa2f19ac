/**
 * Walks the content of a page (and the Form XObjects it draws) keeping the
 * state that the checks need: the marked-content stack across nested forms,
 * the current font and text rendering mode, and which resources apply.
 */
import { decodeTextString } from "./textstring.ts";
import { forEachOperation, isDict as isInlineDict, isName, isString, type Operation, type PdfDict, type PdfValue } from "./lexer.ts";
import type { FontCache, FontInfo } from "./font.ts";
import { intOf, isDict, items, nameOf, present, refOf, streamBytes, textOf, type Obj, type PageRef } from "./pdf.ts";

export type MCEntry = {
  tag: string;
  mcid?: number;
  artifact: boolean;
  /** Object number of the page or form whose ParentTree entry numbers this MCID. */
  container: number;
  actualText?: string;
  lang?: string;
  /**
   * Set on a synthetic entry (tag "(OBJR)") while an XObject with
   * /StructParent is drawn: its content is tagged as a whole through an
   * OBJR to this object number.
   */
  objr?: number;
  offset: number;
};

export type PaintKind = "text" | "path" | "image" | "inline-image" | "shading";

export type WalkState = {
  page: PageRef;
  /** The whole marked-content stack, including sequences opened by the caller of a form. */
  stack: MCEntry[];
  /** Object number that numbers MCIDs here: the page, or a form with /StructParents. */
  container: number;
  /** Object number of the stream being read: the page, or the form. */
  stream: number;
  resources: Obj | undefined;
  font: FontInfo | undefined;
  renderMode: number;
  /** Form XObjects being drawn, outermost first. */
  forms: number[];
};

export interface ContentVisitor {
  beginMarkedContent?(e: MCEntry, s: WalkState): void;
  endMarkedContent?(e: MCEntry, s: WalkState): void;
  /** An EMC without an open sequence in this stream, or a sequence left open at its end. */
  unbalanced?(kind: "extra-emc" | "unclosed", s: WalkState, offset: number, open?: MCEntry): void;
  paint?(kind: PaintKind, op: string, s: WalkState, offset: number): void;
  showText?(font: FontInfo | undefined, bytes: Uint8Array, s: WalkState): void;
  /** Every operation, before the walker interprets it. */
  operation?(op: Operation, s: WalkState): void;
  /** A `Do` of an XObject (before a form's content is walked). */
  xobject?(xobj: Obj, subtype: string | undefined, name: string, s: WalkState): void;
}

const PATH_PAINT = new Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"]);
const MAX_FORM_DEPTH = 24;

/** Decoded page content: its content streams joined by a newline. */
export function pageContent(page: Obj): Uint8Array {
  const contents = page.get("Contents");
  const parts = (present(contents) && contents.isArray() ? items(contents) : [contents])
    .map((c) => streamBytes(c))
    .filter((b): b is Uint8Array => b !== undefined);
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
    out[at++] = 0x0a;
  }
  return out;
}

type Props = { mcid?: number; actualText?: string; lang?: string };

function inlineProps(d: PdfDict): Props {
  const out: Props = {};
  const mcid = d.entries.get("MCID");
  if (typeof mcid === "number" && Number.isInteger(mcid)) out.mcid = mcid;
  const at = d.entries.get("ActualText");
  if (isString(at)) out.actualText = decodeTextString(at.bytes);
  const lang = d.entries.get("Lang");
  if (isString(lang)) out.lang = decodeTextString(lang.bytes);
  return out;
}

function objProps(o: Obj): Props {
  const out: Props = {};
  const mcid = intOf(o.get("MCID"));
  if (mcid !== undefined) out.mcid = mcid;
  const at = textOf(o.get("ActualText"));
  if (at !== undefined) out.actualText = at;
  const lang = textOf(o.get("Lang"));
  if (lang !== undefined) out.lang = lang;
  return out;
}

export function resource(resources: Obj | undefined, category: string, name: string): Obj | undefined {
  if (!isDict(resources)) return undefined;
  const cat = resources.get(category);
  if (!isDict(cat)) return undefined;
  const v = cat.get(name);
  return present(v) ? v : undefined;
}

export class ContentWalker {
  constructor(
    private readonly fonts: FontCache,
    private readonly visitor: ContentVisitor,
  ) {}

  walkPage(page: PageRef): void {
    const state: WalkState = {
      page,
      stack: [],
      container: page.num,
      stream: page.num,
      resources: page.obj.getInheritable("Resources"),
      font: undefined,
      renderMode: 0,
      forms: [],
    };
    this.walkStream(pageContent(page.obj), state);
  }

  private walkStream(data: Uint8Array, s: WalkState): void {
    const v = this.visitor;
    const base = s.stack.length;
    const gstack: { font: FontInfo | undefined; renderMode: number }[] = [];
    forEachOperation(data, (o) => {
      v.operation?.(o, s);
      const { op, operands } = o;
      switch (op) {
        case "BMC":
        case "BDC": {
          const tag = isName(operands[0]) ? operands[0].name : "";
          let props: Props = {};
          if (op === "BDC") {
            const p = operands[1];
            if (isInlineDict(p)) props = inlineProps(p);
            else if (isName(p)) {
              const r = resource(s.resources, "Properties", p.name);
              if (isDict(r)) props = objProps(r);
            }
          }
          const e: MCEntry = { tag, artifact: tag === "Artifact", container: s.container, offset: o.offset };
          if (props.mcid !== undefined) e.mcid = props.mcid;
          if (props.actualText !== undefined) e.actualText = props.actualText;
          if (props.lang !== undefined) e.lang = props.lang;
          v.beginMarkedContent?.(e, s);
          s.stack.push(e);
          break;
        }
        case "EMC": {
          if (s.stack.length <= base) v.unbalanced?.("extra-emc", s, o.offset);
          else {
            const e = s.stack.pop()!;
            v.endMarkedContent?.(e, s);
          }
          break;
        }
        case "q":
          gstack.push({ font: s.font, renderMode: s.renderMode });
          break;
        case "Q": {
          const g = gstack.pop();
          if (g) {
            s.font = g.font;
            s.renderMode = g.renderMode;
          }
          break;
        }
        case "Tf": {
          const n = operands[0];
          const f = isName(n) ? resource(s.resources, "Font", n.name) : undefined;
          s.font = f ? this.fonts.get(f) : undefined;
          break;
        }
        case "Tr":
          if (typeof operands[0] === "number") s.renderMode = operands[0];
          break;
        case "Tj":
        case "'":
          this.show(operands[0], op, s, o.offset);
          break;
        case '"':
          this.show(operands[2], op, s, o.offset);
          break;
        case "TJ": {
          const arr = operands[0];
          if (Array.isArray(arr)) {
            let painted = false;
            for (const el of arr) {
              if (isString(el) && el.bytes.length > 0) {
                if (!painted) v.paint?.("text", op, s, o.offset);
                painted = true;
                v.showText?.(s.font, el.bytes, s);
              }
            }
          }
          break;
        }
        case "sh":
          v.paint?.("shading", op, s, o.offset);
          break;
        case "BI":
          v.paint?.("inline-image", op, s, o.offset);
          break;
        case "Do":
          if (isName(operands[0])) this.doXObject(operands[0].name, s, o.offset);
          break;
        default:
          if (PATH_PAINT.has(op)) v.paint?.("path", op, s, o.offset);
      }
    });
    while (s.stack.length > base) {
      const e = s.stack.pop()!;
      v.unbalanced?.("unclosed", s, data.length, e);
      v.endMarkedContent?.(e, s);
    }
  }

  private show(str: PdfValue | undefined, op: string, s: WalkState, offset: number): void {
    if (!isString(str) || str.bytes.length === 0) return;
    this.visitor.paint?.("text", op, s, offset);
    this.visitor.showText?.(s.font, str.bytes, s);
  }

  private doXObject(name: string, s: WalkState, offset: number): void {
    const xobj = resource(s.resources, "XObject", name);
    if (!present(xobj)) return;
    const subtype = nameOf(xobj.get("Subtype"));
    this.visitor.xobject?.(xobj, subtype, name, s);
    const num = refOf(xobj);
    // An XObject with /StructParent is a content item of its own (referenced by an OBJR).
    const objr: MCEntry | undefined =
      num && intOf(xobj.get("StructParent")) !== undefined
        ? { tag: "(OBJR)", artifact: false, container: s.container, objr: num, offset }
        : undefined;
    if (subtype === "Image") {
      if (objr) s.stack.push(objr);
      this.visitor.paint?.("image", "Do", s, offset);
      if (objr) s.stack.pop();
      return;
    }
    if (subtype !== "Form") return;
    if ((num && s.forms.includes(num)) || s.forms.length >= MAX_FORM_DEPTH) return;
    const data = streamBytes(xobj);
    if (!data) return;
    const saved = { container: s.container, stream: s.stream, resources: s.resources, font: s.font, renderMode: s.renderMode };
    const depth = s.stack.length;
    const res = xobj.get("Resources");
    if (isDict(res)) s.resources = res;
    if (intOf(xobj.get("StructParents")) !== undefined) s.container = num;
    s.stream = num;
    s.forms.push(num);
    if (objr) s.stack.push(objr);
    try {
      this.walkStream(data, s);
    } finally {
      s.forms.pop();
      s.stack.length = depth;
      Object.assign(s, saved);
    }
  }
}

