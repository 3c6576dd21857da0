// A frontend's first use of the packed TypeScript client (installed from its .tgz beside this
// file): submit a Reel, poll it to done, read the analysis, then read a 404's error body.
// REELS_BASE_URL and REELS_TOKEN are required. Prints one JSON line; exit 0 only when done.
import { createReelsClient, waitForJob } from "reels-api-client";

const client = createReelsClient({ baseUrl: process.env.REELS_BASE_URL, token: process.env.REELS_TOKEN });
const submitted = await client.analyzeReel("https://www.instagram.com/reel/DYa0IXPgnP5/");
if (submitted.data === undefined) {
  console.log(JSON.stringify({ failed: "submit", status: submitted.response.status, body: submitted.error }));
  process.exit(1);
}
const job = await waitForJob(client, submitted.data.id, { intervalMs: 50, timeoutMs: 60_000 });
const missing = await client.getReel(999_999_999);
console.log(JSON.stringify({
  id: submitted.data.id,
  submitted: submitted.data.status,
  status: job.status,
  summary: job.status === "done" ? job.result.summary : null,
  notFound: { status: missing.response.status, body: missing.error },
}));
process.exit(job.status === "done" ? 0 : 1);
