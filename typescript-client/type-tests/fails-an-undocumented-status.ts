// expect TS2367
// "finished" is no status of the API.
import type { ReelJob } from "reels-api-client";

export function isFinished(job: ReelJob): boolean {
  return job.status === "finished";
}
