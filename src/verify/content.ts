/**
 * Marked-content checks on page content and the Form XObjects it draws:
 * untagged paint operators (01-005), artifacts and tagged content nested in
 * each other (01-003, 01-004), nested MCIDs (01-x03), unbalanced operators
 * (01-x07), reference XObjects (30-001) and forms with MCIDs drawn more than
 * once (30-002). Also records where MCIDs occur, for the ParentTree checks.
 */
import { error, type Diagnostic } from "../model/diagnostic.ts";
import { intOf, present, type Obj, type PageRef } from "./pdf.ts";
import type { ContentVisitor, MCEntry, PaintKind, WalkState } from "./walker.ts";
import { mcKey } from "./structure.ts";

const HINTS: Record<string, string> = {
  "01-005": "Wrap every text, path, image and shading operator in a marked-content sequence with an MCID owned by a structure element, or in /Artifact BMC … EMC.",
  "01-003": "Close the tagged sequence (EMC) before opening the /Artifact sequence, or drop the artifact marker.",
  "01-004": "Close the /Artifact sequence before opening a tagged (MCID) sequence.",
  "01-x03": "Close each MCID sequence before opening the next; MCIDs must not nest.",
  "01-x07": "Match every BMC/BDC with exactly one EMC in the same content stream.",
  "30-001": "Replace the reference XObject (/Ref) by the imported page content itself.",
  "30-002": "Draw a Form XObject that contains MCIDs only once, or give each use its own copy.",
};

const PAINT_NAMES: Record<PaintKind, string> = {
  text: "text-showing",
  path: "path-painting",
  image: "image",
  "inline-image": "inline-image",
  shading: "shading",
};

export type McidSite = { container: number; mcid: number; page: PageRef; stream: number };

export function where(s: WalkState, offset: number): string {
  const page = `page ${s.page.index + 1}`;
  return s.stream === s.page.num ? `${page} (byte ${offset} of the page content)` : `Form XObject ${s.stream} drawn on ${page} (byte ${offset})`;
}

/** Counts repeated findings per (code, page) and keeps the first message. */
export class Aggregate {
  private items = new Map<string, { code: string; msg: string; count: number; page: number }>();
  add(code: string, page: number, msg: string, group = ""): void {
    const k = `${code}|${page}|${group}`;
    const it = this.items.get(k);
    if (it) it.count++;
    else this.items.set(k, { code, msg, count: 1, page });
  }
  diagnostics(file: string, hints: Record<string, string>): Diagnostic[] {
    return [...this.items.values()].map((it) =>
      error(
        { file },
        it.count > 1 ? `${it.msg} (${it.count} occurrences on page ${it.page + 1})` : it.msg,
        hints[it.code],
        it.code,
      ),
    );
  }
}

export class MarkedContentChecker implements ContentVisitor {
  private agg = new Aggregate();
  private direct: Diagnostic[] = [];
  /** First occurrence of each MCID, by `container:mcid`. */
  readonly sites = new Map<string, McidSite>();
  /** Containers (pages or forms with /StructParents) that hold MCIDs. */
  readonly containers = new Map<number, PageRef>();
  /** Forms that contain MCIDs but have no /StructParents. */
  readonly formsWithoutStructParents = new Map<number, PageRef>();
  private formDraws = new Map<number, { count: number; pages: Set<number> }>();
  private formsWithMcids = new Set<number>();
  private refXObjects = new Set<number>();

  constructor(
    private readonly file: string,
    private readonly owned: (container: number, mcid: number) => boolean,
    private readonly ownedObject: (objectNumber: number) => boolean,
  ) {}

  beginMarkedContent(e: MCEntry, s: WalkState): void {
    const page = s.page.index;
    const mcidOpen = s.stack.find((x) => x.mcid !== undefined);
    const artifactOpen = s.stack.find((x) => x.artifact);
    if (e.artifact && mcidOpen)
      this.agg.add("01-003", page, `Artifact sequence at ${where(s, e.offset)} is inside tagged content (MCID ${mcidOpen.mcid}).`);
    if (e.mcid !== undefined) {
      if (artifactOpen) this.agg.add("01-004", page, `Tagged content (MCID ${e.mcid}) at ${where(s, e.offset)} is inside an Artifact sequence.`);
      if (mcidOpen)
        this.agg.add("01-x03", page, `MCID ${e.mcid} at ${where(s, e.offset)} is nested inside MCID ${mcidOpen.mcid}.`);
      const key = mcKey(e.container, e.mcid);
      if (!this.sites.has(key)) this.sites.set(key, { container: e.container, mcid: e.mcid, page: s.page, stream: s.stream });
      this.containers.set(e.container, s.page);
      if (s.stream !== s.page.num) {
        this.formsWithMcids.add(s.stream);
        if (s.container !== s.stream && !this.formsWithoutStructParents.has(s.stream)) this.formsWithoutStructParents.set(s.stream, s.page);
      }
    }
  }

  unbalanced(kind: "extra-emc" | "unclosed", s: WalkState, offset: number, open?: MCEntry): void {
    const msg =
      kind === "extra-emc"
        ? `EMC at ${where(s, offset)} has no matching BMC/BDC in its content stream.`
        : `Marked-content sequence /${open?.tag ?? "?"} opened at ${where(s, open?.offset ?? offset)} is not closed by the end of its content stream.`;
    this.agg.add("01-x07", s.page.index, msg);
  }

  paint(kind: PaintKind, op: string, s: WalkState, offset: number): void {
    let tagging: MCEntry | undefined;
    for (let i = s.stack.length - 1; i >= 0; i--) {
      const e = s.stack[i]!;
      if (e.artifact || e.mcid !== undefined || e.objr !== undefined) {
        tagging = e;
        break;
      }
    }
    if (tagging?.artifact) return;
    if (tagging?.objr !== undefined) {
      if (!this.ownedObject(tagging.objr))
        this.agg.add(
          "01-005",
          s.page.index,
          `XObject ${tagging.objr} drawn at ${where(s, offset)} has a /StructParent but no structure element holds an OBJR to it.`,
          `objr${tagging.objr}`,
        );
      return;
    }
    if (!tagging) {
      this.agg.add("01-005", s.page.index, `Untagged content: ${PAINT_NAMES[kind]} operator '${op}' at ${where(s, offset)} is neither in tagged marked content nor in an Artifact.`, "none");
      return;
    }
    if (!this.owned(tagging.container, tagging.mcid!))
      this.agg.add(
        "01-005",
        s.page.index,
        `Content in MCID ${tagging.mcid} (${PAINT_NAMES[kind]} operator '${op}' at ${where(s, offset)}) is not owned by any structure element.`,
        `mcid${tagging.container}:${tagging.mcid}`,
      );
  }

  xobject(xobj: Obj, subtype: string | undefined, name: string, s: WalkState): void {
    if (subtype !== "Form") return;
    const num = xobj.isIndirect() ? xobj.asIndirect() : 0;
    if (present(xobj.get("Ref")) && !this.refXObjects.has(num)) {
      this.refXObjects.add(num);
      this.direct.push(
        error({ file: this.file }, `Form XObject /${name} (object ${num}) drawn on page ${s.page.index + 1} is a reference XObject (/Ref).`, HINTS["30-001"], "30-001"),
      );
    }
    if (!num) return;
    const d = this.formDraws.get(num) ?? { count: 0, pages: new Set<number>() };
    d.count++;
    d.pages.add(s.page.index + 1);
    this.formDraws.set(num, d);
  }

  diagnostics(): Diagnostic[] {
    const out = [...this.direct, ...this.agg.diagnostics(this.file, HINTS)];
    for (const num of this.formsWithMcids) {
      const d = this.formDraws.get(num);
      if (d && d.count > 1)
        out.push(
          error(
            { file: this.file },
            `Form XObject ${num} contains MCIDs and is drawn ${d.count} times (page ${[...d.pages].join(", ")}).`,
            HINTS["30-002"],
            "30-002",
          ),
        );
    }
    return out;
  }
}

/** /StructParents of a page or form, if it has one. */
export const structParentsOf = (o: Obj): number | undefined => intOf(o.get("StructParents"));
