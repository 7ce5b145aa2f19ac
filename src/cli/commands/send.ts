/** `pressroom send <file.eml> --to <list> --smtp <url>`: the press e-mail to a list, one message per recipient. */
import { InvalidArgumentError } from "commander";
import type { RegisterCommand } from "../shared.ts";

/** `--rate 30/min` (or `30`): messages a minute. */
function rateOption(value: string): number {
  const m = /^\s*(\d+)\s*(?:\/\s*min)?\s*$/.exec(value);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give messages a minute, e.g. "30/min"');
  return n;
}

type SendFlags = { to: string; smtp: string; yes?: boolean; rate?: number; resend?: boolean };

export const registerSend: RegisterCommand = (program, exit) => {
  program
    .command("send")
    .description("send a built release.eml to a list of recipients, one message each (a dry run unless --yes)")
    .argument("<file.eml>", "the message, e.g. out/<slug>/<lang>/release.eml")
    .requiredOption("--to <list>", "recipients: a text file (one address per line, Name <address> allowed, # comments) or a .csv file with an email column (and name)")
    .requiredOption("--smtp <url>", "smtp://host[:port] (STARTTLS when offered; port 587) or smtps://host[:port] (port 465); credentials from PRESSROOM_SMTP_USER and PRESSROOM_SMTP_PASS only")
    .option("--yes", "really send (without it, print who would get what and send nothing)")
    .option("--rate <N/min>", "at most N messages a minute (default 30/min)", rateOption)
    .option("--resend", "send again to recipients that sent.json lists as having accepted this message")
    .addHelpText("after", "\nEvery recipient gets their own copy with only their address in To:. The whole list is checked\nbefore anything is sent. Each delivery is logged in sent.json next to the .eml; a rerun skips\nrecipients that already accepted the same Message-ID.\nExit codes: 0 every recipient accepted (or dry run), 1 a recipient failed or bad input, 2 bad usage.")
    .action(async (eml: string, opts: SendFlags) => {
      const { send, DEFAULT_RATE } = await import("../../email/send/send.ts");
      exit.code = await send(
        { eml, to: opts.to, smtp: opts.smtp, yes: !!opts.yes, rate: opts.rate ?? DEFAULT_RATE, resend: !!opts.resend },
        { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env },
      );
    });
};
