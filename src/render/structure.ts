/**
 * Structure elements, created the first time content is painted for them
 * and appended to their parent at that moment, so children appear in
 * reading (painting) order. Fragments of a node split across pages share a
 * key (`tagId`) and so one element.
 */
import type { StructRole } from "../model/semantics.ts";
import type { Doc } from "./marked.ts";

export type StructElement = {
  add(child: unknown): StructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
};

/** A place in the structure tree: the element a node's content belongs to. */
export type StructScope = {
  key: string;
  role: StructRole;
  alt?: string;
  lang?: string;
  /** For `Link`: where it goes and its text, for the annotation. */
  link?: { href: string; text: string };
  parent?: StructScope;
};

export class StructureBuilder {
  private readonly elements = new Map<string, StructElement>();
  readonly root: StructElement;

  constructor(private readonly doc: Doc) {
    this.root = doc.struct("Document") as unknown as StructElement;
    doc.addStructure(this.root as never);
  }

  /** The element for `scope`, created (and attached to its parent) on first use. */
  element(scope: StructScope): StructElement {
    const known = this.elements.get(scope.key);
    if (known) return known;
    const parent = scope.parent ? this.element(scope.parent) : this.root;
    const options: Record<string, unknown> = {};
    if (scope.alt !== undefined) options.alt = scope.alt;
    if (scope.lang !== undefined) options.lang = scope.lang;
    const created = this.doc.struct(scope.role, options) as unknown as StructElement;
    parent.add(created);
    this.elements.set(scope.key, created);
    return created;
  }

  /** Ends an element early, so that pdfkit writes it while its page is current. */
  close(scope: StructScope): void {
    this.elements.get(scope.key)?.end();
  }

  /** Ends every element; call once, before the document ends. */
  finish(): void {
    this.root.end();
  }
}
