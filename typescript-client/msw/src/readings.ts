// Every reading the docs allow, on demand (`readings: "rotate"`): a job's reel code picks one
// combination of the legal forms below, the same way the JVM mock's `--readings rotate` does, so a
// frontend meets them all before production does. The reading's number is the reel code's trailing
// digits when it ends in digits (`ROTATE0` ... `ROTATE95` walk through all of them), else an
// FNV-1a hash of the code; the answer's `X-Reels-Reading` header names it.
import { reelCode, type Job } from "./jobs.js";

export type Readings = "spec" | "rotate";

/** Each dimension's legal forms, in the order the reading's number is read (mixed radix). */
export const DIMENSIONS = [
  ["hooks", ["string", "array"]],
  ["key_moments", ["objects", "strings"]],
  ["platform_meta", ["object", "null"]],
  ["extra_fields", ["none", "present"]],
  ["created_at", ["utc", "offset", "local"]],
  ["id", ["plain", "large"]],
] as const;

export const READING_COUNT = DIMENSIONS.reduce((n, [, forms]) => n * forms.length, 1);

/**
 * Job ids shown with the `large` reading: the job's own id plus this, above 2^32 (int32 clients
 * overflow) and still at most 2^53 - 1, the largest integer JSON.parse reads exactly.
 */
export const LARGE_ID_OFFSET = 9_007_199_254_000_000;

/** The offset `created_at` is shown in with the `offset` reading. */
export const OFFSET_MINUTES = 5 * 60 + 30;

export type Reading = Record<(typeof DIMENSIONS)[number][0], string> & { index: number };

/** 32-bit FNV-1a over the code's UTF-16 units (codes are ASCII). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function readingIndex(code: string): number {
  const digits = /(\d+)$/.exec(code)?.[1];
  // Only the last 9 digits count, so the number stays exact.
  const n = digits !== undefined ? Number(digits.slice(-9)) : fnv1a(code);
  return n % READING_COUNT;
}

export function readingNumbered(index: number): Reading {
  const reading = { index } as Reading;
  let n = index;
  for (const [name, forms] of DIMENSIONS) {
    reading[name] = forms[n % forms.length];
    n = Math.floor(n / forms.length);
  }
  return reading;
}

export function describeReading(r: Reading): string {
  return `reading ${r.index} of ${READING_COUNT}: ` + DIMENSIONS.map(([name]) => `${name}=${r[name]}`).join(", ");
}

export function readingOfUrl(url: string): Reading {
  return readingNumbered(readingIndex(reelCode(url)));
}

/** The id a job is shown (and polled) under in a reading. */
export function shownId(id: number, r: Reading): number {
  return r.id === "large" ? id + LARGE_ID_OFFSET : id;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `created_at` in the reading's form: the same instant with `Z`, with +05:30, or local time without an offset. */
export function timestamp(iso: string, r: Reading): string {
  if (r.created_at === "utc") return iso;
  const ms = Date.parse(iso);
  const shifted = new Date(ms + OFFSET_MINUTES * 60_000);
  const local =
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
    (shifted.getUTCMilliseconds() === 0 ? "" : `.${pad(shifted.getUTCMilliseconds(), 3)}`);
  return r.created_at === "offset" ? `${local}+05:30` : local;
}

type Json = Record<string, unknown>;

/** The job body in reading `r`: the spec's rendering, then each dimension's form applied. */
export function applyReading(body: Json, r: Reading): Json {
  const out: Json = JSON.parse(JSON.stringify(body));
  out.id = shownId(out.id as number, r);
  out.created_at = timestamp(out.created_at as string, r);
  const result = out.result as Json | null;
  if (result) {
    const content = result.content as Json;
    if (r.hooks === "array" && typeof content.hooks === "string") content.hooks = [content.hooks];
    if (r.hooks === "string" && Array.isArray(content.hooks)) content.hooks = content.hooks.join(" ");
    if (r.key_moments === "strings" && Array.isArray(content.key_moments)) {
      content.key_moments = content.key_moments.map((m) =>
        typeof m === "object" && m !== null ? `${(m as Json).timestamp} ${(m as Json).description ?? ""}`.trim() : m,
      );
    }
    if (r.platform_meta === "null") result.platform_meta = null;
    if (r.extra_fields === "present") {
      result.model = "gemini";
      (result.audio as Json).speakers = 1;
      (result.visual as Json).dominant_colors = ["#2b2b2b", "#f4e3c1"];
    }
  }
  if (r.extra_fields === "present") {
    out.source = "instagram";
    out.progress = out.status === "done" || out.status === "error" ? 100 : out.status === "processing" ? 50 : 0;
  }
  return out;
}

export function readingOf(job: Job): { reading: Reading; render(body: Json): string } {
  const reading = readingOfUrl(job.url);
  return { reading, render: (body) => JSON.stringify(applyReading(body, reading)) };
}
