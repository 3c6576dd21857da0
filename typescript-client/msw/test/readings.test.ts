// Every legal reading, met through the typed client: 96 reel codes ROTATE0..ROTATE95 walk through
// every combination, and each job is read to done and used through the client's types.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupServer } from "msw/node";
import { createReelsClient, waitForJob, type ReelAnalysis } from "reels-api-client";
import { createReelsMock, DIMENSIONS, LARGE_ID_OFFSET, READING_COUNT, specData } from "reels-api-msw";

/** The text of the spec's 404 example (the errors page's: "not found"). */
const NOT_FOUND = (specData.examples.NotFoundError as { message?: string; error?: string }).message ?? "";

const mock = createReelsMock({ profile: "fast", readings: "rotate" });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

/** What a frontend does with the fields whose form the docs leave open. */
function hooksOf(a: ReelAnalysis): string[] {
  return typeof a.content.hooks === "string" ? [a.content.hooks] : a.content.hooks;
}
function momentsOf(a: ReelAnalysis): { at: string; what: string }[] {
  return a.content.key_moments.map((m) =>
    typeof m === "string"
      ? { at: m.split(" ")[0], what: m.slice(m.indexOf(" ") + 1) }
      : { at: String(m.timestamp), what: m.description ?? "" },
  );
}

describe("readings: rotate", () => {
  it(`serves all ${READING_COUNT} combinations, and the typed client reads each`, async () => {
    const client = createReelsClient({ baseUrl: "http://127.0.0.1:8089", token: "ist_your_token", limits: false });
    const met = new Map<string, Set<string>>(DIMENSIONS.map(([name]) => [name, new Set<string>()]));
    for (let n = 0; n < READING_COUNT; n++) {
      const url = `https://www.instagram.com/reel/ROTATE${n}/`;
      const submitted = await client.analyzeReel(url);
      expect(submitted.response.headers.get("X-Reels-Reading")).toMatch(new RegExp(`^reading ${n} of ${READING_COUNT}: `));
      const id = submitted.data!.id;
      const job = await waitForJob(client, id, { firstPollMs: 0, intervalMs: 0, timeoutMs: 5_000 });
      expect(job.id).toBe(id); // a large id survives JSON.parse and is polled as sent
      expect(job.url).toBe(url);
      expect(Number.isNaN(Date.parse(job.created_at))).toBe(false);
      if (job.status !== "done") throw new Error(`job ${id} ended ${job.status}`);
      expect(hooksOf(job.result)).toEqual(["Ten minutes, one pan."]);
      expect(momentsOf(job.result)[1]).toEqual({ at: "0:04", what: "Shrimp go into the pan" });

      met.get("hooks")!.add(typeof job.result.content.hooks === "string" ? "string" : "array");
      met.get("key_moments")!.add(typeof job.result.content.key_moments[0] === "string" ? "strings" : "objects");
      met.get("platform_meta")!.add(job.result.platform_meta === null ? "null" : "object");
      met.get("extra_fields")!.add("source" in job ? "present" : "none");
      met.get("created_at")!.add(job.created_at.endsWith("Z") ? "utc" : /[+-]\d\d:\d\d$/.test(job.created_at) ? "offset" : "local");
      met.get("id")!.add(id > LARGE_ID_OFFSET ? "large" : "plain");
    }
    for (const [name, forms] of DIMENSIONS) expect([...met.get(name)!].sort()).toEqual([...forms].sort());
  });

  it("sends error bodies in the errors page's form or the overview's, and the typed client reads both", async () => {
    const client = createReelsClient({ baseUrl: "http://127.0.0.1:8089", token: "ist_your_token", limits: false });
    const forms = new Map<string, unknown>();
    for (const id of [987654320, 987654321]) {
      const { error, response } = await client.getReel(id);
      expect(response.status).toBe(404);
      const text = error && ("message" in error && error.message ? error.message : error.error); // ApiError: either field
      expect(text).toBe(NOT_FOUND);
      forms.set(response.headers.get("X-Reels-Reading")!, error);
    }
    expect(forms.get("error body: errors-page")).toEqual({ message: NOT_FOUND, status: "error" });
    expect(forms.get("error body: overview")).toEqual({ error: NOT_FOUND });
    // A Prefer: code= answer is the spec's example asked for, never rewritten.
    const forced = await client.fetchClient.GET("/api/v1/reels/{id}", { params: { path: { id: 987654320 } }, headers: { Prefer: "code=404" } });
    expect(forced.error).toEqual(specData.examples.NotFoundError);
  });

  it("answers a large-id job only under its large id", async () => {
    const client = createReelsClient({ baseUrl: "http://127.0.0.1:8089", token: "ist_your_token", limits: false });
    const { data } = await client.analyzeReel("https://www.instagram.com/reel/ROTATE48/");
    expect(data!.id).toBeGreaterThan(2 ** 32);
    expect(Number.isSafeInteger(data!.id)).toBe(true);
    expect((await client.getReel(data!.id - LARGE_ID_OFFSET)).response.status).toBe(404);
  });
});
