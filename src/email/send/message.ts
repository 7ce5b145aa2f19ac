/**
 * A built `release.eml` as `pressroom send` needs it: what it says (subject,
 * sender, Message-ID, attachments) and a copy addressed to one recipient.
 *
 * The copy is the message as built, byte for byte, with one `To:` header
 * added and `X-Unsent` (the "open as a draft" flag for mail clients) left
 * out. Nothing else changes: not the Message-ID, not the Date, no Bcc.
 */
import addressparser from "nodemailer/lib/addressparser";
import { encodeWord, foldLines, parseHeaderValue } from "nodemailer/lib/mime-funcs";
import { toASCII } from "nodemailer/lib/punycode";
import type { Recipient } from "./recipients.ts";

export type MessageSummary = {
  subject: string;
  from: { name: string; address: string };
  messageId: string;
  attachments: string[];
};

export type ParsedMessage = MessageSummary & {
  /** The message for one recipient: To added, X-Unsent removed. */
  forRecipient(recipient: Recipient): Buffer;
};

/** RFC 2047 encoded words → text ("=?UTF-8?Q?Harbour_Town=E2=80=99s?=" → "Harbour Town’s"). */
export function decodeWords(value: string): string {
  // White space between two encoded words is not part of the text.
  const joined = value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, "$1");
  const bytes: { charset: string; data: number[] }[] = [];
  let out = "";
  const flush = () => {
    for (const b of bytes.splice(0)) {
      try { out += new TextDecoder(b.charset).decode(new Uint8Array(b.data)); } catch { out += new TextDecoder().decode(new Uint8Array(b.data)); }
    }
  };
  // Adjacent words may split one character's bytes: decode them together.
  const re = /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g;
  let last = 0;
  for (let m = re.exec(joined); m; m = re.exec(joined)) {
    if (m.index > last) { flush(); out += joined.slice(last, m.index); }
    const [, charset, kind, text] = m;
    const data = kind!.toUpperCase() === "B"
      ? [...Buffer.from(text!, "base64")]
      : [...Buffer.from(text!.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1")];
    const previous = bytes[bytes.length - 1];
    if (previous && previous.charset === charset!.toLowerCase()) previous.data.push(...data);
    else bytes.push({ charset: charset!.toLowerCase(), data });
    last = m.index + m[0].length;
  }
  flush();
  return out + joined.slice(last);
}

type Header = { key: string; value: string; start: number; end: number };

/** The header fields of a header block, unfolded, with their byte ranges (latin1 offsets = byte offsets). */
function headerFields(block: string): Header[] {
  const fields: Header[] = [];
  const re = /^([!-9;-~]+):[ \t]*((?:[^\r\n]*)(?:\r?\n[ \t][^\r\n]*)*)\r?\n/gm;
  for (let m = re.exec(block); m; m = re.exec(block)) {
    fields.push({ key: m[1]!.toLowerCase(), value: m[2]!.replace(/\r?\n(?=[ \t])/g, ""), start: m.index, end: m.index + m[0].length });
  }
  return fields;
}

/** A display name as a header word: plain, quoted, or RFC 2047-encoded when it is not ASCII. */
function displayName(name: string): string {
  if (!/^[\x20-\x7e]*$/.test(name)) return encodeWord(name, "Q", 52);
  return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*$/.test(name) ? name : `"${name.replace(/(["\\])/g, "\\$1")}"`;
}

/** The SMTP form of an address: an internationalised domain in punycode. */
export function asciiAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, at)}@${toASCII(address.slice(at + 1))}`;
}

export function toHeader(recipient: Recipient): string {
  const address = asciiAddress(recipient.address);
  return foldLines(`To: ${recipient.name ? `${displayName(recipient.name)} <${address}>` : address}`, 76) + "\r\n";
}

/** Reads a message; throws an Error whose message says what is missing. */
export function parseMessage(bytes: Buffer): ParsedMessage {
  const text = bytes.toString("latin1"); // headers are 7-bit; latin1 keeps byte offsets
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) throw new Error("this is not an e-mail message (no header block)");
  const headerEnd = end.index + end[0].length - (end[0].startsWith("\r") ? 2 : 1);
  const fields = headerFields(text.slice(0, headerEnd));
  const get = (key: string) => fields.find((f) => f.key === key)?.value;

  const subject = decodeWords(get("subject") ?? "");
  const messageId = get("message-id")?.trim();
  const [sender] = addressparser(get("from") ?? "");
  if (!messageId) throw new Error("the message has no Message-ID header");
  if (!sender || !("address" in sender) || !sender.address) throw new Error("the message has no From address");
  if (fields.some((f) => ["to", "cc", "bcc"].includes(f.key))) throw new Error("the message already has recipients (To, Cc or Bcc); pressroom send addresses each copy itself");

  // Attachments: the parts whose Content-Disposition is attachment, by file name. A part's
  // header block follows its boundary line ("--…"); bodies are base64 or quoted-printable.
  const attachments: string[] = [];
  const partHeaders = /^--[^\r\n]*\r?\n((?:[^\r\n]+\r?\n)*)/gm;
  for (let m = partHeaders.exec(text); m; m = partHeaders.exec(text)) {
    const disposition = headerFields(m[1]!).find((f) => f.key === "content-disposition");
    if (!disposition) continue;
    const parsed = parseHeaderValue(disposition.value);
    if (parsed.value.toLowerCase() === "attachment") attachments.push(decodeWords(parsed.params.filename ?? "attachment"));
  }

  const from = { name: decodeWords(sender.name ?? ""), address: sender.address };
  const unsent = fields.find((f) => f.key === "x-unsent");
  const fromField = fields.find((f) => f.key === "from")!;
  return {
    subject, from, messageId, attachments,
    forRecipient(recipient) {
      const to = Buffer.from(toHeader(recipient), "latin1");
      const keep: [number, number][] = unsent ? [[0, unsent.start], [unsent.end, bytes.length]] : [[0, bytes.length]];
      const parts: Buffer[] = [];
      for (const [a, b] of keep) {
        // To goes right after From.
        if (fromField.end > a && fromField.end <= b) parts.push(bytes.subarray(a, fromField.end), to, bytes.subarray(fromField.end, b));
        else parts.push(bytes.subarray(a, b));
      }
      return Buffer.concat(parts);
    },
  };
}
