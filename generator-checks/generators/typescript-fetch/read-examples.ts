// Reads every job example of the spec with the generated typescript-fetch models and prints one
// line per example: name|id|status|created_at as sent|error|summary|language|like_count.
import { ReelJobFromJSON } from "../../target/generators/typescript-fetch/models/index";
import { examples } from "../../target/generators/typescript-fetch/examples";

for (const [name, json] of Object.entries(examples)) {
  const job = ReelJobFromJSON(json);
  const result = job.result;
  console.log([name, job.id, job.status, job.createdAt, job.error ?? "null",
    result ? result.summary : "null", result ? result.audio.language : "null",
    result && result.platformMeta && result.platformMeta.likeCount !== undefined
      ? result.platformMeta.likeCount : "null"].join("|"));
}
