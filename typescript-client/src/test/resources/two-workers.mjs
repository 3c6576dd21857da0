// Two parallel test workers against one mock, each with a tenant of its own (docs/frontend.md,
// "Parallel tests"): worker A moves its clock 90 s and finishes its job; worker B's job, on the
// same mock, does not move; B then holds its new jobs in `processing` and releases them.
// REELS_BASE_URL is required; the mock runs the `realistic` profile on a frozen clock.
import { createTestTenant } from "reels-api-client/testing";

const baseUrl = process.env.REELS_BASE_URL;
const reel = "https://www.instagram.com/reel/DYa0IXPgnP5/";
const statusOf = async (tenant, id) => (await tenant.client.getReel(id)).data?.status;

// Each worker (a Playwright worker, a vitest pool thread) creates its tenant once.
const [a, b] = await Promise.all([
  createTestTenant({ baseUrl, name: "worker-a" }),
  createTestTenant({ baseUrl, name: "worker-b" }),
]);

const jobA = (await a.client.analyzeReel(reel)).data.id;
const jobB = (await b.client.analyzeReel(reel)).data.id;
await a.advanceClock(90); // only worker A's jobs move on
const afterA = { a: await statusOf(a, jobA), b: await statusOf(b, jobB) };

await b.pinNewJobs("processing"); // every new job of B is held in processing
const held = (await b.client.analyzeReel(reel)).data;
const heldPolled = await statusOf(b, held.id);
await b.advanceClock(600);
const heldLater = await statusOf(b, held.id);
const released = await b.releaseAll();
await b.advanceClock(90);
const afterRelease = await statusOf(b, held.id);

await Promise.all([a.close(), b.close()]);
const gone = (await a.client.getReel(jobA)).response.status;
console.log(JSON.stringify({
  tenants: [a.name, b.name],
  tokensDiffer: a.token !== b.token,
  afterA,
  held: { submitted: held.status, polled: heldPolled, after600s: heldLater, released, afterRelease },
  gone,
}));
