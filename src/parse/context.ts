import type { Definition, Node } from "mdast";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import type { Position, SourceFile } from "../model/release.ts";

/** Offsets in a file's text → 1-based line and column (UTF-16 code units, as editors count). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

/** Maps an index in a text inline's value to its position in the file. */
export type Locator = (index: number) => Position;

/** State shared by the Markdown and inline converters while one file's body is parsed. */
export class BodyContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Link and image reference definitions, by normalized identifier. */
  readonly definitions = new Map<string, Definition>();
  /** Locators of text inlines, so a piece split out of a text keeps its exact position. */
  readonly locators = new WeakMap<object, Locator>();

  constructor(
    readonly source: SourceFile,
    readonly text: string,
    readonly lines: LineIndex,
    /** Offset of the Markdown body in `text`: mdast offsets are relative to it. */
    readonly bodyOffset: number,
  ) {}

  /** Position of a file offset. */
  at(fileOffset: number): Position {
    return this.lines.at(fileOffset);
  }

  /** Start of an mdast node, in file coordinates. */
  pos(node: Node): Position {
    return this.at(this.bodyOffset + (node.position?.start.offset ?? 0));
  }

  /** The node's Markdown source, as written. */
  sourceOf(node: Node): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? "" : this.text.slice(this.bodyOffset + start, this.bodyOffset + end);
  }

  error(at: Position, message: string, hint?: string): void {
    this.diagnostics.push(error({ file: this.source.path, line: at.line, column: at.column }, message, hint));
  }

  /**
   * A locator for a text node: exact when its value is its source; otherwise (escapes,
   * entities, `>` prefixes in quotes) each character is matched to the next equal
   * character of the source, which is exact for everything a user can point at.
   */
  locatorFor(node: Node & { value: string }): Locator {
    const base = this.bodyOffset + (node.position?.start.offset ?? 0);
    const source = this.sourceOf(node);
    const value = node.value;
    if (source === value) return (i) => this.at(base + Math.min(i, value.length));
    const map: number[] = [];
    let j = 0;
    for (let i = 0; i < value.length; i++) {
      const k = source.indexOf(value[i] ?? "", j);
      if (k === -1) map.push(j);
      else {
        map.push(k);
        j = k + 1;
      }
    }
    return (i) => this.at(base + (i < map.length ? (map[i] ?? 0) : source.length));
  }
}
