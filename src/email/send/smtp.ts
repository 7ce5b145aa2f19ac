/**
 * The SMTP side of `pressroom send`, through nodemailer.
 *
 * - `smtp://host[:port]` (default port 587, the submission port) upgrades
 *   with STARTTLS whenever the server offers it; `smtps://host[:port]`
 *   (default 465) is TLS from the first byte. Certificates are verified.
 * - Credentials come only from PRESSROOM_SMTP_USER and PRESSROOM_SMTP_PASS,
 *   never from a file or an argument: a URL with a user name or password in
 *   it is refused (it would end up in shell history and process lists).
 *   They are never printed. With credentials, a server that is not on this
 *   machine must offer STARTTLS (`requireTLS`): no password in clear text
 *   over a network.
 * - One connection, reused for every message (a pool of one).
 */
import nodemailer from "nodemailer";
import type { Recipient } from "./recipients.ts";
import { asciiAddress } from "./message.ts";

export type SmtpServer = { host: string; port: number; secure: boolean; url: string };
export type SmtpCredentials = { user: string; pass: string };

/** The server of an `smtp://` or `smtps://` URL, or the reason it is refused. */
export function parseSmtpUrl(value: string): SmtpServer | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `--smtp ${JSON.stringify(value)} is not a URL; give smtp://host[:port] or smtps://host[:port]` };
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    return { problem: `--smtp must be an smtp:// or smtps:// URL, not ${url.protocol}//` };
  }
  if (url.username || url.password) {
    return { problem: "--smtp must not contain a user name or password; set PRESSROOM_SMTP_USER and PRESSROOM_SMTP_PASS in the environment instead" };
  }
  if (!url.hostname) return { problem: "--smtp has no host name" };
  if ((url.pathname && url.pathname !== "/") || url.search || url.hash) {
    return { problem: "--smtp takes only a scheme, a host and a port: smtp://host[:port]" };
  }
  const secure = url.protocol === "smtps:";
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  // Shown in messages: never anything but scheme, host and port.
  return { host, port, secure, url: `${url.protocol}//${url.host}` };
}

/** Credentials from the environment: both variables, or neither; otherwise the reason. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): SmtpCredentials | undefined | { problem: string } {
  const user = env.PRESSROOM_SMTP_USER;
  const pass = env.PRESSROOM_SMTP_PASS;
  if (!user && !pass) return undefined;
  if (!user || !pass) {
    return { problem: `${user ? "PRESSROOM_SMTP_PASS" : "PRESSROOM_SMTP_USER"} is not set: set both PRESSROOM_SMTP_USER and PRESSROOM_SMTP_PASS, or neither` };
  }
  return { user, pass };
}

const isLoopback = (host: string): boolean => host === "localhost" || /^127\./.test(host) || host === "::1";

export type DeliveryResult = { accepted: boolean; response: string };

export type Mailer = {
  deliver(raw: Buffer, from: string, to: Recipient): Promise<DeliveryResult>;
  close(): void;
};

export function smtpMailer(server: SmtpServer, credentials: SmtpCredentials | undefined): Mailer {
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    host: server.host,
    port: server.port,
    secure: server.secure,
    ...(credentials ? { auth: { user: credentials.user, pass: credentials.pass } } : {}),
    // STARTTLS when offered (nodemailer's default); required for a password sent over the network.
    requireTLS: !!credentials && !server.secure && !isLoopback(server.host),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  });
  return {
    async deliver(raw, from, to) {
      try {
        // `raw`: the message goes out as it is; the envelope names this one recipient only.
        const info = await transport.sendMail({ envelope: { from: asciiAddress(from), to: [asciiAddress(to.address)] }, raw });
        const accepted = info.accepted.length > 0 && info.rejected.length === 0;
        return { accepted, response: info.response ?? "" };
      } catch (e) {
        const err = e as Error & { response?: string; code?: string };
        return { accepted: false, response: err.response ?? `${err.code ? `${err.code}: ` : ""}${err.message}` };
      }
    },
    close() {
      transport.close();
    },
  };
}
