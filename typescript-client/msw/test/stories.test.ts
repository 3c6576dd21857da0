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
      const client = createReelsClient({ baseUrl: s.baseUrl, token: TOKEN, limits: false });
      const { data } = await client.analyzeReel("https://www.instagram.com/reel/DYa0IXPgnP5/");
      expect(data?.status).toBe("pending"); // as the docs say of every new job; the pin shows on polls
      ids.set(s.state, data!.id);
    }
    for (let poll = 0; poll < 4; poll++) {
      for (const s of stories) {
        const client = createReelsClient({ baseUrl: s.baseUrl, token: TOKEN, limits: false });
        const { data } = await client.getReel(ids.get(s.state)!);
        expect(data?.status).toBe(s.state);
        if (data?.status === "done") expect(data.result.summary).toMatch(/^A chef/);
        if (data?.status === "error") expect(data.error).toBe("Video is not available"); // the errors page's text
      }
    }
    // Each story has its own jobs and clock: moving one changes no other.
    stories[0].mock.force(ids.get("pending")!, "done");
    stories[1].mock.advance(600_000);
    const pendingStory = createReelsClient({ baseUrl: stories[0].baseUrl, token: TOKEN, limits: false });
    expect((await pendingStory.getReel(ids.get("pending")!)).data?.status).toBe("done");
    const processingStory = createReelsClient({ baseUrl: stories[1].baseUrl, token: TOKEN, limits: false });
    expect((await processingStory.getReel(ids.get("processing")!)).data?.status).toBe("processing");
    expect(stories[2].mock.jobs.list().every((j) => j.status === "done")).toBe(true);
  });

  it("pins one job with Prefer: state= on its POST, as the JVM mock's header does", async () => {
    const mock = createReelsMock({ baseUrl: "https://one.test", profile: "fast", seedJobs: false });
    server.use(...mock.handlers);
    const client = createReelsClient({ baseUrl: "https://one.test", token: TOKEN, limits: false });
    const submit = (prefer: string) =>
      client.fetchClient.POST("/api/v1/reels/analyze", {
        body: { url: "https://www.instagram.com/reel/ERRORlong1/" },
        headers: { Prefer: prefer },
      });
    const pinned = await submit("state=processing");
    expect(pinned.data).toEqual({ id: 100, status: "pending" });
    for (let poll = 0; poll < 5; poll++) expect((await client.getReel(100)).data?.status).toBe("processing");
    const failed = await submit("state=error");
    expect((await client.getReel(failed.data!.id)).data).toMatchObject({ status: "error", error: "Video is longer than 90 seconds", result: null });
    // An unpinned job of the same mock moves on its own: pinning is per job.
    const free = await client.analyzeReel("https://www.instagram.com/reel/DYa0IXPgnP5/");
    const seen = [];
    for (let poll = 0; poll < 3; poll++) seen.push((await client.getReel(free.data!.id)).data?.status);
    expect(seen).toEqual(["pending", "processing", "done"]);
    // On a GET the preference is ignored; a bad state on a POST is a 400 and creates no job.
    const read = await client.fetchClient.GET("/api/v1/reels/{id}", { params: { path: { id: 100 } }, headers: { Prefer: "state=done" } });
    expect(read.data?.status).toBe("processing");
    const bad = await submit("state=finished");
    expect(bad.response.status).toBe(400);
    expect(bad.error).toEqual({ message: "Prefer: state must be one of pending, processing, done, error; was 'finished'" });
    expect(mock.jobs.list().length).toBe(3);
    // Prefer: code= wins and creates no job.
    expect((await submit("code=202, state=done")).data).toEqual({ id: 42, status: "pending" });
    expect(mock.jobs.list().length).toBe(3);
  });
});
