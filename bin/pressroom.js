#!/usr/bin/env node
// Pressroom is written in TypeScript and runs from source through tsx.
// React's development build keeps debug data for every element: a build tool runs the production build.
process.env.NODE_ENV ??= "production";
const { register } = await import("tsx/esm/api");

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
