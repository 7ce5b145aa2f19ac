/**
 * `pressroom send <file.eml> --to <list> --smtp <url>`: the built message to
 * every address of a list, one message per recipient.
 *
 * Order of work, so that nothing goes out unless everything is right:
 * 1. the SMTP URL and the credential variables (bad: exit 2, bad usage);
 * 2. the message and the whole recipients list (any error: exit 1, nothing sent);
 * 3. the sent log: recipients that already accepted this Message-ID are skipped (unless --resend);
 * 4. without --yes: print who would get what, send nothing (exit 0);
 * 5. with --yes: one message per recipient, at most `rate` a minute; a failure is
 *    reported and the others still go out; the log is written after each one.
 * Exit code: 0 when every recipient accepted, 1 when one failed.
 */
import { readFile } from "node:fs/promises";
import { UsageError } from "../../build/usage-error.ts";
import { formatDiagnostic, hasErrors } from "../../model/diagnostic.ts";
import { isPlaceholder } from "../sender.ts";
import { parseMessage, type ParsedMessage } from "./message.ts";
import { parseRecipients } from "./recipients.ts";
import { acceptedBefore, appendSentLog, readSentLog, sentLogFile, type SentLog } from "./sent-log.ts";
import { credentialsFromEnv, parseSmtpUrl, smtpMailer } from "./smtp.ts";

export type SendOptions = {
  eml: string;
  to: string;
  smtp: string;
  /** Really send; without it, a dry run. */
  yes?: boolean;
  /** Messages a minute. */
  rate: number;
  /** Send again to recipients that already accepted this message. */
  resend?: boolean;
};

export const DEFAULT_RATE = 30;

export type SendIO = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const named = (r: { name?: string; address: string }) => (r.name ? `${r.name} <${r.address}>` : r.address);

async function readMessage(file: string, io: SendIO): Promise<ParsedMessage | undefined> {
  try {
    return parseMessage(await readFile(file));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.err(`${file}: error: ${err.code ? `cannot read the file: ${err.code}` : err.message}`);
    return undefined;
  }
}

export async function send(options: SendOptions, io: SendIO): Promise<number> {
  // 1. Usage: the server and the credentials (their values are never printed).
  const server = parseSmtpUrl(options.smtp);
  if ("problem" in server) throw new UsageError(server.problem);
  const credentials = credentialsFromEnv(io.env);
  if (credentials && "problem" in credentials) throw new UsageError(credentials.problem);

  // 2. The message and the list, checked whole before anything goes out.
  const message = await readMessage(options.eml, io);
  if (!message) return 1;
  if (isPlaceholder(message.from.address)) {
    io.err(`${options.eml}: error: the message has no sender address (From: ${message.from.address})`);
    io.err("  hint: add contact: email: … to the release's front matter and build again");
    return 1;
  }
  let listText: string;
  try {
    listText = await readFile(options.to, "utf8");
  } catch (e) {
    io.err(`${options.to}: error: cannot read the recipients list: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return 1;
  }
  const list = parseRecipients(options.to, listText);
  for (const d of list.diagnostics) io.err(formatDiagnostic(d));
  if (hasErrors(list.diagnostics)) {
    io.err(`nothing sent: fix the recipients list first (${plural(list.diagnostics.filter((d) => d.severity === "error").length, "error")})`);
    return 1;
  }

  // 3. Who already has this message.
  const logFile = sentLogFile(options.eml);
  let log: SentLog;
  try {
    log = await readSentLog(logFile);
  } catch (e) {
    io.err(`${logFile}: error: cannot read the sent log: ${(e as Error).message}`);
    return 1;
  }
  const done = options.resend ? [] : list.recipients.filter((r) => acceptedBefore(log, message.messageId, r.address));
  const todo = list.recipients.filter((r) => !done.includes(r));

  io.out(`${options.eml}: "${message.subject}"`);
  io.out(`  from ${named(message.from)}, Message-ID ${message.messageId}`);
  io.out(`  attached: ${message.attachments.length ? message.attachments.join(", ") : "nothing"}`);
  io.out(`${plural(list.recipients.length, "recipient")} in ${options.to}: ${todo.length} to send, ${done.length} already sent${done.length ? " (skipped; --resend sends again)" : ""}`);

  // 4. Dry run.
  if (!options.yes) {
    for (const r of todo) io.out(`  would send to ${named(r)}`);
    io.out(`dry run: nothing sent. Add --yes to send ${plural(todo.length, "message")} through ${server.url}, at most ${options.rate} a minute.`);
    return 0;
  }
  if (todo.length === 0) {
    io.out("nothing to send: every recipient already has this message (--resend sends again)");
    return 0;
  }

  // 5. Send, one recipient at a time, at most `rate` a minute.
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const interval = 60_000 / options.rate;
  const mailer = smtpMailer(server, credentials);
  let failed = 0;
  let next = 0;
  try {
    for (const r of todo) {
      const wait = next - Date.now();
      if (wait > 0) await sleep(wait);
      next = Date.now() + interval;
      const result = await mailer.deliver(message.forRecipient(r), message.from.address, r);
      if (result.accepted) io.out(`sent to ${named(r)}: ${result.response}`);
      else {
        failed++;
        io.err(formatDiagnostic({ severity: "error", file: options.to, line: r.line, column: r.column, message: `not sent to ${r.address}: ${result.response}` }));
      }
      await appendSentLog(logFile, log, {
        messageId: message.messageId, to: r.address, ...(r.name ? { name: r.name } : {}),
        time: new Date().toISOString(), accepted: result.accepted, response: result.response,
      });
    }
  } finally {
    mailer.close();
  }
  io.out(`${todo.length - failed} sent, ${failed} failed, ${done.length} skipped; log: ${logFile}`);
  return failed ? 1 : 0;
}
