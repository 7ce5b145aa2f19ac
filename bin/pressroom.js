#!/usr/bin/env node
// Pressroom is written in TypeScript and runs from source through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
