/**
 * Marked content that can never stay open: every sequence is opened and
 * closed by one function, in a `finally`.
 */
import type PDFDocument from "pdfkit";
import type { ArtifactKind, StructRole } from "../model/semantics.ts";

export type Doc = InstanceType<typeof PDFDocument> & Record<string, any>;

/** What the pdfkit structure API hands back for one marked-content sequence. */
export type StructContent = unknown;

/** Paints `draw` inside an `/Artifact` sequence. */
export function withArtifact(doc: Doc, kind: ArtifactKind, draw: () => void): void {
  doc.markContent("Artifact", { type: kind as "Layout" });
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
}

/** Paints `draw` inside a sequence with a fresh MCID; returns it for the structure element. */
export function withTag(doc: Doc, role: StructRole, draw: () => void): StructContent {
  const content = doc.markStructureContent(role);
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
  return content;
}

/**
 * Paints `draw` inside a `/Span` sequence (no MCID) whose /ActualText is the
 * text's logical reading: right-to-left glyphs are drawn in visual order,
 * as viewers expect, and read back in logical order.
 */
export function withActualText(doc: Doc, text: string, draw: () => void): void {
  doc.markContent("Span", { actual: text });
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
}
