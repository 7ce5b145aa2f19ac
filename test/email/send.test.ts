/**
 * `pressroom send` end to end: the CLI (a child process, as a user runs it)
 * against a real SMTP server on 127.0.0.1 started here (smtp-server, with
 * authentication). The message is a real release.eml with its real handout.
 *
 * test/email/fixtures/localhost.{crt,key} is a self-signed certificate for
 * localhost and 127.0.0.1, made for these tests only (valid until 2126); the
 * client trusts it through NODE_EXTRA_CA_CERTS, as a user would add a CA.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { composeReleaseEmail } from "../../src/email/index.ts";
import { repoRoot, tempDir } from "../support/build.ts";
import { buildHandouts, CONTENT, parseMail, prepareSample, type Sample } from "./support.ts";

const USER = "press-office";
const PASS = "correct horse battery staple";
const FIXTURES = path.join(repoRoot, "test/email/fixtures");

type Delivery = { from: string; to: string[]; raw: Buffer; user: unknown; secure: boolean; at: number };
const received: Delivery[] = [];

function startServer(options: { tls: boolean }): Promise<{ server: SMTPServer; url: string }> {
  const server = new SMTPServer({
    logger: false,
    authMethods: ["PLAIN", "LOGIN"],
    ...(options.tls
      ? { key: readFileSync(path.join(FIXTURES, "localhost.key")), cert: readFileSync(path.join(FIXTURES, "localhost.crt")) }
      : { hideSTARTTLS: true, allowInsecureAuth: true }),
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) callback(null, { user: USER });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refused")) callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          user: session.user,
          secure: session.secure,
          at: Date.now(),
        });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` })));
}

let plain: { server: SMTPServer; url: string };
let secure: { server: SMTPServer; url: string };
let eml: Buffer;
let pdf: Uint8Array;
let messageId: string;

beforeAll(async () => {
  const sample: Sample = { dir: CONTENT, slug: "river-cleanup", lang: "en" };
  pdf = (await buildHandouts([sample])).get("river-cleanup/en")!;
  const email = await composeReleaseEmail({ prepared: await prepareSample(sample), handout: { layout: "handout-a4", bytes: pdf } });
  eml = Buffer.from(email.bytes);
  messageId = email.messageId;
  plain = await startServer({ tls: false });
  secure = await startServer({ tls: true });
}, 60_000);

afterAll(async () => {
  await Promise.all([plain, secure].filter(Boolean).map((s) => new Promise<void>((resolve) => s.server.close(() => resolve()))));
});

beforeEach(() => {
  received.length = 0;
});

/** A fresh out/<slug>/<lang>/ with the message, and a recipients file; their paths. */
function workspace(list: string, listName = "recipients.txt"): { eml: string; list: string; log: string } {
  const dir = path.join(tempDir("pressroom-send-"), "out", "river-cleanup", "en");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "release.eml"), eml);
  const listFile = path.join(path.dirname(dir), listName);
  writeFileSync(listFile, list);
  return { eml: path.join(dir, "release.eml"), list: listFile, log: path.join(dir, "sent.json") };
}

const CREDENTIALS = { PRESSROOM_SMTP_USER: USER, PRESSROOM_SMTP_PASS: PASS };

/** Runs the CLI without blocking this process (the SMTP server lives here). */
function pressroom(args: string[], env: Record<string, string> = CREDENTIALS): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PRESSROOM_SMTP_") && k !== "NODE_EXTRA_CA_CERTS"));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "bin/pressroom.js"), ...args], { cwd: repoRoot, env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const LIST = `# Press list, spring 2026
alice@newsroom.example

Bob Example <bob@radio.example>
  "Chen, Wei (desk)" <wei.chen@daily.example>
`;

const sentLog = (file: string) => JSON.parse(readFileSync(file, "utf8")) as { version: number; entries: { messageId: string; to: string; accepted: boolean; response: string; time: string }[] };

describe("pressroom send", () => {
  it("dry run (no --yes): prints who would get what and sends nothing", async () => {
    const w = workspace(LIST);
    const r = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"Volunteers lift 3.4 tonnes of rubbish out of the River Wend"');
    expect(r.stdout).toContain("attached: river-cleanup-en.pdf");
    expect(r.stdout).toContain("3 recipients in");
    expect(r.stdout).toContain("would send to Bob Example <bob@radio.example>");
    expect(r.stdout).toContain("would send to Chen, Wei (desk) <wei.chen@daily.example>");
    expect(r.stdout).toMatch(/dry run: nothing sent/);
    expect(received).toEqual([]);
    expect(existsSync(w.log)).toBe(false);
  });

  it("refuses the whole list for one bad address, with its line and column, and sends nothing", async () => {
    const w = workspace(`${LIST}carol@\nDan <dan@@tv.example>\n`);
    const r = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${w.list}:6:1: error: \`carol@\` is not an e-mail address: there is no domain after the @`);
    expect(r.stderr).toContain(`${w.list}:7:6: error: \`dan@@tv.example\``);
    expect(r.stderr).toMatch(/nothing sent/);
    expect(received).toEqual([]);
    expect(existsSync(w.log)).toBe(false);
  });

  it("--yes: one message per recipient, only that recipient in To:, the message as built, the PDF attached", async () => {
    const w = workspace(LIST);
    const r = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes", "--rate", "6000/min"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 sent, 0 failed, 0 skipped/);
    expect(received.map((d) => d.to)).toEqual([["alice@newsroom.example"], ["bob@radio.example"], ["wei.chen@daily.example"]]);
    const names = ["", "Bob Example", "Chen, Wei (desk)"];
    for (const [i, d] of received.entries()) {
      expect(d.user).toBe(USER); // authenticated with the credentials from the environment
      expect(d.from).toBe("volunteers@wendvalley.example");
      const mail = await parseMail(d.raw);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ address: d.to[0], name: names[i] }]);
      expect(mail.cc).toBeUndefined();
      expect(mail.bcc).toBeUndefined();
      expect(mail.messageId).toBe(messageId);
      expect(mail.headers.has("x-unsent")).toBe(false);
      const attachment = mail.attachments.find((a) => a.contentType === "application/pdf")!;
      expect(attachment.filename).toBe("river-cleanup-en.pdf");
      expect(new Uint8Array(attachment.content)).toEqual(pdf);
      // Byte for byte the built message, with a To: header and without X-Unsent.
      const toLine = d.raw.toString("latin1").match(/^To: .*(\r\n[ \t].*)*\r\n/m)![0];
      const expected = eml.toString("latin1").replace("X-Unsent: 1\r\n", "").replace(/(^From: .*\r\n)/m, `$1${toLine}`);
      expect(d.raw.toString("latin1").replace(/\r\n$/, "")).toBe(expected.replace(/\r\n$/, ""));
    }
    const log = sentLog(w.log);
    expect(log.entries.map((e) => [e.to, e.accepted, e.messageId])).toEqual(received.map((d) => [d.to[0], true, messageId]));
    expect(log.entries[0]!.response).toMatch(/^250 /);
    expect(r.stdout + r.stderr + readFileSync(w.log, "utf8")).not.toContain(PASS);
  });

  it("a rerun skips the recipients that already have this message; --resend sends again", async () => {
    const w = workspace(LIST);
    await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes", "--rate", "6000/min"]);
    expect(received).toHaveLength(3);
    writeFileSync(w.list, `${LIST}dana@weekly.example\n`);
    const dry = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url]);
    expect(dry.stdout).toContain("4 recipients in");
    expect(dry.stdout).toContain("1 to send, 3 already sent");
    const again = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes", "--rate", "6000/min"]);
    expect(again.code).toBe(0);
    expect(received.slice(3).map((d) => d.to)).toEqual([["dana@weekly.example"]]);
    const resend = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes", "--rate", "6000/min", "--resend"]);
    expect(resend.code).toBe(0);
    expect(received.slice(4)).toHaveLength(4);
    expect(sentLog(w.log).entries).toHaveLength(8);
  });

  it("a recipient the server refuses is reported; the others still go out; exit 1", async () => {
    const w = workspace("alice@newsroom.example\nrefused@nowhere.example\nbob@radio.example\n");
    const r = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes", "--rate", "6000/min"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${w.list.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:1: error: not sent to refused@nowhere\\.example: .*550`));
    expect(received.map((d) => d.to[0])).toEqual(["alice@newsroom.example", "bob@radio.example"]);
    expect(sentLog(w.log).entries.map((e) => e.accepted)).toEqual([true, false, true]);
    expect(r.stdout).toMatch(/2 sent, 1 failed/);
    // A rerun tries only the one that failed.
    const again = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url]);
    expect(again.stdout).toContain("1 to send, 2 already sent");
  });

  it("reads a CSV list with an email and a name column", async () => {
    const w = workspace('name,email,outlet\n"Okafor, Mira",mira@harbour.example,Harbour Times\nЄва Коваль,eva@kyiv.example,Radio\n', "press.csv");
    const r = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes", "--rate", "6000/min"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const tos = await Promise.all(received.map(async (d) => ((await parseMail(d.raw)).to as { value: unknown }).value));
    expect(tos).toEqual([[{ address: "mira@harbour.example", name: "Okafor, Mira" }], [{ address: "eva@kyiv.example", name: "Єва Коваль" }]]);
    const bad = workspace("name,email\nMira,mira@harbour.example\nEva,eva.kyiv.example\n", "press.csv");
    const refused = await pressroom(["send", bad.eml, "--to", bad.list, "--smtp", plain.url, "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad.list}:3:5: error: \`eva.kyiv.example\` is not an e-mail address: there is no @`);
  });

  it("takes credentials only from PRESSROOM_SMTP_USER and PRESSROOM_SMTP_PASS, and never prints them", async () => {
    const w = workspace("alice@newsroom.example\n");
    const inUrl = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url.replace("//", `//${USER}:secret@`), "--yes"]);
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toMatch(/must not contain a user name or password/);
    expect(inUrl.stderr).not.toContain("secret");
    const half = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes"], { PRESSROOM_SMTP_USER: USER });
    expect(half.code).toBe(2);
    const none = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes"], {});
    expect(none.code).toBe(1); // this server wants a login
    expect(none.stderr).toMatch(/not sent to alice@newsroom\.example: .*530/);
    const wrong = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes"], { PRESSROOM_SMTP_USER: USER, PRESSROOM_SMTP_PASS: "hunter2-wrong" });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout + wrong.stderr + readFileSync(w.log, "utf8")).not.toContain("hunter2-wrong");
    expect(received).toEqual([]);
  });

  it("upgrades with STARTTLS when the server offers it, and verifies its certificate", async () => {
    const w = workspace("alice@newsroom.example\n");
    const untrusted = await pressroom(["send", w.eml, "--to", w.list, "--smtp", secure.url, "--yes"]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(/certificate/i);
    expect(received).toEqual([]);
    const trusted = await pressroom(["send", w.eml, "--to", w.list, "--smtp", secure.url, "--yes"], { ...CREDENTIALS, NODE_EXTRA_CA_CERTS: path.join(FIXTURES, "localhost.crt") });
    expect(trusted.stderr).toBe("");
    expect(trusted.code).toBe(0);
    expect(received.map((d) => [d.to[0], d.secure, d.user])).toEqual([["alice@newsroom.example", true, USER]]);
  });

  it("keeps to --rate: at most N messages a minute", async () => {
    const w = workspace("a@one.example\nb@two.example\nc@three.example\n");
    const r = await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--yes", "--rate", "120/min"]);
    expect(r.code).toBe(0);
    expect(received).toHaveLength(3);
    // Sends start 500 ms apart; the first arrives a little later (connecting, logging in).
    expect(received[2]!.at - received[1]!.at).toBeGreaterThanOrEqual(400);
    expect(received[2]!.at - received[0]!.at).toBeGreaterThanOrEqual(700);
  });

  it("exits 2 on bad usage", async () => {
    const w = workspace("alice@newsroom.example\n");
    expect((await pressroom(["send", w.eml, "--to", w.list])).code).toBe(2); // no --smtp
    expect((await pressroom(["send", w.eml, "--to", w.list, "--smtp", plain.url, "--rate", "0/min"])).code).toBe(2);
    expect((await pressroom(["send", w.eml, "--to", w.list, "--smtp", "http://127.0.0.1:25"])).code).toBe(2);
    const missing = await pressroom(["send", path.join(path.dirname(w.eml), "nope.eml"), "--to", w.list, "--smtp", plain.url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.eml: error: cannot read the file: ENOENT/);
    expect(received).toEqual([]);
  });
});
