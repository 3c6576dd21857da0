// The package's entry: the generated types under names a frontend reads, and a small client.
// Nothing here restates the spec: every type is derived from ./schema (generated at build time).
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };

type Schemas = components["schemas"];

/** `pending | processing | done | error`. */
export type JobStatus = Schemas["JobStatus"];
/** A job as `GET /api/v1/reels/{id}` answers it: a union discriminated by `status`. */
export type ReelJob = Schemas["ReelJob"];
/** A job still running: `error` and `result` are null. */
export type UnfinishedJob = Extract<ReelJob, { status: "pending" | "processing" }>;
/** A finished job: `result` is the analysis. */
export type DoneJob = Extract<ReelJob, { status: "done" }>;
/** A failed job: `error` says why. */
export type FailedJob = Extract<ReelJob, { status: "error" }>;
export type TerminalJob = DoneJob | FailedJob;
/** The analysis of a done job. */
export type ReelAnalysis = NonNullable<Schemas["ReelAnalysis"]>;
export type AnalyzeRequest = Schemas["AnalyzeRequest"];
export type AnalyzeAccepted = Schemas["AnalyzeAccepted"];
/** 400 and POST 500: `{"message": ...}`. */
export type MessageError = Schemas["MessageError"];
/** 401: `{"error": "invalid API token"}`. */
export type TokenError = Schemas["TokenError"];
/** 403, 404, 429, GET 500: `{"error": ...}` or `{"message": ...}`. */
export type ApiError = Schemas["ApiError"];

type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;
type ErrorsOf<Op extends keyof operations> = {
  [S in keyof operations[Op]["responses"]]: S extends 200 | 202 ? never : JsonOf<operations[Op]["responses"][S]>;
}[keyof operations[Op]["responses"]];
/** Any error body `POST /api/v1/reels/analyze` documents (400, 401, 403, 429, 500). */
export type AnalyzeReelError = ErrorsOf<"analyzeReel">;
/** Any error body `GET /api/v1/reels/{id}` documents (401, 403, 404, 429, 500). */
export type GetReelError = ErrorsOf<"getReel">;

/** One answer: the documented success body, or an error body, with the raw `Response`. */
export type Answer<T, E> =
  | { data: T; error?: undefined; response: Response }
  | { data?: undefined; error: E; response: Response };

export interface ReelsClient {
  /** `POST /api/v1/reels/analyze`: 202 `{id, status: "pending"}`. */
  analyzeReel(url: string): Promise<Answer<AnalyzeAccepted, AnalyzeReelError>>;
  /** `GET /api/v1/reels/{id}`: the job, typed by its status. */
  getReel(id: number): Promise<Answer<ReelJob, GetReelError>>;
  /**
   * The openapi-fetch client underneath, for anything else. Its `data` types drop properties
   * typed `null` (openapi-typescript-helpers' `Readable` treats `NonNullable<null>` = `never` as
   * a write-only marker), so `getReel` answers the spec's `ReelJob` instead.
   */
  readonly fetchClient: Client<paths>;
}

export interface ReelsClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** e.g. `http://127.0.0.1:8089` (the mock) or `https://api.instatollm.com`. */
  baseUrl: string;
  /** `ist_...`; sent as `Authorization: Bearer <token>` on every request. */
  token: string;
}

/** A client for both operations, sending the token on every request. */
export function createReelsClient(options: ReelsClientOptions): ReelsClient {
  const { token, ...rest } = options;
  const fetchClient = createClient<paths>(rest);
  fetchClient.use({
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  });
  return {
    fetchClient,
    async analyzeReel(url) {
      const { data, error, response } = await fetchClient.POST("/api/v1/reels/analyze", { body: { url } });
      return data !== undefined ? { data, response } : { error: error as AnalyzeReelError, response };
    },
    async getReel(id) {
      const { data, error, response } = await fetchClient.GET("/api/v1/reels/{id}", {
        params: { path: { id } },
      });
      // The body is the JSON the server sent; only the static type differs (see fetchClient).
      return data !== undefined
        ? { data: data as unknown as ReelJob, response }
        : { error: error as GetReelError, response };
    },
  };
}

/** A response that was not the documented success, with its status and (typed) body. */
export class ReelsApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: AnalyzeReelError | GetReelError | undefined,
  ) {
    super(`Reels API answered ${status}: ${describe(body)}`);
    this.name = "ReelsApiError";
  }
}

function describe(body: unknown): string {
  if (body && typeof body === "object") {
    const b = body as { error?: unknown; message?: unknown };
    return String(b.error ?? b.message ?? JSON.stringify(body));
  }
  return String(body);
}

export interface WaitOptions {
  /** Between two polls; the docs say 5 s. */
  intervalMs?: number;
  /** Give up after this long; the docs' clients use 120 s. */
  timeoutMs?: number;
}

/**
 * Polls a job until it is `done` or `error` and answers it, honouring `Retry-After` on 429.
 * Throws {@link ReelsApiError} for any other non-200 answer, and an `Error` on timeout.
 */
export async function waitForJob(
  client: ReelsClient,
  id: number,
  { intervalMs = 5_000, timeoutMs = 120_000 }: WaitOptions = {},
): Promise<TerminalJob> {
  const deadline = Date.now() + timeoutMs;
  let last: JobStatus | undefined;
  for (;;) {
    const { data, error, response } = await client.getReel(id);
    let wait = intervalMs;
    if (data !== undefined) {
      if (data.status === "done" || data.status === "error") return data;
      last = data.status;
    } else if (response.status === 429) {
      wait = Math.max(wait, Number(response.headers.get("Retry-After") ?? 0) * 1000);
    } else {
      throw new ReelsApiError(response.status, error);
    }
    if (Date.now() + wait > deadline) {
      throw new Error(`job ${id} not finished after ${timeoutMs} ms (last status: ${last ?? "none"})`);
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
