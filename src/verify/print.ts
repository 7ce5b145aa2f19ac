/** Print-master checks (profile `print`): page boxes (PR-001..003) and RGB colour (PR-004). */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { isName as isInlineName, type Operation, type PdfValue } from "./lexer.ts";
import { intOf, isArray, isDict, nameOf, present, rectOf, refOf, type Obj, type PageRef, type Rect } from "./pdf.ts";
import { resource, type ContentVisitor, type WalkState } from "./walker.ts";
import { where } from "./content.ts";

const HINTS: Record<string, string> = {
  "PR-001": "Set /TrimBox on every page to the finished page size.",
  "PR-002": "Set /BleedBox on every page to the TrimBox plus 3 mm on each side.",
  "PR-003": "Make the MediaBox contain the BleedBox, and the BleedBox contain the TrimBox.",
  "PR-004": "Convert the colour to DeviceCMYK, DeviceGray or a spot colour (Separation); no RGB in print masters.",
};

const fmt = (r: Rect): string => `[${r.map((v) => Math.round(v * 100) / 100).join(" ")}]`;
const contains = (outer: Rect, inner: Rect, eps = 0.01): boolean =>
  inner[0] >= outer[0] - eps && inner[1] >= outer[1] - eps && inner[2] <= outer[2] + eps && inner[3] <= outer[3] + eps;

export function checkPageBoxes(pages: readonly PageRef[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: string, msg: string): void => {
    out.push(error({ file }, msg, HINTS[code], code));
  };
  for (const p of pages) {
    const n = p.index + 1;
    const media = rectOf(p.obj.getInheritable("MediaBox"));
    const trim = rectOf(p.obj.get("TrimBox"));
    const bleed = rectOf(p.obj.get("BleedBox"));
    if (!trim) report("PR-001", `Page ${n} has no (valid) /TrimBox.`);
    if (!bleed) report("PR-002", `Page ${n} has no (valid) /BleedBox.`);
    if (media && bleed && !contains(media, bleed)) report("PR-003", `Page ${n}: BleedBox ${fmt(bleed)} is not inside MediaBox ${fmt(media)}.`);
    if (bleed && trim && !contains(bleed, trim)) report("PR-003", `Page ${n}: TrimBox ${fmt(trim)} is not inside BleedBox ${fmt(bleed)}.`);
    else if (!bleed && media && trim && !contains(media, trim)) report("PR-003", `Page ${n}: TrimBox ${fmt(trim)} is not inside MediaBox ${fmt(media)}.`);
  }
  return out;
}

/** Whether a colour space (name or array, from a resource or an image) is RGB-based. */
export function isRgbSpace(cs: Obj | undefined, depth = 0): boolean {
  if (!present(cs) || depth > 8) return false;
  if (cs.isName()) return cs.asName() === "DeviceRGB" || cs.asName() === "RGB";
  if (!isArray(cs)) return false;
  switch (nameOf(cs.get(0))) {
    case "CalRGB":
      return true;
    case "ICCBased": {
      const s = cs.get(1);
      const n = isDict(s) ? intOf(s.get("N")) : undefined;
      if (n !== undefined) return n === 3;
      return isRgbSpace(isDict(s) ? s.get("Alternate") : undefined, depth + 1);
    }
    case "Indexed":
    case "I":
    case "Pattern":
      return isRgbSpace(cs.get(1), depth + 1);
    default:
      return false;
  }
}

/** Collects RGB colour use in content (operators, colour spaces, images, shadings, groups). */
export class RgbUsage implements ContentVisitor {
  private found = new Map<string, { msg: string; count: number }>();
  private seenObjects = new Set<number>();
  constructor(private readonly file: string) {}

  private add(s: WalkState, kind: string, msg: string): void {
    const k = `${s.page.index}|${kind}`;
    const it = this.found.get(k);
    if (it) it.count++;
    else this.found.set(k, { msg, count: 1 });
  }

  private namedSpace(name: string, s: WalkState): Obj | string {
    if (["DeviceRGB", "RGB", "DeviceCMYK", "CMYK", "DeviceGray", "G", "Pattern"].includes(name)) return name;
    return resource(s.resources, "ColorSpace", name) ?? name;
  }

  private spaceIsRgb(v: Obj | string): boolean {
    return typeof v === "string" ? v === "DeviceRGB" || v === "RGB" : isRgbSpace(v);
  }

  operation(o: Operation, s: WalkState): void {
    const { op, operands } = o;
    if (op === "rg" || op === "RG") this.add(s, op, `RGB colour operator '${op}' at ${where(s, o.offset)}.`);
    else if ((op === "cs" || op === "CS") && isInlineName(operands[0])) {
      const name = operands[0].name;
      if (this.spaceIsRgb(this.namedSpace(name, s))) this.add(s, `cs:${name}`, `RGB colour space /${name} selected by '${op}' at ${where(s, o.offset)}.`);
    } else if (op === "sh" && isInlineName(operands[0])) {
      const sh = resource(s.resources, "Shading", operands[0].name);
      if (isDict(sh) && isRgbSpace(sh.get("ColorSpace"))) this.add(s, "sh", `Shading /${operands[0].name} at ${where(s, o.offset)} uses an RGB colour space.`);
    } else if (op === "BI" && o.inlineImage) {
      const cs: PdfValue | undefined = o.inlineImage.entries.get("CS") ?? o.inlineImage.entries.get("ColorSpace");
      const rgb =
        (isInlineName(cs) && this.spaceIsRgb(this.namedSpace(cs.name, s))) ||
        (Array.isArray(cs) && isInlineName(cs[0]) && (cs[0].name === "I" || cs[0].name === "Indexed") && isInlineName(cs[1]) && this.spaceIsRgb(this.namedSpace(cs[1].name, s)));
      if (rgb) this.add(s, "BI", `Inline image at ${where(s, o.offset)} is RGB.`);
    }
  }

  xobject(xobj: Obj, subtype: string | undefined, name: string, s: WalkState): void {
    const num = refOf(xobj);
    if (num && this.seenObjects.has(num)) return;
    if (num) this.seenObjects.add(num);
    if (subtype === "Image" && isRgbSpace(xobj.get("ColorSpace")))
      this.add(s, `img:${num}`, `Image XObject /${name}${num ? ` (object ${num})` : ""} on page ${s.page.index + 1} is RGB.`);
    const group = xobj.get("Group");
    if (subtype === "Form" && isDict(group) && isRgbSpace(group.get("CS")))
      this.add(s, `grp:${num}`, `Form XObject /${name} on page ${s.page.index + 1} has an RGB transparency group colour space.`);
  }

  /** Page-level transparency groups. */
  checkPage(p: PageRef): void {
    const group = p.obj.get("Group");
    if (isDict(group) && isRgbSpace(group.get("CS"))) {
      const k = `${p.index}|pagegroup`;
      this.found.set(k, { msg: `Page ${p.index + 1} has an RGB transparency group colour space (/Group /CS).`, count: 1 });
    }
  }

  diagnostics(): Diagnostic[] {
    return [...this.found.values()].map((it) =>
      error({ file: this.file }, it.count > 1 ? `${it.msg} (${it.count} times)` : it.msg, HINTS["PR-004"], "PR-004"),
    );
  }
}

