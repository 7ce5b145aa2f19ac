/**
 * The project configuration's format (`pressroom.config.json`), as a zod
 * schema. `npm run schema` publishes it as JSON Schema in
 * `pressroom.config.schema.json` (for editors; a test keeps the two equal).
 */
import { z } from "zod";
import { COLOUR_NAMES, type ColourName } from "../model/brand.ts";
import { faceSchema, SCRIPT } from "../prepare/font-manifest.ts";

export const CONFIG_FILE = "pressroom.config.json";
export const SCHEMA_FILE = "pressroom.config.schema.json";

const colourSchema = z.strictObject({
  rgb: z.string().regex(/^#[0-9a-fA-F]{6}$/).describe('The colour on screen: "#rrggbb".'),
  cmyk: z.array(z.number().min(0).max(100)).length(4).describe("The colour in print masters: [cyan, magenta, yellow, black] in percent."),
}).meta({ id: "colour", description: "A colour with its screen (RGB) and print (CMYK) value." });

const COLOUR_USES: Record<ColourName, string> = {
  ink: "Body text.",
  muted: "Standfirst, captions, labels, the footer.",
  accent: "Organisation name, headings, rules, the pull quote; the band at the head of print masters.",
  accentSoft: "The pull quote's background panel.",
  link: "Links.",
};

const brandFontSchema = z.strictObject({
  name: z.string().min(1).describe('The family\'s display name, e.g. "Source Sans 3".'),
  scripts: z.array(z.string().regex(SCRIPT)).min(1).optional()
    .describe('ISO 15924 codes of the scripts the font is for (default ["Latn"]). The brand font comes first for releases in these scripts; for others it comes after the fonts made for their script.'),
  licence: z.string().min(1).optional().describe('SPDX licence identifier, e.g. "OFL-1.1".'),
  faces: z.array(faceSchema).min(1).describe('The font files, as in fonts/manifest.json: { "weight": 400, "style": "normal", "file": "npm:…" }.'),
}).meta({ id: "brandFont", description: "A brand font family: TTF or OTF files, from npm font packages or the project." });

export const brandSchema = z.strictObject({
  logo: z.string().min(1).optional()
    .describe("SVG or PNG file, relative to the configuration file. Drawn in the masthead of every edition, beside the organisation name (decoration: an artifact)."),
  colours: z.strictObject(Object.fromEntries(COLOUR_NAMES.map((name) => [name, colourSchema.optional().describe(COLOUR_USES[name])])) as Record<ColourName, z.ZodOptional<typeof colourSchema>>)
    .optional().describe("Design colours replacing Pressroom's defaults (layouts/shared/tokens.ts)."),
  fonts: z.strictObject({
    body: brandFontSchema.optional().describe("Body text (handouts, print)."),
    heading: brandFontSchema.optional().describe("Headline, standfirst, headings, pull quotes."),
    ui: brandFontSchema.optional().describe("Masthead, labels, captions, contact, footer; body text in large print."),
  }).optional().describe("Brand fonts, each first in its role's font stack."),
}).describe("The organisation's logo, colours and fonts, on every edition.");

export const configSchema = z.strictObject({
  $schema: z.string().optional().describe("The JSON Schema of this file, for editors."),
  $comment: z.string().optional(),
  content: z.string().min(1).optional().describe('Folder of releases, content/<slug>/<lang>.md (default "content"). The build command\'s [contentDir] argument overrides it.'),
  out: z.string().min(1).optional().describe('Output folder (default "out"). --out overrides it.'),
  editions: z.array(z.string().min(1)).min(1).optional().describe("Layout ids to build (default: every layout in layouts/). --layout overrides it."),
  languages: z.array(z.string().min(1)).min(1).optional().describe("Language tags to build (default: all). --lang overrides it."),
  jobs: z.number().int().min(1).optional().describe("Worker threads (default: one per core). --jobs overrides it."),
  brand: brandSchema.optional(),
}).meta({
  title: "Pressroom project configuration",
  description: "pressroom.config.json in the folder Pressroom runs in. Paths are relative to this file. Command-line options override its keys.",
});

export type ConfigInput = z.infer<typeof configSchema>;
export type BrandInput = z.infer<typeof brandSchema>;
export type BrandFontInput = z.infer<typeof brandFontSchema>;

/** What each field expects, for hints. */
export const CONFIG_HINTS: Record<string, string> = {
  $schema: 'the schema\'s path or URL, e.g. "./node_modules/pressroom/pressroom.config.schema.json"',
  content: 'a folder path, e.g. "content"',
  out: 'a folder path, e.g. "out"',
  editions: 'layout ids, e.g. ["handout-a4", "print"]',
  languages: 'language tags, e.g. ["en", "de"]',
  jobs: "a whole number of worker threads, 1 or more",
  brand: '{ "logo": "…", "colours": { … }, "fonts": { … } }',
  logo: 'an SVG or PNG file relative to pressroom.config.json, e.g. "brand/logo.svg"',
  colours: `{ "accent": { "rgb": "#0b5d6b", "cmyk": [90, 30, 35, 25] }, … }; colours: ${COLOUR_NAMES.join(", ")}`,
  rgb: 'the screen colour as "#rrggbb"',
  cmyk: "the print colour as four percentages [c, m, y, k], each 0–100",
  fonts: '{ "body": { … }, "heading": { … }, "ui": { … } }',
  body: '{ "name": "…", "faces": [ { "weight": 400, "style": "normal", "file": "npm:…" } ] }',
  heading: '{ "name": "…", "faces": [ { "weight": 400, "style": "normal", "file": "npm:…" } ] }',
  ui: '{ "name": "…", "faces": [ { "weight": 400, "style": "normal", "file": "npm:…" } ] }',
  name: 'the family\'s display name, e.g. "Source Sans 3"',
  scripts: 'ISO 15924 script codes such as ["Latn", "Cyrl"]',
  licence: 'an SPDX licence identifier such as "OFL-1.1"',
  faces: 'a list of { "weight": 400, "style": "normal", "file": "…" }',
  weight: "a whole number: 400 regular, 700 bold",
  style: '"normal" or "italic"',
  file: '"npm:<package>/<path to .ttf or .otf>" or a path relative to pressroom.config.json',
  ...Object.fromEntries(COLOUR_NAMES.map((name) => [name, '{ "rgb": "#rrggbb", "cmyk": [c, m, y, k] }'])),
};

/** The configuration's JSON Schema (draft-07, which every editor reads). */
export function configJsonSchema(): object {
  return z.toJSONSchema(configSchema, { target: "draft-7" });
}

/** The text of pressroom.config.schema.json. */
export function configSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
