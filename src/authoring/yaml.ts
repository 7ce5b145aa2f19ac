/**
 * Front-matter values as YAML text. A value is written plain when the YAML
 * core schema (the one the front-matter parser uses) reads it back as the
 * same string, else in double quotes (JSON string syntax is valid YAML).
 */
import { parse } from "yaml";

/** `value` as a YAML scalar that reads back as exactly `value`. */
export function yamlScalar(value: string): string {
  const plain = value.trim() === value && value !== "" && !/[\n\r\t]/.test(value) && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/: |\s#/.test(value);
  if (plain) {
    try {
      if (parse(`k: ${value}`, { schema: "core" })?.k === value) return value;
    } catch {
      // quoted below
    }
  }
  return JSON.stringify(value);
}

/** A YAML comment's text on one line (after `# `). */
export function yamlComment(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
