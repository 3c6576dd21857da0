// expect TS18047
// A failed job has no analysis: its result is null, not an object.
import type { ReelJob } from "reels-api-client";

export function summary(job: ReelJob): string {
  return job.status === "error" ? job.result.summary : "";
}
