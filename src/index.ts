/** Pressroom's public surface: build, check, the types and defineLayout. */
export { build, UsageError, type BuildOptions, type BuildResult } from "./build/build.ts";
export { checkFiles as check } from "./build/check-files.ts";
export { defineLayout, mm, paper, type Layout, type OutputProfile, type PageSpec } from "./compose/define-layout.ts";
export * from "./compose/components.tsx";
export { Body, type BlockStyles } from "./compose/blocks.tsx";
export type { Diagnostic } from "./model/diagnostic.ts";
export type { Release, Block, Inline } from "./model/release.ts";
export type { PreparedRelease } from "./model/prepared.ts";
