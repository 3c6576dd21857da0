// Four stories on one page, one per state: four mocks pinned to a state, each on its own origin,
// side by side in one MSW setup; and a job's state pinned for one request with `Prefer: state=`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupServer } from "msw/node";
import { createReelsClient } from "reels-api-client";
import { createReelsMock, statuses, type JobStatus } from "reels-api-msw";

const TOKEN = "ist_your_token";
const stories = statuses.map((state) => ({
  state,
  baseUrl: `https://${state}.story.test`,
  mock: createReelsMock({ baseUrl: `https://${state}.story.test`, pin: state, profile: "fast" }),
}));
const server = setupServer(...stories.flatMap((s) => s.mock.handlers));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("one story per state", () => {
  it("shows each story's job in its own state, polled many times, and keeps them apart", async () => {
    expect(statuses).toEqual(["pending", "processing", "done", "error"]);
    const ids = new Map<JobStatus, number>();
    for (const s of stories) {
      const client = createReelsClient({ baseUrl: s.baseUrl, token: TOKEN });
      const { data } = await client.analyzeReel("https://www.instagram.com/reel/DYa0IXPgnP5/");
      expect(data?.status).toBe(s.state === "pending" ? "pending" : s.state);
      ids.set(s.state, data!.id);
    }
    for (let poll = 0; poll < 4; poll++) {
      for (const s of stories) {
        const client = createReelsClient({ baseUrl: s.baseUrl, token: TOKEN });
        const { data } = await client.getReel(ids.get(s.state)!);
        expect(data?.status).toBe(s.state);
        if (data?.status === "done") expect(data.result.summary).toMatch(/^A chef/);
        if (data?.status === "error") expect(data.error).toBe("Reel is private or has been removed");
      }
    }
    // Each story has its own jobs and clock: moving one changes no other.
    stories[0].mock.force(ids.get("pending")!, "done");
    stories[1].mock.advance(600_000);
    const pendingStory = createReelsClient({ baseUrl: stories[0].baseUrl, token: TOKEN });
    expect((await pendingStory.getReel(ids.get("pending")!)).data?.status).toBe("done");
    const processingStory = createReelsClient({ baseUrl: stories[1].baseUrl, token: TOKEN });
    expect((await processingStory.getReel(ids.get("processing")!)).data?.status).toBe("processing");
    expect(stories[2].mock.jobs.list().every((j) => j.status === "done")).toBe(true);
  });

  it("pins a state for one request with Prefer: state=, without moving the job", async () => {
    const mock = createReelsMock({ baseUrl: "https://one.test", profile: "fast", seedJobs: false });
    server.use(...mock.handlers);
    const client = createReelsClient({ baseUrl: "https://one.test", token: TOKEN });
    const { data } = await client.analyzeReel("https://www.instagram.com/reel/ERRORlong1/");
    const shown = await client.fetchClient.GET("/api/v1/reels/{id}", {
      params: { path: { id: data!.id } },
      headers: { Prefer: "state=error" },
    });
    expect(shown.data).toMatchObject({ status: "error", error: "Video is longer than 90 seconds", result: null });
    // Not a poll: the job itself still starts at pending.
    expect((await client.getReel(data!.id)).data?.status).toBe("pending");
    const bad = await client.fetchClient.GET("/api/v1/reels/{id}", {
      params: { path: { id: data!.id } },
      headers: { Prefer: "state=finished" },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toEqual({ message: "Prefer: state must be one of pending, processing, done, error; was 'finished'" });
  });
});
