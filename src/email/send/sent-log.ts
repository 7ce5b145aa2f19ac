/**
 * `sent.json`, next to the `.eml`: one entry per delivery attempt, with the
 * recipient, the time and the SMTP server's answer. A rerun skips the
 * recipients that already accepted this message (same Message-ID).
 *
 * Rewritten atomically (temporary file, then rename) after every recipient,
 * so an interrupted run loses nothing it has done: at worst the one message
 * that was on the wire when it stopped is sent again on the next run.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeAtomic } from "../../build/write.ts";

export type SentEntry = {
  messageId: string;
  to: string;
  name?: string;
  /** ISO 8601, UTC. */
  time: string;
  /** true: the server accepted the message for this recipient. */
  accepted: boolean;
  /** The server's answer ("250 2.0.0 OK: queued as …") or the error. */
  response: string;
};

export type SentLog = { version: 1; entries: SentEntry[] };

export const sentLogFile = (emlFile: string): string => path.join(path.dirname(emlFile), "sent.json");

/** The log, or an empty one when the file does not exist; throws on a file that is not a sent log. */
export async function readSentLog(file: string): Promise<SentLog> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, entries: [] };
    throw e;
  }
  const data = JSON.parse(text) as Partial<SentLog>;
  if (data.version !== 1 || !Array.isArray(data.entries)) throw new Error("this is not a sent log of pressroom send (version 1)");
  return { version: 1, entries: data.entries };
}

export const sameAddress = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The entry that shows `to` already accepted this message, if any. */
export function acceptedBefore(log: SentLog, messageId: string, to: string): SentEntry | undefined {
  return log.entries.find((e) => e.accepted && e.messageId === messageId && sameAddress(e.to, to));
}

export async function appendSentLog(file: string, log: SentLog, entry: SentEntry): Promise<void> {
  log.entries.push(entry);
  await writeAtomic(file, JSON.stringify(log, null, 2) + "\n");
}
