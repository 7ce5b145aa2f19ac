/**
 * Placeholder for the piscina worker (issue 8): it exists so that the
 * compiled start has its `dist/worker.js` entry point. The worker pool
 * replaces this file.
 */
export default async function run(): Promise<void> {}
