/**
 * A draft release → the text of `<lang>.md`, the images to copy, and every
 * guess with the line of the new file it concerns. Front-matter values are
 * quoted where YAML needs it (authoring/yaml.ts); a missing title or
 * organisation is written as an empty key with a `# TODO` comment, so that
 * the build fails on that line until the author fills it in.
 */
import { yamlComment, yamlScalar } from "../authoring/yaml.ts";
import type { BodyBlock } from "./body.ts";
import { escapeText, inlineMarkdown } from "./inline-markdown.ts";
import type { Draft, FrontKey } from "./interpret.ts";
import { where, type SourceDocument, type SourceImage, type Span } from "./source.ts";

export type Guess = { line?: number; text: string };

export type WrittenRelease = {
  text: string;
  guesses: Guess[];
  /** Images to copy, by their path in the release folder. */
  images: { name: string; image: SourceImage }[];
  /** Images without alt text, as "image 2 (paragraph 14)". */
  missingAlt: { image: SourceImage; where: string }[];
};

export function writeMarkdown(draft: Draft, doc: SourceDocument): WrittenRelease {
  const lines: string[] = [];
  const keyLine = new Map<FrontKey, number>();
  const guesses: Guess[] = [];
  const images: WrittenRelease["images"] = [];
  const missingAlt: WrittenRelease["missingAlt"] = [];

  const key = (k: FrontKey, value: string | undefined, indent = "") => {
    const comment = draft.comments[k];
    keyLine.set(k, lines.length + 1);
    const text = `${indent}${k}:${value !== undefined ? ` ${value}` : ""}`;
    lines.push(comment ? `${text}${value !== undefined ? "  " : " "}# ${yamlComment(comment)}` : text);
  };
  const q = (v: string | undefined) => (v === undefined ? undefined : yamlScalar(v));

  lines.push("---");
  key("title", q(draft.title));
  if (draft.standfirst) key("standfirst", q(draft.standfirst));
  key("organization", q(draft.organization));
  key("date", draft.date);
  if (draft.place) key("place", q(draft.place));
  key("lang", draft.lang);
  if (draft.contact) {
    key("contact", undefined);
    for (const field of ["name", "email", "phone"] as const) {
      const v = draft.contact[field];
      // A phone number is always quoted: edited to "+441632960555" it would otherwise turn into a number.
      if (v) lines.push(`  ${field}: ${field === "phone" ? JSON.stringify(v) : yamlScalar(v)}`);
    }
  }
  lines.push("---");

  const notes: Guess[] = [];
  const inline = (spans: Span[], line: number) => {
    const r = inlineMarkdown(spans);
    if (r.dropped) notes.push({ line, text: `${r.dropped} left out here: Markdown could not keep them around this text` });
    for (const href of r.badLinks) notes.push({ line, text: `the link to ${href} is kept as text: a PDF link must be http, https or mailto` });
    return r.markdown;
  };

  const blockLine = new Map<BodyBlock, number>();
  // Marker widths of the open list items, per depth, for the indentation of nested items.
  let listWidths: number[] = [];
  let previous: BodyBlock | undefined;
  for (const block of draft.body.blocks) {
    const inList = block.kind === "item" && previous?.kind === "item";
    if (!inList) {
      lines.push("");
      listWidths = [];
    }
    const line = lines.length + 1;
    blockLine.set(block, line);
    switch (block.kind) {
      case "paragraph":
        lines.push(inline(block.spans, line));
        break;
      case "heading":
        lines.push(`${"#".repeat(block.level)} ${inline(block.spans, line)}`);
        break;
      case "item": {
        const depth = Math.min(block.depth, listWidths.length);
        const marker = block.ordered ? "1. " : "- ";
        const indent = " ".repeat(listWidths.slice(0, depth).reduce((a, b) => a + b, 0));
        listWidths = [...listWidths.slice(0, depth), marker.length];
        lines.push(`${indent}${marker}${inline(block.spans, line)}`);
        break;
      }
      case "pullquote":
        lines.push("> [!PULLQUOTE]", `> ${inline(block.quote, line + 1)}`);
        if (block.attribution) lines.push(`> — ${inline(block.attribution, line + 2)}`);
        break;
      case "figure": {
        const name = `images/${draft.lang}-${block.image.number}.${block.image.ext}`;
        if (!block.image.alt) missingAlt.push({ image: block.image, where: where(doc, block.at) });
        images.push({ name, image: block.image });
        lines.push(`![${escapeText(block.image.alt)}](${name})`);
        notes.push({ line, text: `image ${block.image.number} → ${name}, with its alt text` });
        break;
      }
    }
    previous = block;
  }
  lines.push("");

  for (const g of draft.guesses) {
    const line = keyLine.get(g.key);
    const value = g.key === "date" ? ` ${draft.date}` : g.key === "lang" ? ` ${draft.lang}` : g.key === "place" && draft.place ? ` ${draft.place}` : "";
    const todo = (g.key === "title" && !draft.title) || (g.key === "organization" && !draft.organization) ? ": TODO" : "";
    guesses.push({ ...(line ? { line } : {}), text: `${g.key}${value}${todo} ← ${g.text}` });
  }
  for (const n of draft.body.notes) {
    const line = blockLine.get(n.block);
    guesses.push({ ...(line ? { line } : {}), text: `${n.text} (${where(doc, n.block.at)})` });
  }
  guesses.push(...notes);
  guesses.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { text: lines.join("\n"), guesses, images, missingAlt };
}
