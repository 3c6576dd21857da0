// Vite's dev server in front of the mock (the JVM mock or `npx reels-api-msw`, both on 8089):
// the page calls its own origin, `/api/...`, and Vite forwards it, so the browser needs no CORS.
import { defineConfig } from "vite";

export default defineConfig({
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8089",
    },
  },
});
