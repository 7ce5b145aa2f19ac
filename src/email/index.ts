/**
 * The press e-mail: one release language → `release.eml`, a standard RFC
 * 5322/MIME message that mail clients open as a draft. The orchestrator calls
 * `composeReleaseEmail` with the prepared release and the bytes of the A4
 * handout it has just built, and writes the result to
 * `out/<slug>/<lang>/release.eml`.
 *
 * Pure: the same input gives the same bytes (see mime.ts), and the only file
 * access is reading the release's own images (images.ts). No clock, no
 * randomness: the Date header is the release date or SOURCE_DATE_EPOCH.
 */
import { createHash } from "node:crypto";
import { documentDate } from "../build/dates.ts";
import { error, type Diagnostic } from "../model/diagnostic.ts";
import type { PreparedRelease } from "../model/prepared.ts";
import { renderReleaseHtml } from "./html.tsx";
import { inlineImages, logoImage } from "./images.ts";
import { buildMime } from "./mime.ts";
import { renderPlainText } from "./plain-text.ts";
import { PLACEHOLDER_DOMAIN, senderOf } from "./sender.ts";
import { emailTexts } from "./texts.ts";

export type ComposeEmailInput = {
  prepared: PreparedRelease;
  /** The handout PDF that travels with the message: its layout id and bytes. */
  handout: { layout: string; bytes: Uint8Array };
  /** The Date header; default: the release date, or SOURCE_DATE_EPOCH when set (like the PDF's dates). */
  date?: Date;
};

export type ComposedEmail = {
  /** The message; empty when `diagnostics` has an error. */
  bytes: Uint8Array;
  /** The Message-ID header's value, angle brackets included. */
  messageId: string;
  diagnostics: Diagnostic[];
};

/** The layout that is never attached: the print master is for printers, not for journalists. */
const PRINT_LAYOUT = "print";

export async function composeReleaseEmail(input: ComposeEmailInput): Promise<ComposedEmail> {
  const { prepared, handout } = input;
  const { release } = prepared;
  const { meta } = release;
  const diagnostics: Diagnostic[] = [];
  const at = { file: release.file };

  if (handout.layout === PRINT_LAYOUT) {
    diagnostics.push(error(at, "the print master cannot be attached to the press e-mail", "pass the A4 handout (handout-a4)"));
  }
  const pdf = handout.bytes;
  if (!(pdf.length > 5 && String.fromCharCode(...pdf.subarray(0, 5)) === "%PDF-")) {
    diagnostics.push(error(at, `the ${handout.layout} bytes given for the e-mail are not a PDF`));
  }
  if (diagnostics.length) return { bytes: new Uint8Array(0), messageId: "", diagnostics };

  const texts = emailTexts(prepared);
  const { images, diagnostics: imageDiagnostics } = await inlineImages(release);
  diagnostics.push(...imageDiagnostics);
  const text = renderPlainText(prepared, texts);
  const logo = await logoImage(prepared.brand?.logo, release.slug);
  const html = renderReleaseHtml(prepared, texts, images, logo);

  const from = senderOf(meta);
  if (from.placeholder) {
    const pos = release.metaPos.contact ?? release.metaPos.organization;
    diagnostics.push({
      severity: "warning", file: release.file, ...(pos ?? {}),
      message: `the release has no contact e-mail address, so release.eml is from "${from.name}" at a placeholder address (@${PLACEHOLDER_DOMAIN})`,
      hint: "add contact: email: … to the front matter; pressroom send will not send the message without it",
    });
  }
  const date = input.date ?? documentDate(meta.date);
  const attachment = { filename: `${release.slug}-${prepared.lang}.pdf`, bytes: pdf };

  // Everything that makes the message, hashed: the Message-ID and the boundaries come from it.
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ slug: release.slug, lang: prepared.lang, from: [from.name, from.address], subject: texts.subject, date: date.toISOString(), text, html }));
  const parts = [...(logo ? [logo] : []), ...images.values()];
  for (const image of parts) hash.update(image.cid).update(image.bytes);
  hash.update(attachment.filename).update(pdf);
  const digest = hash.digest("hex");

  const domain = from.address.split("@").pop()!.toLowerCase();
  const messageId = `<${release.slug}.${prepared.lang.toLowerCase()}.${digest.slice(0, 20)}@${domain}>`;
  const bytes = await buildMime({
    from: { name: from.name, address: from.address }, subject: texts.subject, date, messageId, lang: prepared.lang, text, html,
    images: parts, attachment, boundary: digest.slice(20, 36),
  });
  return { bytes, messageId, diagnostics };
}
