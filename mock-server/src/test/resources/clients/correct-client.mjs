// A correct client in node (built-in fetch, node 18+): submit one Reel, poll it to done or error
// following the docs' pattern, give up after TIMEOUT_MS, honour Retry-After.
//
//   REELS_BASE_URL, REELS_TOKEN (required); POLL_INTERVAL_MS (default 7000: the docs' 5 s is
//   12 requests a minute, above the limit of 10); TIMEOUT_MS (default 120000); REEL_URL.
// Exit codes: 0 done, 1 error, 2 gave up, 3 unexpected HTTP status.

const env = process.env;
if (!env.REELS_BASE_URL || !env.REELS_TOKEN) {
  console.error("REELS_BASE_URL and REELS_TOKEN are required");
  process.exit(64);
}
const base = env.REELS_BASE_URL.replace(/\/+$/, "");
const pollIntervalMs = Number(env.POLL_INTERVAL_MS ?? 7000);
const timeoutMs = Number(env.TIMEOUT_MS ?? 120000);
const reelUrl = env.REEL_URL ?? "https://www.instagram.com/reel/DYa0IXPgnP5/";
const headers = { Authorization: `Bearer ${env.REELS_TOKEN}` };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in ms (seconds, possibly fractional; 1 s when absent), at least atLeastMs. */
function retryAfterMs(response, atLeastMs) {
  const seconds = Number(response.headers.get("retry-after") ?? 1);
  return Math.max(Number.isFinite(seconds) ? seconds * 1000 : 1000, atLeastMs);
}

/** Sends a request, repeating it after a 429 once Retry-After (or atLeastMs) has passed. */
async function send(path, init, atLeastMs) {
  for (;;) {
    const response = await fetch(base + path, init);
    if (response.status !== 429) {
      return response;
    }
    const wait = retryAfterMs(response, atLeastMs);
    await response.arrayBuffer();
    console.log(`429: waiting ${wait} ms`);
    await sleep(wait);
  }
}

function fail(what, response, code) {
  console.error(`${what} failed: HTTP ${response.status}`);
  process.exit(code);
}

const submitted = await send(
  "/api/v1/reels/analyze",
  {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ url: reelUrl }),
  },
  0,
);
if (submitted.status !== 202) fail("submit", submitted, 3);
const { id } = await submitted.json();
console.log(`submitted job ${id}`);

const deadline = Date.now() + timeoutMs;
while (Date.now() < deadline) {
  const r = await send(`/api/v1/reels/${id}`, { headers }, pollIntervalMs);
  if (r.status !== 200) fail(`poll of job ${id}`, r, 3);
  const data = await r.json();
  console.log(`job ${id}: ${data.status}`);
  if (data.status === "done") process.exit(0);
  if (data.status === "error") {
    console.error(`job ${id} failed: ${data.error}`);
    process.exit(1);
  }
  await sleep(pollIntervalMs);
}
console.error(`gave up on job ${id} after ${timeoutMs} ms`);
process.exit(2);
