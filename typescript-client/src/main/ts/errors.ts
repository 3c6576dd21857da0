// The client's errors: each says what happened, to which job, after how many attempts.

/** `analyzeReel` (`POST /api/v1/reels/analyze`) or `getReel` (`GET /api/v1/reels/{id}`). */
export type Operation = "analyzeReel" | "getReel";

const REQUEST: Record<Operation, (jobId?: number) => string> = {
  analyzeReel: () => "POST /api/v1/reels/analyze",
  getReel: (jobId) => `GET /api/v1/reels/${jobId ?? "{id}"}`,
};

/** What the client knew when it gave up. */
export interface ErrorContext {
  readonly operation?: Operation;
  readonly jobId?: number;
  /** Requests sent for this call, retries included. */
  readonly attempts?: number;
}

/** Every error the client throws (an abort rethrows the signal's own reason instead). */
export class ReelsError extends Error {
  readonly operation: Operation | undefined;
  readonly jobId: number | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ReelsError";
    this.operation = context.operation;
    this.jobId = context.jobId;
    this.attempts = context.attempts;
  }
}

/**
 * An answer that was not the documented success: its HTTP status and body (typed when the spec
 * documents it, else the text), e.g. `GET /api/v1/reels/7 answered 404 after 1 attempt: not found`.
 */
export class ReelsApiError<B = unknown> extends ReelsError {
  constructor(
    readonly status: number,
    readonly body: B | undefined,
    context: ErrorContext = {},
  ) {
    super(`${where(context)}answered ${status}${tries(context)}: ${describe(body)}`, context);
    this.name = "ReelsApiError";
  }
}

/**
 * The job did not finish within the timeout (`timeoutMs`, from `waitForJob`), or a request could
 * not be sent before its `notAfter`; `lastStatus` is the status seen last, if any.
 */
export class ReelsTimeoutError extends ReelsError {
  constructor(
    readonly jobId: number | undefined,
    readonly timeoutMs: number | undefined,
    readonly lastStatus: string | undefined,
  ) {
    super(
      timeoutMs === undefined
        ? `${jobId === undefined ? "a request" : `job ${jobId}`}: not sent, the limits allowed it only after its deadline`
        : `job ${jobId} not finished within ${timeoutMs} ms (last status: ${lastStatus ?? "none seen"})`,
      { operation: "getReel", jobId },
    );
    this.name = "ReelsTimeoutError";
  }
}

/** No answer at all: the connection failed (`cause` is what `fetch` threw). */
export class ReelsNetworkError extends ReelsError {
  constructor(context: ErrorContext, cause: unknown) {
    super(`${where(context)}got no answer${tries(context)}: ${cause instanceof Error ? cause.message : String(cause)}`, context, {
      cause,
    });
    this.name = "ReelsNetworkError";
  }
}

function where({ operation, jobId }: ErrorContext): string {
  return operation ? `${REQUEST[operation](jobId)} ` : jobId !== undefined ? `job ${jobId}: ` : "";
}

function tries({ attempts }: ErrorContext): string {
  return attempts === undefined ? "" : ` after ${attempts} attempt${attempts === 1 ? "" : "s"}`;
}

function describe(body: unknown): string {
  if (body && typeof body === "object") {
    const b = body as { error?: unknown; message?: unknown };
    return String(b.error ?? b.message ?? JSON.stringify(body));
  }
  const text = String(body ?? "(no body)");
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
