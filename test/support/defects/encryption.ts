/**
 * Encrypted variants, made reproducible. mupdf's own encryption draws a
 * random file identifier on every save, and the identifier keys the
 * encryption, so its bytes differ from run to run. Here a saved file gets
 * an incremental update that adds a standard security handler (V 4, R 4,
 * ISO 32000-1 §7.6.3) with an empty user password and crypt filters whose
 * method is /None: strings and streams stay as written, while readers see
 * an encrypted file, authenticate the empty password and read its /P.
 */
import { createHash } from "node:crypto";
import { openPdf } from "./pdf.ts";

/** ISO 32000-1 §7.6.3.3, Algorithm 2: the password padding. */
const PAD = Buffer.from("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A", "hex");

/** The /P that readers assume for an encryption dictionary without one (mupdf: all permissions). */
const PERMISSIONS_WHEN_MISSING = -4;

const md5 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash("md5");
  for (const p of parts) h.update(p);
  return h.digest();
};

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

/** RC4 with the key, then 19 more passes with the key XORed with 1..19 (Algorithms 3 and 5, R ≥ 3). */
function rc4Rounds(key: Uint8Array, data: Uint8Array): Buffer {
  let out = rc4(key, data);
  for (let i = 1; i <= 19; i++) out = rc4(key.map((b) => b ^ i), out);
  return out;
}

function iteratedMd5(first: Buffer): Buffer {
  let h = first.subarray(0, 16);
  for (let i = 0; i < 50; i++) h = md5(h);
  return h;
}

const le32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
};

/** /O, /U for an empty user password and the given owner password (Algorithms 2, 3, 5). */
function passwords(owner: string, permissions: number, id: Buffer): { o: Buffer; u: Buffer } {
  const ownerPadded = Buffer.concat([Buffer.from(owner, "latin1"), PAD]).subarray(0, 32);
  const o = rc4Rounds(iteratedMd5(md5(ownerPadded)), PAD);
  const key = iteratedMd5(md5(PAD, o, le32(permissions), id));
  const u = Buffer.concat([rc4Rounds(key, md5(PAD, id)), Buffer.alloc(16)]);
  return { o, u };
}

/**
 * Appends the security handler to a saved PDF. `permissions` undefined
 * writes no /P (checkpoint 26-001); the keys then use the value readers assume.
 */
export function encrypt(pdf: Uint8Array, permissions: number | undefined): Uint8Array {
  const doc = openPdf(pdf);
  const trailer = doc.getTrailer();
  const size = trailer.get("Size").asNumber();
  const ids = trailer.get("ID");
  if (!ids.isArray()) throw new Error("defect generator: encrypting needs a file identifier");
  const id = Buffer.from(ids.get(0).asByteString());
  const ref = (key: string): string => `${trailer.get(key).asIndirect()} 0 R`;
  const [root, info] = [ref("Root"), ref("Info")];
  doc.destroy();

  const text = Buffer.from(pdf).toString("latin1");
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  if (!Number.isFinite(prev)) throw new Error("defect generator: no startxref");
  const { o, u } = passwords("owner", permissions ?? PERMISSIONS_WHEN_MISSING, id);
  const p = permissions === undefined ? "" : `/P ${permissions}`;
  const objOffset = pdf.length + 1;
  const obj =
    `\n${size} 0 obj\n<</Filter/Standard/V 4/R 4/Length 128/CF<</StdCF<</CFM/None/AuthEvent/DocOpen/Length 16>>>>` +
    `/StmF/StdCF/StrF/StdCF/O<${o.toString("hex")}>/U<${u.toString("hex")}>${p}>>\nendobj\n`;
  const xref = pdf.length + obj.length;
  const hexId = id.toString("hex");
  const tail =
    `xref\n${size} 1\n${String(objOffset).padStart(10, "0")} 00000 n \n` +
    `trailer\n<</Size ${size + 1}/Root ${root}/Info ${info}/ID[<${hexId}><${hexId}>]/Encrypt ${size} 0 R/Prev ${prev}>>\n` +
    `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([pdf, Buffer.from(obj + tail, "latin1")]));
}
