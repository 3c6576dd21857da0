// A frontend's first use of the packed TypeScript client (installed from its .tgz beside this
// file) against a mock without limits (the JUnit extension's): submit a Reel, poll it to done, read
// the analysis, then read a 404 twice: as an answer, and through waitForJob (an error, never a
// failed job). REELS_BASE_URL and REELS_TOKEN are required. Prints one JSON line; exit 0 only when done.
import { createReelsClient, ReelsApiError, waitForJob } from "reels-api-client";

const client = createReelsClient({ baseUrl: process.env.REELS_BASE_URL, token: process.env.REELS_TOKEN, limits: false });
const submitted = await client.analyzeReel("https://www.instagram.com/reel/DYa0IXPgnP5/");
if (submitted.data === undefined) {
  console.log(JSON.stringify({ failed: "submit", status: submitted.response.status, body: submitted.error }));
  process.exit(1);
}
const job = await waitForJob(client, submitted.data.id, { firstPollMs: 0, intervalMs: 50, backoff: 1, timeoutMs: 60_000 });
const missing = await client.getReel(999_999_999);
const waited = await waitForJob(client, 999_999_998).catch((e) => e);
console.log(JSON.stringify({
  id: submitted.data.id,
  submitted: submitted.data.status,
  status: job.status,
  summary: job.status === "done" ? job.result.summary : null,
  notFound: { status: missing.response.status, body: missing.error },
  waitedForMissing: {
    isApiError: waited instanceof ReelsApiError,
    status: waited.status,
    jobId: waited.jobId,
    message: waited.message,
  },
}));
process.exit(job.status === "done" ? 0 : 1);
