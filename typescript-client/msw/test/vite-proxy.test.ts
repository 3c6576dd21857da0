// The docs' Vite recipe (examples/vite.config.mjs), run: Vite's dev server with that proxy in front
// of `reels-api-msw` on HTTP, and a page's relative `fetch("/api/...")` reaching the mock through it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type ViteDevServer } from "vite";
import { specData } from "reels-api-msw";
import { startServer, type RunningServer } from "reels-api-msw/server";
import recipe from "../examples/vite.config.mjs";

let mock: RunningServer;
let vite: ViteDevServer;

beforeAll(async () => {
  mock = await startServer({ port: 0, bind: "127.0.0.1", profile: "fast", seed: 42, timeScale: 1, readings: "spec", allowedOrigins: [] });
  const proxy = recipe.server!.proxy as Record<string, string>;
  expect(proxy).toEqual({ "/api": "http://127.0.0.1:8089" });
  // The recipe's target, on the port this test's mock got.
  vite = await createServer({
    configFile: false,
    logLevel: "silent",
    root: __dirname,
    server: { port: 0, host: "127.0.0.1", proxy: { "/api": mock.url } },
  });
  await vite.listen();
});
afterAll(async () => {
  await vite?.close();
  await mock?.close();
});

describe("the Vite server.proxy recipe", () => {
  it("forwards /api from the dev server's origin to the mock, headers and all", async () => {
    const origin = vite.resolvedUrls!.local[0].replace(/\/$/, "");
    const headers = { Authorization: "Bearer ist_your_token", "Content-Type": "application/json" };
    const created = await fetch(`${origin}/api/v1/reels/analyze`, {
      method: "POST",
      headers,
      body: JSON.stringify({ url: "https://www.instagram.com/reel/DYa0IXPgnP5/" }),
    });
    expect(created.status).toBe(202);
    const { id } = await created.json();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await (await fetch(`${origin}/api/v1/reels/${id}`, { headers })).json()).status);
    expect(statuses).toEqual(["pending", "processing", "done"]);
    const refused = await fetch(`${origin}/api/v1/reels/42`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-reels-api-version")).toBe(specData.version);
  });
});
