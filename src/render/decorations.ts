/**
 * What the render stage paints under and through text: underlines and
 * strikes, placed where each run was really painted.
 */
import type { RunText } from "../layout/logical.ts";
import type { Line } from "../layout/tree.ts";
import { withArtifact } from "./marked.ts";
import type { RenderContext } from "./text.ts";

/** Where each run of a line was painted (absolute x and width, visual order), spaces at its ends left out. */
export type PlacedRun = { x: number; width: number };

export function inkOf(r: RunText, advances: readonly number[], start: number, end: number): PlacedRun {
  const isSpace = (g: number) => /^\s$/u.test(String.fromCodePoint(...(r.run.glyphs[g]?.codePoints ?? [0x41])));
  let lead = 0, trail = 0;
  for (let g = 0; g < r.run.glyphs.length && isSpace(g); g++) lead += advances[g] ?? 0;
  for (let g = r.run.glyphs.length - 1; g >= 0 && isSpace(g); g--) trail += advances[g] ?? 0;
  return { x: start + lead, width: Math.max(0, end - start - lead - trail) };
}

/**
 * Underlines and strikes under the runs as painted. textkit gives one
 * decoration per underlined or struck run, in run order; its x and width
 * are taken from where the run was actually painted (spaces capped, last
 * line moved to its start edge).
 */
export function paintDecorations(ctx: RenderContext, line: Line, placed: readonly PlacedRun[], originY: number): void {
  const decorations = line.decorationLines ?? [];
  if (!decorations.length) return;
  let next = 0;
  withArtifact(ctx.doc, "Layout", () => {
    line.runs.forEach((run, i) => {
      const attrs = run.attributes as { underline?: boolean; strike?: boolean };
      const count = (attrs.underline ? 1 : 0) + (attrs.strike ? 1 : 0);
      for (let k = 0; k < count; k++) {
        const d = decorations[next++];
        const at = placed[i];
        if (!d || !at) continue;
        ctx.paint.rect(at.x, originY + line.box.y + d.rect.y - d.rect.height / 2, Math.min(d.rect.width, at.width), d.rect.height, d.color, d.opacity);
      }
    });
  });
}
