/**
 * Print-master variants: page boxes, RGB colour, and the PDF/X-4 claim.
 * Added drawings are artifacts, so each variant stays PDF/UA-clean and
 * fails only its print checkpoint.
 */
import { mm } from "../../../../src/compose/define-layout.ts";
import { addAnnotation } from "../annotate.ts";
import { appendContent, editPageContent } from "../content.ts";
import { addForm, addResource, catalog, editXmp, firstPage, info, rect, type Doc, type Obj } from "../pdf.ts";
import type { Variant } from "../variant.ts";

const artifact = (ops: string): string => `/Artifact BMC q 20 0 0 20 60 60 cm ${ops} Q EMC`;
const trim = (doc: Doc) => rect(firstPage(doc).get("TrimBox"));
const resource = (doc: Doc, category: string, prefix: string, obj: Obj): string => addResource(doc, firstPage(doc), category, prefix, obj);

/** A 1×1 image in a device colour space, with one sample. */
const image = (doc: Doc, space: "DeviceRGB" | "DeviceCMYK", sample: number[]): Obj =>
  doc.addStream(Buffer.from(sample), { Type: "XObject", Subtype: "Image", Width: 1, Height: 1, ColorSpace: space, BitsPerComponent: 8 });

/** An ICCBased colour space with three components (the check reads /N; the profile data is a stand-in). */
const iccRgb = (doc: Doc): Obj => doc.addObject(["ICCBased", doc.addStream(Buffer.alloc(128), { N: 3, Alternate: "DeviceRGB" })]);

const rgbShading = (doc: Doc): Obj =>
  doc.addObject({ ShadingType: 2, ColorSpace: "DeviceRGB", Coords: [0, 0, 1, 0], Function: { FunctionType: 2, Domain: [0, 1], C0: [1, 0, 0], C1: [0, 0, 1], N: 1 } });

const PDFX_XMP = /<pdfxid:GTS_PDFXVersion>[^<]*<\/pdfxid:GTS_PDFXVersion>/;

export const printVariants: Variant[] = [
  { name: "print_master", base: "print", expect: [], about: "the print master as Pressroom writes it (CMYK figure, boxes, PDF/X-4), saved again by mupdf" },
  {
    name: "print_cmyk_image",
    base: "print",
    expect: [],
    about: "a DeviceCMYK image XObject drawn as an artifact",
    edit: (doc) => appendContent(doc, artifact(`/${resource(doc, "XObject", "Im", image(doc, "DeviceCMYK", [0, 255, 255, 0]))} Do`)),
  },
  { name: "print_gray_fill", base: "print", expect: [], about: "a DeviceGray fill ('g') drawn as an artifact", edit: (doc) => appendContent(doc, artifact("0.5 g 0 0 1 1 re f")) },
  { name: "print_no_trimbox", base: "print", expect: ["PR-001"], about: "no /TrimBox", edit: (doc) => firstPage(doc).delete("TrimBox") },
  { name: "print_no_bleedbox", base: "print", expect: ["PR-002"], about: "no /BleedBox", edit: (doc) => firstPage(doc).delete("BleedBox") },
  {
    name: "print_no_boxes",
    base: "print",
    expect: ["PR-001", "PR-002"],
    about: "neither /TrimBox nor /BleedBox",
    edit: (doc) => {
      firstPage(doc).delete("TrimBox");
      firstPage(doc).delete("BleedBox");
    },
  },
  {
    name: "print_bleed_outside_media",
    base: "print",
    expect: ["PR-003"],
    about: "a MediaBox only 1 mm larger than the trim: the 3 mm bleed sticks out",
    edit: (doc) => {
      const [l, b, r, t] = trim(doc);
      firstPage(doc).put("MediaBox", [l - mm(1), b - mm(1), r + mm(1), t + mm(1)]);
    },
  },
  {
    name: "print_trim_outside_bleed",
    base: "print",
    expect: ["PR-003", "PR-005"],
    about: "the TrimBox moved 5 mm right, out of the BleedBox (so the bleed is no longer 3 mm either)",
    edit: (doc) => {
      const [l, b, r, t] = trim(doc);
      firstPage(doc).put("TrimBox", [l + mm(5), b, r + mm(5), t]);
    },
  },
  { name: "print_rgb_op", base: "print", expect: ["PR-004"], about: "an RGB fill colour set with 'rg'", edit: (doc) => editPageContent(doc, (c) => `0.2 0.4 0.6 rg\n${c}`) },
  {
    name: "print_rgb_image",
    base: "print",
    expect: ["PR-004"],
    about: "a DeviceRGB image XObject drawn as an artifact",
    edit: (doc) => appendContent(doc, artifact(`/${resource(doc, "XObject", "Im", image(doc, "DeviceRGB", [255, 0, 0]))} Do`)),
  },
  {
    name: "print_rgb_in_form",
    base: "print",
    expect: ["PR-004"],
    about: "a Form XObject that fills with an RGB colour, drawn as an artifact",
    edit: (doc) => appendContent(doc, artifact(`/${resource(doc, "XObject", "Fx", addForm(doc, "1 0 0 rg 0 0 1 1 re f"))} Do`)),
  },
  {
    name: "print_rgb_inline_image",
    base: "print",
    expect: ["PR-004"],
    about: "an RGB inline image drawn as an artifact",
    edit: (doc) => appendContent(doc, artifact("BI /W 1 /H 1 /CS /RGB /BPC 8 /F /AHx ID ff0000> EI")),
  },
  {
    name: "print_icc_rgb",
    base: "print",
    expect: ["PR-004"],
    about: "an ICCBased colour space with /N 3 selected for a fill",
    edit: (doc) => appendContent(doc, artifact(`/${resource(doc, "ColorSpace", "CSrgb", iccRgb(doc))} cs 1 0 0 sc 0 0 1 1 re f`)),
  },
  {
    name: "print_rgb_shading",
    base: "print",
    expect: ["PR-004"],
    about: "an axial shading in DeviceRGB painted with 'sh'",
    edit: (doc) => appendContent(doc, artifact(`/${resource(doc, "Shading", "Sh", rgbShading(doc))} sh`)),
  },
  {
    name: "print_rgb_page_group",
    base: "print",
    expect: ["PR-004"],
    about: "a page transparency group with /CS /DeviceRGB",
    edit: (doc) => firstPage(doc).put("Group", { Type: "Group", S: "Transparency", CS: "DeviceRGB" }),
  },
  {
    name: "print_bleed_2mm",
    base: "print",
    expect: ["PR-005"],
    about: "a BleedBox 2 mm beyond the trim on the left (3 mm elsewhere)",
    edit: (doc) => {
      const [l, b, r, t] = trim(doc);
      firstPage(doc).put("BleedBox", [l - mm(2), b - mm(3), r + mm(3), t + mm(3)]);
    },
  },
  { name: "print_no_output_intent", base: "print", expect: ["PR-006"], about: "no /OutputIntents (PDF/X still claimed in Info and XMP)", edit: (doc) => catalog(doc).delete("OutputIntents") },
  { name: "print_trapped_string", base: "print", expect: ["PR-007"], about: "Info /Trapped as the string (False), not a name", edit: (doc) => info(doc).put("Trapped", "(False)") },
  {
    name: "print_link_annotation",
    base: "print",
    expect: ["PR-008"],
    about: "a link annotation (tagged and described, so only PDF/X objects)",
    edit: (doc) => void addAnnotation(doc, { subtype: "Link", contents: "harbour.example", role: "Link", extra: { A: { S: "URI", URI: "(https://harbour.example/)" } } }),
  },
  { name: "print_printermark", base: "print", expect: [], about: "a PrinterMark annotation, which PDF/X allows", edit: (doc) => void addAnnotation(doc, { subtype: "PrinterMark" }) },
  { name: "print_no_moddate", base: "print", expect: ["PR-009"], about: "no Info /ModDate", edit: (doc) => info(doc).delete("ModDate") },
  {
    name: "print_unclaimed",
    base: "print",
    expect: ["PR-010"],
    about: "neither Info /GTS_PDFXVersion nor XMP pdfxid:GTS_PDFXVersion (a bare GTS_PDFX output intent is no claim)",
    edit: (doc) => {
      info(doc).delete("GTS_PDFXVersion");
      editXmp(doc, PDFX_XMP, "");
    },
  },
];
