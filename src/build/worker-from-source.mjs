// The worker entry when Pressroom runs from its TypeScript source (tests, or
// no compiled copy): worker threads do not take `--import tsx`, so the
// thread registers tsx itself before it loads the worker.
import { register } from "tsx/esm/api";

register();
const { default: run } = await import("./worker.ts");

export default run;
