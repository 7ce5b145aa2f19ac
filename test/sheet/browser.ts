/**
 * Browser helpers for the sheet tests: headless Chromium from
 * @sparticuz/chromium (inside the npm package, no apt packages), axe-core,
 * and a tiny static HTTP server on 127.0.0.1 with a Server-Sent Events
 * endpoint (`/__events`) that stands in for `pressroom watch`.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import chromium from "@sparticuz/chromium";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import sharp from "sharp";
import { serverSentEvent } from "../../src/sheet/index.ts";

export function launchBrowser(): Promise<Browser> {
  return chromium.executablePath().then((executablePath) => puppeteer.launch({ args: chromium.args, executablePath, headless: true }));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page as it is now, one line each ("rule: help — targets"); [] when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".png": "image/png", ".pdf": "application/pdf" };

export type TestServer = {
  url: string;
  /** Sends an event to every page connected to `/__events`. */
  send(event: "reload" | "error", data?: string): void;
  /** Pages connected to `/__events` now. */
  clients(): number;
  close(): Promise<void>;
};

/** Serves `root` (a folder's `index.html` for the folder) and `/__events`. */
export async function serveFolder(root: string): Promise<TestServer> {
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/__events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = path.join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": body.length });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    send: (event, data) => streams.forEach((res) => res.write(serverSentEvent(event, data))),
    clients: () => streams.size,
    close: () => {
      streams.forEach((res) => res.end());
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A screenshot as a palette PNG (about half the bytes of Chromium's own, for docs/). */
export async function saveScreenshot(page: Page, file: string, fullPage = false): Promise<void> {
  const png = await page.screenshot({ fullPage, type: "png" });
  await sharp(png).png({ palette: true, compressionLevel: 9, effort: 10 }).toFile(file);
}

/** Polls `condition` every 20 ms until it holds, or fails after `ms`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
