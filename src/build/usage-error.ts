/**
 * Wrong options (unknown layout id): the CLI's exit code 2. In a module of
 * its own so that the CLI can recognise it without loading the build.
 */
export class UsageError extends Error {}
