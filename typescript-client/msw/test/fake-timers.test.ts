// A job taken pending -> processing -> done on vitest's fake timers, through MSW in node and the
// typed client's own poller: minutes of mock time in well under a second of real time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupServer } from "msw/node";
import { createReelsClient, waitForJob } from "reels-api-client";
import { createReelsMock } from "reels-api-msw";

const BASE = "http://127.0.0.1:8089";
const TOKEN = "ist_your_token";
const realMs = () => Number(process.hrtime.bigint() / 1_000_000n);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};

describe("the clock works with fake timers", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const profile of ["quick", "realistic"] as const) {
    it(`takes a ${profile} job from pending to done with vi.advanceTimersByTimeAsync, in under a second of real time`, async () => {
      const mock = createReelsMock({ profile });
      const server = setupServer(...mock.handlers);
      server.listen({ onUnhandledRequest: "error" });
      const seen: string[] = [];
      server.events.on("response:mocked", async ({ response }) => {
        const body = await response.clone().json();
        if (typeof body.status === "string" && "created_at" in body) seen.push(body.status);
      });
      try {
        const client = createReelsClient({ baseUrl: BASE, token: TOKEN });
        const submitted = await client.analyzeReel("https://www.instagram.com/reel/DYa0IXPgnP5/");
        expect(submitted.data).toEqual({ id: 100, status: "pending" });
        const started = realMs();
        const cpuStarted = cpuMs();
        const finished = waitForJob(client, submitted.data!.id, { intervalMs: 5_000, timeoutMs: 120_000 });
        await vi.advanceTimersByTimeAsync(95_000);
        const job = await finished;
        const took = realMs() - started;
        const cpu = Math.round(cpuMs() - cpuStarted);

        expect(job.status).toBe("done");
        if (job.status === "done") expect(job.result.summary).toMatch(/^A chef cooks garlic butter shrimp/);
        expect(seen[0]).toBe("pending");
        expect(seen).toContain("processing");
        expect(seen.at(-1)).toBe("done");
        // Only the fake clock moved: the job's time passed on it. The work is well under a second
        // (CPU time, which the other builds on a shared machine do not stretch); the wall clock
        // too on an idle machine, and far under the job's own 5-90 s on any.
        console.log(`${profile}: pending -> done over ${seen.length} polls in ${took} ms of real time, ${cpu} ms of CPU`);
        expect(cpu).toBeLessThan(1_000);
        expect(took).toBeLessThan(5_000);
      } finally {
        server.close();
      }
    });
  }

  it("does not move while the fake clock stands still", async () => {
    const mock = createReelsMock({ profile: "quick" });
    const server = setupServer(...mock.handlers);
    server.listen();
    try {
      // Six reads of one job in a moment: a client without the documented pacing (limits: false),
      // as a unit test against a mock without limits uses it.
      const client = createReelsClient({ baseUrl: BASE, token: TOKEN, limits: false });
      const { data } = await client.analyzeReel("https://www.instagram.com/reel/DYa0IXPgnP5/");
      for (let i = 0; i < 5; i++) expect((await client.getReel(data!.id)).data?.status).toBe("pending");
      vi.advanceTimersByTime(2_000);
      expect((await client.getReel(data!.id)).data?.status).toBe("processing");
      mock.advance(3_000); // the mock's own clock, as the JVM mock's admin API moves it
      expect((await client.getReel(data!.id)).data?.status).toBe("done");
    } finally {
      server.close();
    }
  });
});
