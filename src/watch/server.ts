/**
 * The preview server of `pressroom watch`: the output folder as static
 * files, on 127.0.0.1 only, and an event stream (server-sent events) that
 * tells open pages to reload or to show the build's errors.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";

/** Where pages listen for reloads. */
export const EVENTS_PATH = "/__pressroom/events";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
  ".eml": "message/rfc822",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

export type PreviewServer = {
  url: string;
  port: number;
  /** Sends an event to every open page; a `sticky` one also to pages that connect later, until the next event. */
  send(event: "reload" | "error", data: unknown, options?: { sticky?: boolean }): void;
  close(): Promise<void>;
};

/** Starts the server on 127.0.0.1:`port` (0: any free port). */
export async function startServer(root: string, port: number): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let sticky: string | undefined;
  const server: Server = createServer((req, res) => {
    if (req.url?.split("?")[0] === EVENTS_PATH) {
      openStream(req, res, clients);
      if (sticky) res.write(sticky);
      return;
    }
    serveFile(root, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  // Browsers reconnect to an event stream on their own; a comment every 15 s keeps proxies from closing it.
  const keepAlive = setInterval(() => { for (const c of clients) c.write(": keep-alive\n\n"); }, 15_000);
  keepAlive.unref();
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    send(event, data, options) {
      const payload = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      sticky = options?.sticky ? payload : undefined;
      for (const c of clients) c.write(payload);
    },
    close: () => new Promise((resolve) => {
      clearInterval(keepAlive);
      for (const c of clients) c.end();
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

function openStream(req: IncomingMessage, res: ServerResponse, clients: Set<ServerResponse>): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
  res.write("retry: 500\n\n");
  clients.add(res);
  req.on("close", () => clients.delete(res));
}

async function serveFile(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  let name: string;
  try {
    name = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  // Nothing outside the output folder is served.
  const file = path.join(root, path.normalize(name).replace(/^([/\\]|\.\.[/\\])+/, ""));
  if (path.relative(root, file).startsWith("..")) {
    res.writeHead(403).end();
    return;
  }
  let target = file;
  let info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) {
    target = path.join(target, "index.html");
    info = await stat(target).catch(() => undefined);
  }
  if (!info?.isFile()) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[path.extname(target).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    // Pages and PDFs change on every save.
    "cache-control": "no-store",
  });
  if (req.method === "HEAD") return void res.end();
  createReadStream(target).pipe(res);
}
