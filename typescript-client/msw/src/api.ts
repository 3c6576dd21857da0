// The API as the JVM mock answers it, independent of MSW: one request in, one answer out.
// The order is the JVM mock's: auth (401/403), `Prefer` (forced documented responses, 400 for
// values it cannot honour), validation of the submission (400), then the job engine (202, 200,
// 404, 405). Every body is a spec example or built from the JVM mock's exported outcomes.
import { data } from "./data.js";
import { initialStatus, isStatus, sets, type JobStatus } from "./lifecycle.js";
import { isServerFailure, JobStore, reelCode, type Job } from "./jobs.js";
import { checkToken, hasBearerToken, type TokenRuleOptions } from "./tokens.js";
import { forcesResponse, parsePrefer, type Prefer } from "./prefer.js";
import { describeReading, LARGE_ID_OFFSET, readingIndex, readingOfUrl, shownId, type Readings, readingOf } from "./readings.js";

export const ANALYZE = "analyzeReel";
export const GET = "getReel";

/** Far above any Reel URL; bigger bodies are refused before they are parsed. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Every `FLAKY_EVERY`th poll of a `FLAKY...` job answers 500 (the JVM mock's FlakyPolls). */
export const FLAKY_EVERY = 3;
/** How long each poll of a `SLOW...` job takes (the JVM mock's SLOW_POLL_MILLIS). */
export const SLOW_POLL_MS = 3_000;

export interface ApiRequest {
  method: string;
  /** The URL's path, without query. */
  path: string;
  header(name: string): string | null;
  /** The body as text ("" when none). */
  body: string;
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON text; undefined for no body. */
  body?: string;
  /** Hold the answer back this long (`Prefer: delay=`, `SLOW` jobs). */
  delayMs?: number;
  /** Break the answer instead (`Prefer: fault=`): a network error. */
  fault?: string;
  /** Which operation it answered, null for none. */
  operation: string | null;
  /** The job id and status shown, for a 200 or 202. */
  jobId?: number;
  shown?: JobStatus;
  /** A documented response the request asked for with `Prefer: code=/example=`. */
  forced?: boolean;
}

interface Route {
  operation: string | null;
  allow: string | null;
  idText: string | null;
}

function route(method: string, path: string): Route {
  if (path === data.analyzePath) return { operation: method === "POST" ? ANALYZE : null, allow: "POST", idText: null };
  const prefix = data.jobPathPrefix;
  if (path.startsWith(prefix) && path.length > prefix.length && path.indexOf("/", prefix.length) < 0) {
    return { operation: method === "GET" ? GET : null, allow: "GET", idText: path.slice(prefix.length) };
  }
  return { operation: null, allow: null, idText: null };
}

/** The job id, or -1 when the segment is not a positive integer of at most 18 digits. */
function jobId(idText: string | null): number {
  if (!idText || idText.length > 18 || !/^\d+$/.test(idText)) return -1;
  const id = Number(idText);
  return id >= 1 && Number.isSafeInteger(id) ? id : -1;
}

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

const urlPattern = new RegExp(data.urlPattern);
const json = (value: unknown) => JSON.stringify(value);
const example = (name: string) => {
  if (!(name in data.examples)) throw new Error(`the spec has no example named ${name}`);
  return json(data.examples[name]);
};

export interface ApiOptions {
  tokens?: TokenRuleOptions;
  readings?: Readings;
}

/** The API over one job store: what the JVM mock's filters and transformer do, in their order. */
export class ReelsApi {
  private readonly flakyPolls = new Map<number, number>();

  constructor(
    readonly jobs: JobStore,
    private readonly options: ApiOptions = {},
  ) {}

  answer(req: ApiRequest): ApiAnswer {
    const r = route(req.method, req.path);
    const prefer = parsePrefer(req.header("Prefer"));
    const answered = this.refuseOrServe(req, r, prefer);
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "X-Reels-Api-Version": data.version,
      // The pack enforces no limits; the contract suite learns its budget from this, as from the JVM mock.
      "X-Reels-Limits": "none",
      ...answered.headers,
    };
    const out: ApiAnswer = { ...answered, headers };
    if (this.options.readings === "rotate" && out.status >= 400 && !out.forced && out.body !== undefined) {
      const form = errorBodyForm(req);
      const rewritten = errorBodyIn(form, out.status, out.body);
      if (rewritten !== undefined) {
        out.body = rewritten;
        out.headers["X-Reels-Reading"] = `error body: ${form}`;
      }
    }
    if (prefer && !prefer.invalid) {
      if (prefer.fault) out.fault = prefer.fault;
      if (prefer.delayMs !== undefined) out.delayMs = (out.delayMs ?? 0) + prefer.delayMs;
    }
    return out;
  }

  private refuseOrServe(req: ApiRequest, r: Route, prefer: Prefer | undefined): ApiAnswer {
    const op = r.operation;
    switch (checkToken(req.header("Authorization"), this.options.tokens)) {
      case "missing":
      case "invalid":
      case "revoked":
        // No Bearer token at all: the errors page's "API token required"; a refused one: invalid.
        return this.plain(401, example(hasBearerToken(req.header("Authorization")) ? "InvalidTokenError" : "MissingTokenError"), op);
      case "forbidden":
        return this.plain(403, example("ForbiddenError"), op);
      default:
    }
    if (op !== null && prefer) {
      if (prefer.invalid) return this.badRequest(op, prefer.invalid);
      // A forced response wins over `state=` (it creates no job); on a GET `state=` is ignored.
      if (forcesResponse(prefer)) return this.forced(op, prefer);
      if (op === ANALYZE && prefer.state !== undefined && !isStatus(prefer.state)) {
        return this.badRequest(op, `Prefer: state must be one of ${Object.keys(data.lifecycle.states).join(", ")}; was '${prefer.state}'`);
      }
    }
    if (op === ANALYZE) {
      const refused = this.validate(req);
      if (refused) return refused;
    }
    if (r.allow === null) return this.plain(404, json({ message: `no such endpoint: ${req.path}`, status: "error" }), null);
    if (op === null) {
      return { ...this.plain(405, json({ error: `method not allowed; this path supports ${r.allow}` }), null), headers: { Allow: r.allow } };
    }
    return op === ANALYZE ? this.analyze(req, prefer) : this.getReel(jobId(r.idText));
  }

  private forced(op: string, prefer: Prefer): ApiAnswer {
    const e = (data.responses[op] ?? []).find(
      (x) =>
        (prefer.code === undefined || x.status === prefer.code) &&
        (prefer.example === undefined || prefer.example === x.key || prefer.example === x.component),
    );
    if (!e) {
      return this.badRequest(
        op,
        `Prefer asks for a response ${op} does not document (code=${prefer.code ?? null}, example=${prefer.example ?? null})`,
      );
    }
    const value = data.examples[e.component] as { status?: unknown; created_at?: unknown };
    const shown = value && typeof value === "object" && "status" in value && "created_at" in value ? (value.status as JobStatus) : undefined;
    return {
      status: e.status,
      headers: e.retryAfterSeconds === null ? {} : { "Retry-After": String(e.retryAfterSeconds) },
      body: example(e.component),
      operation: op,
      shown,
      forced: true,
    };
  }

  private validate(req: ApiRequest): ApiAnswer | undefined {
    const type = req.header("Content-Type");
    if (type !== null && !type.toLowerCase().includes("json")) return this.badRequest(ANALYZE, "Content-Type must be application/json");
    if (new TextEncoder().encode(req.body).length > MAX_BODY_BYTES) {
      return this.badRequest(ANALYZE, `request body too large (at most ${MAX_BODY_BYTES} bytes)`);
    }
    if (req.body.length === 0) return this.plain(400, example("UrlRequiredError"), ANALYZE);
    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return this.badRequest(ANALYZE, "request body is not valid JSON");
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      return this.badRequest(ANALYZE, "request body must be a JSON object with a url field");
    }
    const url = (body as { url?: unknown }).url;
    if (url === undefined || url === null || (typeof url === "string" && url.trim() === "")) {
      return this.plain(400, example("UrlRequiredError"), ANALYZE);
    }
    if (typeof url !== "string") return this.badRequest(ANALYZE, "url must be a string");
    if (!urlPattern.test(url)) {
      const named = foreignHostMessage(url);
      return named === null ? this.plain(400, example("NotInstagramError"), ANALYZE) : this.badRequest(ANALYZE, named);
    }
    return undefined;
  }

  private analyze(req: ApiRequest, prefer: Prefer | undefined): ApiAnswer {
    const url = (JSON.parse(req.body) as { url: string }).url;
    if (isServerFailure(url)) return this.plain(500, example("ServerMessageError"), ANALYZE);
    const job = this.jobs.create(url, prefer?.state as JobStatus | undefined);
    const rotate = this.options.readings === "rotate";
    const reading = rotate ? readingOfUrl(url) : undefined;
    return {
      status: 202,
      headers: reading ? { "X-Reels-Reading": describeReading(reading) } : {},
      // A new job is `pending` to its submitter even when pinned: the pin shows from its first poll.
      body: json({ id: reading ? shownId(job.id, reading) : job.id, status: initialStatus }),
      operation: ANALYZE,
      jobId: job.id,
      shown: initialStatus,
    };
  }

  /** The stored job a shown id names: with rotating readings, `large` jobs only by their large id. */
  private lookup(shown: number): Job | undefined {
    if (shown < 0) return undefined;
    if (this.options.readings !== "rotate") return this.jobs.peek(shown);
    const large = shown > LARGE_ID_OFFSET;
    const job = this.jobs.peek(large ? shown - LARGE_ID_OFFSET : shown);
    return job && (readingOfUrl(job.url).id === "large") === large ? job : undefined;
  }

  private getReel(shownAs: number): ApiAnswer {
    const found = this.lookup(shownAs);
    if (!found) return this.plain(404, example("NotFoundError"), GET);
    const id = found.id;
    if (found.outcome.polls === "FLAKY") {
      const polls = (this.flakyPolls.get(id) ?? 0) + 1;
      this.flakyPolls.set(id, polls);
      if (polls % FLAKY_EVERY === 0) return this.plain(500, example("ServerMessageError"), GET);
    }
    const job = this.jobs.poll(id)!;
    const rotate = this.options.readings === "rotate";
    return {
      status: 200,
      headers: rotate ? { "X-Reels-Reading": describeReading(readingOfUrl(job.url)) } : {},
      body: renderJob(job, this.options.readings),
      operation: GET,
      jobId: job.id,
      shown: job.status,
      delayMs: found.outcome.polls === "SLOW" ? SLOW_POLL_MS : undefined,
    };
  }

  private plain(status: number, body: string, operation: string | null): ApiAnswer {
    return { status, headers: {}, body, operation };
  }

  private badRequest(op: string, message: string): ApiAnswer {
    return this.plain(400, json({ message }), op);
  }
}

/**
 * The errors page's 400 for another site's URL names the site, `URL must be an instagram.com link,
 * got "tiktok.com"` (the JVM mock's ForeignHost): the host without `www.`; null (the analyze page's
 * short text) when there is no readable host or it is instagram.com itself.
 */
function foreignHostMessage(url: string): string | null {
  let host: string;
  try {
    host = new URL(url.trim()).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host.startsWith("www.")) host = host.slice(4);
  if (!/^[a-z0-9.-]{1,253}$/.test(host) || host === "instagram.com") return null;
  const short = (data.examples.NotInstagramError as { message: string }).message;
  return `${short}, got "${host}"`;
}

/**
 * With rotating readings, which form an error body takes: the errors page's or the overview's,
 * by the submission's reel code or the path's last segment (even: errors page), as the JVM mock's
 * ErrorBodyReadings picks it.
 */
function errorBodyForm(req: ApiRequest): "errors-page" | "overview" {
  let code = "";
  if (req.method === "POST") {
    try {
      const url = (JSON.parse(req.body) as { url?: unknown })?.url;
      code = typeof url === "string" ? reelCode(url) : "";
    } catch {
      code = "";
    }
  }
  const key = code !== "" ? code : req.path.slice(req.path.lastIndexOf("/") + 1);
  return readingIndex(key) % 2 === 0 ? "errors-page" : "overview";
}

/** The body in that form: errors page `message` for 400/404/405/500 (404 adds `status`), else `error`. */
function errorBodyIn(form: string, status: number, body: string): string | undefined {
  let parsed: { error?: unknown; message?: unknown } | null;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const text = typeof parsed?.error === "string" ? parsed.error : typeof parsed?.message === "string" ? parsed.message : undefined;
  if (text === undefined) return undefined;
  if (form === "errors-page" && status !== 401 && status !== 403 && status !== 429) {
    return json(status === 404 ? { message: text, status: "error" } : { message: text });
  }
  return json({ error: text });
}

/**
 * The job as the spec's `ReelJob`: `result` and `error` set exactly in the states whose
 * `x-lifecycle` entry says so, null otherwise; with `readings: "rotate"`, in the reading its reel
 * code selects.
 */
export function renderJob(job: Job, readings: Readings = "spec"): string {
  const body = {
    id: job.id,
    url: job.url,
    status: job.status,
    error: sets(job.status, "error") ? job.outcome.error : null,
    result: sets(job.status, "result") ? job.outcome.analysis : null,
    created_at: job.createdAt,
  };
  return readings === "rotate" ? readingOf(job).render(body) : json(body);
}

