/**
 * The date written into a PDF: SOURCE_DATE_EPOCH when set (reproducible
 * builds), else the release's own date. Never the clock, so the same input
 * gives the same bytes.
 */
export function documentDate(releaseDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${releaseDate}T00:00:00Z`);
}
