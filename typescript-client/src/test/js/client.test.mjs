// The packed client's pacing, retries, errors and cancelling, on virtual time against an in-memory
// API that keeps the documented limits (fake-api.mjs). Measured where the server stands: the
// arrival time of every request.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  createReelsClient,
  ReelsApiError,
  ReelsNetworkError,
  ReelsTimeoutError,
  waitForJob,
} from "reels-api-client";
import { FakeApi, json, shortestGap, VirtualClock } from "./fake-api.mjs";

const REEL = "https://www.instagram.com/reel/DYa0IXPgnP5/";

function setUp(apiOptions = {}, clientOptions = {}) {
  const clock = new VirtualClock();
  const api = new FakeApi(clock, apiOptions);
  const client = createReelsClient({ baseUrl: "http://api.test", token: "ist_unitTest", fetch: api.fetch, clock, ...clientOptions });
  return { clock, api, client };
}

async function submitAndWait(client, options = {}) {
  const { data } = await client.analyzeReel(REEL);
  assert.ok(data, "the submission is accepted");
  return waitForJob(client, data.id, options);
}

test("on its defaults one long job stays within 10 requests a minute and 5 s between polls", async () => {
  const { clock, api, client } = setUp();
  const job = await clock.run(submitAndWait(client));
  assert.equal(job.status, "done");
  assert.ok(api.busiestWindow() <= 10, `busiest minute: ${api.busiestWindow()} requests`);
  const polls = api.polls(100);
  assert.ok(shortestGap(polls) >= 5_000, `shortest gap ${shortestGap(polls)} ms`);
  assert.equal(polls[0], 5_000, "the first poll comes 5 s after the submission");
  // 7 s, then each gap 1.25 times the last, up to 15 s.
  assert.deepEqual(polls, [5_000, 12_000, 20_750, 31_687.5, 45_359.375, 60_359.375]);
  assert.ok(api.arrivals.every((a) => a.status !== 429), "no request refused");
  assert.ok(polls.at(-1) - 53_000 <= 15_000, "done is seen within the longest gap");
});

test("the docs' interval would break the limit; the client's schedule does not, also at 90 s", async () => {
  const { clock, api, client } = setUp({ jobMs: () => 90_000 });
  await clock.run(submitAndWait(client));
  assert.ok(api.busiestWindow() <= 10);
  // The documented 5 s, without the budget: the server counts 12 + 1 in a minute.
  const docs = setUp({ jobMs: () => 90_000 }, { limits: false });
  await docs.clock.run(submitAndWait(docs.client, { firstPollMs: 0, intervalMs: 5_000, backoff: 1 }));
  assert.ok(docs.api.arrivals.some((a) => a.status === 429), "the unpaced 5 s loop is refused");
});

test("three jobs at once share one budget: 10 a minute in all, each job's polls 5 s apart", async () => {
  const { clock, api, client } = setUp({ jobMs: (id) => 40_000 + (id - 100) * 20_000 });
  const jobs = await clock.run(Promise.all([1, 2, 3].map(() => submitAndWait(client))));
  assert.deepEqual(jobs.map((j) => j.status), ["done", "done", "done"]);
  assert.ok(api.busiestWindow(61_000) <= 10, `busiest 61 s: ${api.busiestWindow(61_000)}`);
  for (const id of [100, 101, 102]) assert.ok(shortestGap(api.polls(id)) >= 5_000);
  assert.ok(api.arrivals.every((a) => a.status !== 429));
});

test("a fourth submission waits until one of three unfinished jobs is seen done", async () => {
  const { clock, api, client } = setUp({ jobMs: (id) => (id === 100 ? 20_000 : 100_000) });
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await clock.run(client.analyzeReel(REEL))).data.id);
  const fourth = client.analyzeReel(REEL);
  const first = waitForJob(client, ids[0]);
  await clock.run(Promise.all([fourth, first]));
  const posts = api.arrivals.filter((a) => a.method === "POST");
  const doneSeen = api.arrivals.find((a) => a.method === "GET" && a.jobId === 100 && a.at >= 20_000).at;
  assert.equal(posts.length, 4);
  assert.ok(posts[3].at >= doneSeen, `fourth POST at ${posts[3].at}, job 100 seen done at ${doneSeen}`);
  assert.ok(posts.every((p) => p.status === 202));
});

test("every third poll answered 500 (the FLAKY reel): retried and still done", async () => {
  const { clock, api, client } = setUp({ flaky: true });
  const retries = [];
  const job = await clock.run(submitAndWait(client, { onRetry: (r) => retries.push(r) }));
  assert.equal(job.status, "done");
  assert.ok(retries.length >= 2, `${retries.length} retries`);
  assert.deepEqual(retries[0], { operation: "getReel", jobId: 100, attempt: 1, status: 500, waitMs: 1_000 });
  assert.ok(shortestGap(api.polls(100)) >= 5_000, "a retried poll is still a poll: 5 s apart");
});

test("a transient answer three times in a row is an error naming status, body, job and attempts", async () => {
  const { clock, client } = setUp({
    answer: (req) => (req.method === "GET" ? json(503, { message: "unavailable" }) : undefined),
  });
  const error = await clock.run(submitAndWait(client)).catch((e) => e);
  assert.ok(error instanceof ReelsApiError, String(error));
  assert.equal(error.status, 503);
  assert.deepEqual(error.body, { message: "unavailable" });
  assert.equal(error.jobId, 100);
  assert.equal(error.attempts, 3);
  assert.equal(error.message, "GET /api/v1/reels/100 answered 503 after 3 attempts: unavailable");
});

test("a submission answered 500 is retried after 1 s, then 2 s, and its error answered after 3 attempts", async () => {
  const { clock, api, client } = setUp({
    answer: (req) => (req.method === "POST" ? json(500, { message: "internal server error" }) : undefined),
  });
  const answer = await clock.run(client.analyzeReel(REEL));
  assert.equal(answer.data, undefined);
  assert.equal(answer.response.status, 500);
  assert.equal(answer.attempts, 3);
  assert.deepEqual(api.arrivals.map((a) => a.at), [0, 1_000, 3_000]);
});

test("after a 429 with Retry-After no request of the client goes out before it", async () => {
  let refused = false;
  const { clock, api, client } = setUp({
    answer: (req, at) => {
      if (req.method === "GET" && !refused) {
        refused = true;
        return json(429, { message: "slow down" }, { "Retry-After": "20" });
      }
      return undefined;
    },
  });
  await clock.run(submitAndWait(client));
  const i = api.arrivals.findIndex((a) => a.status === 429);
  assert.equal(api.arrivals[i + 1].at - api.arrivals[i].at, 20_000);
});

test("a 429 on one job's poll holds back the client's other jobs too", async () => {
  let refused = false;
  const { clock, api, client } = setUp(
    {
      answer: (req, at) => {
        if (req.method === "GET" && req.url.endsWith("/100") && at >= 10_000 && !refused) {
          refused = true;
          return json(429, { message: "slow down" }, { "Retry-After": "30" });
        }
        return undefined;
      },
    },
    { retry: { attempts: 1 } }, // job 100 fails at its 429: nothing of its own waits behind it
  );
  const [first, second] = await clock.run(
    Promise.allSettled([submitAndWait(client), submitAndWait(client)]),
  );
  assert.equal(first.reason.status, 429);
  assert.equal(second.value.status, "done");
  const refusal = api.arrivals.find((a) => a.status === 429);
  const later = api.arrivals.filter((a) => a.at > refusal.at);
  assert.ok(later.length > 0 && later.every((a) => a.jobId === 101), "job 101 was polled after the 429");
  assert.ok(later.every((a) => a.at >= refusal.at + 30_000), "and not within its 30 s");
});

test("a 404 ({message, status: error}) is an API error, never a failed job", async () => {
  const { clock, client } = setUp();
  const error = await clock.run(waitForJob(client, 4242)).catch((e) => e);
  assert.ok(error instanceof ReelsApiError);
  assert.equal(error.status, 404);
  assert.deepEqual(error.body, { message: "not found", status: "error" });
  assert.equal(error.jobId, 4242);
  assert.equal(error.attempts, 1);
});

test("a job that never ends: a timeout error, and no poll later than 120 s after the submission", async () => {
  const { clock, api, client } = setUp({ jobMs: () => 1e9 });
  const error = await clock.run(submitAndWait(client)).catch((e) => e);
  assert.ok(error instanceof ReelsTimeoutError, String(error));
  assert.equal(error.lastStatus, "pending");
  assert.equal(error.message, "job 100 not finished within 120000 ms (last status: pending)");
  assert.equal(Math.max(...api.polls(100)), 119_000, "the last poll 1 s (the margin) before the bound");
  assert.equal(clock.now(), 119_000, "and the error at once after it");
});

test("a retry the deadline would make late is not sent: a timeout instead", async () => {
  const { clock, api, client } = setUp(
    { jobMs: () => 1e9, answer: (req, at) => (req.method === "GET" && at >= 100_000 ? json(503, {}) : undefined) },
    { retry: { attempts: 10 } },
  );
  const error = await clock.run(submitAndWait(client)).catch((e) => e);
  assert.ok(error instanceof ReelsTimeoutError, String(error));
  assert.ok(api.polls(100).filter((t) => t >= 100_000).length >= 2, "retried after 100 s");
  assert.ok(Math.max(...api.polls(100)) <= 120_000, `last poll at ${Math.max(...api.polls(100))}`);
});

test("a job that ends after 110 s is still seen done, by a last poll at the bound", async () => {
  const { clock, api, client } = setUp({ jobMs: () => 112_000 });
  const job = await clock.run(submitAndWait(client));
  assert.equal(job.status, "done");
  assert.equal(Math.max(...api.polls(100)), 119_000);
});

test("onStatus sees each status once, in order", async () => {
  const { clock, client } = setUp();
  const seen = [];
  await clock.run(submitAndWait(client, { onStatus: (j) => seen.push(j.status) }));
  assert.deepEqual(seen, ["pending", "processing", "done"]);
});

test("an abort stops waiting at once, and no request goes out after it", async () => {
  const { clock, api, client } = setUp();
  const stop = new AbortController();
  clock.at(30_000, () => stop.abort(new Error("user left the page")));
  const error = await clock.run(submitAndWait(client, { signal: stop.signal })).catch((e) => e);
  assert.equal(error.message, "user left the page");
  assert.equal(clock.now(), 30_000);
  assert.ok(api.arrivals.every((a) => a.at < 30_000));
});

test("no answer: a poll is retried, a submission is not (the job may exist)", async () => {
  let fails = 1;
  const { clock, api, client } = setUp({
    answer: (req) => {
      if (fails > 0 && req.method === "GET") {
        fails--;
        throw new TypeError("fetch failed");
      }
      return undefined;
    },
  });
  assert.equal((await clock.run(submitAndWait(client))).status, "done");
  const down = setUp({
    answer: () => {
      throw new TypeError("fetch failed");
    },
  });
  const error = await down.clock.run(down.client.analyzeReel(REEL)).catch((e) => e);
  assert.ok(error instanceof ReelsNetworkError);
  assert.equal(error.message, "POST /api/v1/reels/analyze got no answer after 1 attempt: fetch failed");
  assert.equal(down.api.arrivals.length, 1);
  assert.ok(api.polls(100).length >= 2);
});

test("fetchClient's requests wait in the same budget", async () => {
  const { clock, api, client } = setUp({ jobMs: () => 1e9 });
  const { data } = await clock.run(client.analyzeReel(REEL));
  const read = () => client.fetchClient.GET("/api/v1/reels/{id}", { params: { path: { id: data.id } } });
  await clock.run(Promise.all([read(), read(), read()]));
  assert.ok(shortestGap(api.polls(data.id)) >= 5_000);
});

test("limits: false sends as asked (for a mock without limits)", async () => {
  const { clock, api, client } = setUp({ rateLimit: 1000, jobMs: () => 1_000 }, { limits: false });
  await clock.run(submitAndWait(client, { firstPollMs: 0, intervalMs: 100, backoff: 1 }));
  assert.equal(shortestGap(api.polls(100)), 100);
});
