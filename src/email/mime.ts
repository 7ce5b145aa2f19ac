/**
 * The MIME message, built by nodemailer's MailComposer:
 *
 *   multipart/mixed
 *   ├─ multipart/alternative
 *   │  ├─ text/plain; format=flowed
 *   │  └─ text/html                (or multipart/related: the HTML and its cid: images)
 *   └─ application/pdf             (<slug>-<lang>.pdf, the A4 handout)
 *
 * Deterministic: the same input gives the same bytes. MailComposer uses the
 * clock and random bytes only for what it is not given, so everything is
 * given: `date` (Date header), `messageId`, and `baseBoundary` (the random
 * part of every multipart boundary; the rest is a fixed prefix and the
 * part's number). The Content-IDs of images come from their bytes
 * (images.ts). No X-Mailer: MailComposer adds none (only the transport does).
 *
 * Boundaries start with "=_", which neither quoted-printable nor base64 can
 * produce, and every text part is sent in one of those two encodings, so no
 * content can contain a boundary. Quoted-printable also keeps the trailing
 * spaces that format=flowed needs (as `=20`) through any mail server.
 */
import MailComposer from "nodemailer/lib/mail-composer";
import { encode as qpEncode } from "nodemailer/lib/qp";
import type { InlineImage } from "./images.ts";

export type MessageParts = {
  from: { name: string; address: string };
  subject: string;
  date: Date;
  messageId: string;
  /** BCP 47 tag for the Content-Language header. */
  lang: string;
  text: string;
  html: string;
  images: readonly InlineImage[];
  attachment: { filename: string; bytes: Uint8Array };
  /** Hex digits that make the boundaries of this message (from its content hash). */
  boundary: string;
};

/** Quoted-printable or base64, whichever is shorter for this text (QP for English, base64 for Arabic or Ukrainian). */
function textEncoding(text: string): "quoted-printable" | "base64" {
  const bytes = Buffer.from(text, "utf8");
  return qpEncode(bytes).length <= Math.ceil(bytes.length / 3) * 4 ? "quoted-printable" : "base64";
}

export async function buildMime(parts: MessageParts): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: parts.from,
    subject: parts.subject,
    date: parts.date,
    messageId: parts.messageId,
    headers: {
      "Content-Language": parts.lang,
      // Outlook opens a message with this header as an unsent draft, ready to address and send.
      // `pressroom send` leaves it out of the copies it sends.
      "X-Unsent": "1",
    },
    baseBoundary: parts.boundary,
    boundaryPrefix: "=_Pressroom",
    newline: "windows",
    // text before html: the last alternative is the preferred one (RFC 2046 §5.1.4).
    alternatives: [
      { contentType: "text/plain; charset=utf-8; format=flowed", content: parts.text, contentTransferEncoding: textEncoding(parts.text) },
      { contentType: "text/html; charset=utf-8", content: parts.html, contentTransferEncoding: textEncoding(parts.html) },
    ],
    attachments: [
      ...parts.images.map((image) => ({
        cid: image.cid,
        filename: image.filename,
        contentType: image.contentType,
        content: Buffer.from(image.bytes),
      })),
      { filename: parts.attachment.filename, contentType: "application/pdf", content: Buffer.from(parts.attachment.bytes) },
    ],
    // Everything is given as bytes: nothing may be read from a path or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return new Uint8Array(await composer.compile().build());
}
