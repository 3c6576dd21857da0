// A page that uses the MSW pack through a real service worker: four stories side by side, each
// with its own mock pinned to one state on its own origin, and one live job that goes through the
// lifecycle on a mock answering for the production origin. Nothing reaches the network.
import { setupWorker } from "msw/browser";
import { createReelsClient, waitForJob, type ReelJob } from "reels-api-client";
import { createReelsMock, statuses } from "reels-api-msw";

const TOKEN = "ist_your_token";
const REEL = "https://www.instagram.com/reel/DYa0IXPgnP5/";

const stories = statuses.map((state) => {
  const baseUrl = `https://${state}.story.test`;
  return { state, baseUrl, mock: createReelsMock({ baseUrl, pin: state }) };
});
const live = createReelsMock({ baseUrl: "https://api.instatollm.com", profile: "fast" });

function describe(job: ReelJob): string {
  if (job.status === "done") return job.result.summary;
  if (job.status === "error") return job.error;
  return "no result yet";
}

async function story(s: (typeof stories)[number]): Promise<{ state: string; shown: string[]; detail: string }> {
  const card = document.createElement("div");
  card.className = "card";
  card.dataset.story = s.state;
  card.innerHTML = `<h2>${s.state}</h2><span class="status">…</span><div class="detail"></div>`;
  document.getElementById("stories")!.append(card);
  const client = createReelsClient({ baseUrl: s.baseUrl, token: TOKEN, limits: false });
  const { data, error } = await client.analyzeReel(REEL);
  if (!data) throw new Error(`story ${s.state}: submit refused: ${JSON.stringify(error)}`);
  const shown: string[] = [];
  let job: ReelJob | undefined;
  for (let poll = 0; poll < 3; poll++) {
    job = (await client.getReel(data.id)).data;
    shown.push(job?.status ?? "none");
  }
  const status = card.querySelector(".status")!;
  status.textContent = job!.status;
  status.className = `status ${job!.status}`;
  card.dataset.status = job!.status;
  card.querySelector(".detail")!.textContent = describe(job!);
  return { state: s.state, shown, detail: describe(job!) };
}

async function run() {
  const worker = setupWorker(...stories.flatMap((s) => s.mock.handlers), ...live.handlers);
  await worker.start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "error", quiet: true });
  const results = await Promise.all(stories.map(story));
  // A page against mocks without limits: no pacing (limits: false), polls as fast as asked.
  const client = createReelsClient({ baseUrl: "https://api.instatollm.com", token: TOKEN, limits: false });
  const { data } = await client.analyzeReel(REEL);
  // Each poll as the app's poller sees it, then the client's own waitForJob to the end.
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) seen.push((await client.getReel(data!.id)).data!.status);
  const job = await waitForJob(client, data!.id, { firstPollMs: 0, intervalMs: 50, timeoutMs: 10_000 });
  seen.push(job.status);
  document.getElementById("live-seen")!.textContent = `job ${job.id}: ${seen.join(" -> ")}`;
  return { stories: results, live: { id: job.id, seen }, controlled: navigator.serviceWorker.controller !== null };
}

(window as unknown as { pageResult: Promise<unknown> }).pageResult = run().catch((e) => ({ failed: String(e) }));
