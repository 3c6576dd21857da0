// The generated types under names a frontend reads. Nothing here restates the spec: every type is
// derived from ./schema (generated at build time).
import type { components, operations } from "./schema.js";

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
