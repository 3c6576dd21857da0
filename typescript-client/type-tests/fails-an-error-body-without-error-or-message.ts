// expect TS2322
// An error body has an `error` or a `message` (403/404/429 bodies are never shown: either is allowed).
import type { ApiError } from "reels-api-client";

export const body: ApiError = { detail: "nope" };
