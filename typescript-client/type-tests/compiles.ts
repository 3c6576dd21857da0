// A frontend's code against the package: it must compile with tsc --noEmit --strict.
import {
  createReelsClient, waitForJob, ReelsApiError,
  type ApiError, type DoneJob, type GetReelError, type FailedJob, type JobStatus, type ReelAnalysis, type ReelJob,
  type UnfinishedJob,
} from "reels-api-client";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type NotNull<T> = null extends T ? false : true;

// The status union is exactly the documented one.
export const statuses: Equal<JobStatus, "pending" | "processing" | "done" | "error"> = true;
export const statusOfAJob: Equal<ReelJob["status"], JobStatus> = true;
// Each status carries its own error/result.
export const doneHasResult: NotNull<DoneJob["result"]> = true;
export const doneHasNoError: Equal<DoneJob["error"], null> = true;
export const failedHasError: Equal<FailedJob["error"], string> = true;
export const failedHasNoResult: Equal<FailedJob["result"], null> = true;
export const unfinishedHasNeither: Equal<UnfinishedJob["result"] | UnfinishedJob["error"], null> = true;
export const notFoundIsAnErrorOfGetReel: ApiError extends GetReelError ? true : false = true;
// Where the docs allow two readings, both are in the type (from the spec's validation view).
export const hooksEitherReading: Equal<ReelAnalysis["content"]["hooks"], string | string[]> = true;
export const bothErrorFieldsAccepted: ApiError[] = [{ error: "job not found" }, { message: "internal server error" }];

export function describe(job: ReelJob): string {
  switch (job.status) {
    case "done": {
      const analysis: ReelAnalysis = job.result;
      return `${analysis.summary} (${analysis.visual.text_on_screen.length} texts, music: ${analysis.audio.has_music})`;
    }
    case "error":
      return job.error.toUpperCase();
    case "pending":
    case "processing":
      return job.status;
    default: {
      const unreachable: never = job;
      return unreachable;
    }
  }
}

export async function analyze(url: string): Promise<string> {
  const client = createReelsClient({ baseUrl: "http://127.0.0.1:8089", token: "ist_your_token" });
  const { data, error, response } = await client.analyzeReel(url);
  if (data === undefined) {
    throw new ReelsApiError(response.status, error);
  }
  const pending: "pending" = data.status;
  const job = await waitForJob(client, data.id, { intervalMs: 5_000, timeoutMs: 120_000 });
  return job.status === "done" ? job.result.summary : `${pending} -> ${job.error}`;
}
