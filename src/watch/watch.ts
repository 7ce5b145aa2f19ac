/**
 * `pressroom watch`: the build kept alive. It builds once, serves the
 * contact sheet and a preview page per release on 127.0.0.1, and on every
 * save of a Markdown file, image, layout, font or the configuration it
 * rebuilds what changed (the incremental cache knows what), with warm
 * workers, then tells the open pages to reload, or shows them the errors.
 * An error never stops it: the last good PDFs stay.
 */
import path from "node:path";
import chokidar from "chokidar";
import { build, editionIds, type BuildOptions, type BuildResult } from "../build/build.ts";
import { layoutsDir } from "../build/layouts.ts";
import { CONFIG_FILE, loadConfig } from "../config/config.ts";
import type { Brand } from "../model/brand.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { unitRunner, type UnitRunner } from "../build/pool.ts";
import { hasErrors } from "../model/diagnostic.ts";
import { overlayPayload } from "../sheet/index.ts";
import { compiled, packageRoot } from "../paths.ts";
import { writePreviews } from "./previews.ts";
import { EVENTS_PATH, startServer, type PreviewServer } from "./server.ts";

export type WatchOptions = Omit<BuildOptions, "runner" | "progress"> & {
  port: number;
  /**
   * Read `<configDir>/pressroom.config.json` before the first
   * build and again whenever it is saved: its brand, and its editions and
   * languages where `layouts` and `langs` are not given. A broken
   * configuration builds nothing (the last good outputs stay) and shows its
   * errors like any other.
   */
  configDir?: string;
  /** Milliseconds to wait after a save for more saves (editors write several files at once). */
  debounceMs?: number;
  /** Called after every build: what changed, and how long from the save to the reload. */
  onBuild?: (report: WatchReport) => void;
};

export type WatchReport = { result: BuildResult; trigger: string[]; savedToReloadMs?: number };

export type WatchHandle = {
  url: string;
  /** Resolves when no build is running or waiting. */
  idle(): Promise<void>;
  close(): Promise<void>;
};

/** Changes to these need fresh workers: their code or fonts are loaded once per worker. */
const needsFreshWorkers = (file: string, fontsDir: string) =>
  file.startsWith(layoutsDir + path.sep) || file.startsWith(path.resolve(fontsDir) + path.sep) || file.endsWith(CONFIG_FILE);

type ConfigState = { brand?: Brand; editions?: string[]; languages?: string[]; diagnostics: Diagnostic[] };

async function readConfig(dir: string): Promise<ConfigState> {
  const { config, diagnostics } = await loadConfig(dir);
  return {
    diagnostics,
    ...(config?.brand ? { brand: config.brand } : {}),
    ...(config?.editions ? { editions: config.editions } : {}),
    ...(config?.languages ? { languages: config.languages } : {}),
  };
}

export async function watch(options: WatchOptions): Promise<WatchHandle> {
  const fontsDir = options.fontsDir ?? "fonts";
  const threads = Math.max(1, Math.min(options.jobs ?? 1, 2));
  let runner: UnitRunner = await unitRunner(threads);
  let server: PreviewServer | undefined;
  let running: Promise<void> | undefined;
  let pending: { files: Set<string>; savedAt: number } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  let config: ConfigState = options.configDir !== undefined ? await readConfig(options.configDir) : { diagnostics: [] };

  const rebuild = async (trigger: string[], savedAt?: number) => {
    if (options.configDir !== undefined && trigger.some((f) => f.endsWith(CONFIG_FILE))) config = await readConfig(options.configDir);
    // A broken configuration builds nothing: its errors are shown, the last good outputs stay.
    if (trigger.some((f) => needsFreshWorkers(f, fontsDir))) {
      // A layout or font changed: recompile (when running compiled) and start the workers afresh.
      if (compiled) {
        const compile = (await import(path.join(packageRoot, "scripts", "compile.mjs"))) as { compile(root: string, o?: object): Promise<void> };
        await compile.compile(packageRoot, { logLevel: "silent" }).catch(() => {});
      }
      await runner.close();
      runner = await unitRunner(threads);
    }
    if (hasErrors(config.diagnostics)) {
      const result: BuildResult = { outputs: [], diagnostics: [...config.diagnostics], built: 0, reused: 0, timings: { totalMs: 0, units: [] } };
      server?.send("error", overlayPayload(result.diagnostics), { sticky: true });
      options.onBuild?.({ result, trigger, ...(savedAt !== undefined ? { savedToReloadMs: performance.now() - savedAt } : {}) });
      return;
    }
    const layouts = options.layouts ?? config.editions ?? editionIds();
    const langs = options.langs ?? config.languages;
    const brand = config.brand ?? options.brand;
    const result = await build({ ...options, layouts, ...(langs ? { langs } : {}), ...(brand ? { brand } : {}), runner });
    result.diagnostics.unshift(...config.diagnostics);
    await writePreviews({ contentDir: options.contentDir, outDir: options.outDir, layouts }, result, EVENTS_PATH, trigger.length > 0);
    if (server) {
      // A page that loads while the build is broken gets the errors too (the server repeats the last error).
      if (hasErrors(result.diagnostics)) server.send("error", overlayPayload(result.diagnostics), { sticky: true });
      else server.send("reload", { files: result.outputs.map((o) => o.file) });
    }
    options.onBuild?.({ result, trigger, ...(savedAt !== undefined ? { savedToReloadMs: performance.now() - savedAt } : {}) });
  };

  const schedule = (file: string) => {
    if (closed) return;
    pending ??= { files: new Set(), savedAt: performance.now() };
    pending.files.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(kick, options.debounceMs ?? 60);
  };

  const kick = () => {
    if (running || !pending || closed) return;
    const { files, savedAt } = pending;
    pending = undefined;
    running = rebuild([...files], savedAt)
      .catch((e: unknown) => server?.send("error", { diagnostics: [{ file: "pressroom", severity: "error", message: String(e instanceof Error ? e.message : e) }] }))
      .finally(() => {
        running = undefined;
        if (pending) kick();
      });
  };

  // build once, then serve and watch
  await rebuild([]);
  server = await startServer(path.resolve(options.outDir), options.port);
  const watcher = chokidar.watch([options.contentDir, layoutsDir, fontsDir, path.join(options.configDir ?? ".", CONFIG_FILE)].map((p) => path.resolve(p)), {
    ignoreInitial: true,
    // Editors save through a temporary file: wait until the file stops growing.
    awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 10 },
    ignored: (file: string) => path.basename(file).startsWith(".") || file.endsWith("~"),
  });
  watcher.on("all", (_event, file) => schedule(file));
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    url: server.url,
    idle: async () => {
      while (running || pending) {
        await (running ?? new Promise((r) => setTimeout(r, 20)));
      }
    },
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
      await server?.close();
      await runner.close();
    },
  };
}
