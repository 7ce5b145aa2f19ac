/** `pressroom watch [contentDir]`: build, serve a live preview on 127.0.0.1, rebuild on every save. */
import { formatDiagnostic } from "../../model/diagnostic.ts";
import { positiveInteger, splitList, type RegisterCommand } from "../shared.ts";

/** The preview's port when none is given. */
export const DEFAULT_PORT = 4410;

type WatchFlags = { out: string; port: number; layout?: string[]; lang?: string[] };

export const registerWatch: RegisterCommand = (program, exit) => {
  program
    .command("watch")
    .description("build, then serve a live preview on 127.0.0.1 and rebuild what changed on every save")
    .argument("[contentDir]", "folder of releases", "content")
    .option("-o, --out <dir>", "output folder", "out")
    .option("-p, --port <n>", `port on 127.0.0.1 (default ${DEFAULT_PORT})`, positiveInteger, DEFAULT_PORT)
    .option("-l, --layout <ids>", "comma-separated layout ids (default: every layout)", splitList)
    .option("--lang <tags>", "comma-separated language tags (default: all)", splitList)
    .action(async (contentDir: string, opts: WatchFlags) => {
      const { watch } = await import("../../watch/watch.ts");
      let first = true;
      const handle = await watch({
        contentDir,
        outDir: opts.out,
        port: opts.port,
        jobs: 2,
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
