/** `pressroom watch [contentDir]`: build, serve a live preview on 127.0.0.1, rebuild on every save. */
import { existsSync } from "node:fs";
import path from "node:path";
import { formatDiagnostic } from "../../model/diagnostic.ts";
import { packageRoot } from "../../paths.ts";
import { positiveInteger, splitList, type RegisterCommand } from "../shared.ts";

/** The preview's port when none is given. */
export const DEFAULT_PORT = 4410;

type WatchFlags = { out?: string; port: number; layout?: string[]; lang?: string[] };

export const registerWatch: RegisterCommand = (program, exit) => {
  program
    .command("watch")
    .description("build, then serve a live preview on 127.0.0.1 and rebuild what changed on every save")
    .argument("[contentDir]", 'folder of releases (default: pressroom.config.json\'s "content", else content)')
    .option("-o, --out <dir>", 'output folder (default: pressroom.config.json\'s "out", else out)')
    .option("-p, --port <n>", `port on 127.0.0.1 (default ${DEFAULT_PORT})`, positiveInteger, DEFAULT_PORT)
    .option("-l, --layout <ids>", 'comma-separated editions: layout ids and email (default: pressroom.config.json\'s "editions", else all)', splitList)
    .option("--lang <tags>", 'comma-separated language tags (default: pressroom.config.json\'s "languages", else all)', splitList)
    .action(async (contentArg: string | undefined, opts: WatchFlags) => {
      const { watch } = await import("../../watch/watch.ts");
      const { loadConfig } = await import("../../config/config.ts");
      // The folders come from the configuration at start; its brand, editions and languages are read again on every save.
      const { config } = await loadConfig();
      let first = true;
      const handle = await watch({
        contentDir: contentArg ?? config?.content ?? "content",
        outDir: opts.out ?? config?.out ?? "out",
        port: opts.port,
        jobs: 2,
        configDir: process.cwd(),
        // A project folder without its own fonts/manifest.json uses Pressroom's fonts.
        ...(existsSync(path.join("fonts", "manifest.json")) ? {} : { fontsDir: path.join(packageRoot, "fonts") }),
        ...(opts.layout ? { layouts: opts.layout } : {}),
        ...(opts.lang ? { langs: opts.lang } : {}),
        onBuild: ({ result, savedToReloadMs }) => {
          for (const d of result.diagnostics) console.error(formatDiagnostic(d));
          const errors = result.diagnostics.filter((d) => d.severity === "error").length;
          const when = savedToReloadMs === undefined ? "" : ` in ${Math.round(savedToReloadMs)} ms`;
          console.log(`${first ? "built" : "rebuilt"}: ${result.built} written, ${result.reused} up to date, ${errors} error${errors === 1 ? "" : "s"}${when}`);
          first = false;
        },
      });
      console.log(`previewing on ${handle.url} (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          handle.close().then(resolve, resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      console.log("stopped");
      exit.code = 0;
    });
};
