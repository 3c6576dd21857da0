// expect TS18047
// Reading the analysis of a job whose status was never checked: result may be null.
import type { ReelJob } from "reels-api-client";

export function summary(job: ReelJob): string {
  return job.result.summary;
}
