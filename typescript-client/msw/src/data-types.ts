// The shape of ./data.ts, which generate-data.mjs writes at build time from the spec
// (openapi/reels-api.yaml: examples, responses, x-lifecycle, the URL pattern) and from the JVM
// mock's own tables (MockBehaviourExport: outcomes, seeded jobs, profile timings).

/** One state of the spec's `x-lifecycle`. */
export interface LifecycleState {
  next: string[];
  terminal: boolean;
  /** Which governed fields (`error`, `result`) are non-null in this state. */
  sets: string[];
}

export interface LifecycleData {
  status: string;
  fields: string[];
  initial: string;
  states: Record<string, LifecycleState>;
}

/** One documented example response of an operation (what `Prefer: code=/example=` picks). */
export interface ExampleResponse {
  status: number;
  /** The operation's name for it (`doneNoSpeech`). */
  key: string;
  /** Its name under `components/examples` (`JobDoneNoSpeech`). */
  component: string;
  retryAfterSeconds: number | null;
}

export interface OutcomeData {
  name: string;
  terminal: string;
  /** The reason shown when the job is (or is forced to) `error`. */
  error: string;
  polls: "NORMAL" | "FLAKY" | "SLOW";
  /** The analysis shown when the job is (or is forced to) `done`. */
  analysis: unknown;
}

export interface SeedData {
  id: number;
  url: string;
  created_at: string;
  outcome: string;
  status: string;
}

export interface PollDrivenProfile {
  description: string;
  pendingMs: number;
  processingMs: number;
  minPollsPerState: number;
  pollHoldLimitMs: number | null;
}

export interface PackData {
  /** `info.version`, sent as `X-Reels-Api-Version`. */
  version: string;
  analyzePath: string;
  jobPathPrefix: string;
  /** The spec's pattern for `AnalyzeRequest.url`. */
  urlPattern: string;
  lifecycle: LifecycleData;
  /** `components/examples`, by name. */
  examples: Record<string, unknown>;
  /** Documented example responses by operationId, in the spec's order. */
  responses: Record<string, ExampleResponse[]>;
  outcomes: OutcomeData[];
  serverFailurePrefix: string;
  /** A code `ERROR<variant>...` (variant in any case) selects that outcome; longest first. */
  errorVariants: { variant: string; outcome: string }[];
  firstNewId: number;
  seeds: SeedData[];
  profiles: { quick: PollDrivenProfile; fast: PollDrivenProfile; realistic: { description: string } };
}
