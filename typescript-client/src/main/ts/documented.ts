// The documented numbers the client keeps to (FACTS: overview, result and errors pages).
export const DOCUMENTED = {
  requestsPerWindow: 10,
  windowMs: 60_000,
  unfinishedJobs: 3,
  pollIntervalMs: 5_000,
  giveUpMs: 120_000,
  retryStatuses: [429, 500, 502, 503],
  retryAttempts: 3,
  retryDelaysMs: [1_000, 2_000],
} as const;
