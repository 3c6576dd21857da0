package dev.reelskit.mock.internal.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;

/**
 * One real job's lifecycle as recorded: how long it stayed in each state and how it ended.
 *
 * @param pending from the POST to the estimated move to {@code processing}
 * @param processing from then to the estimated move to its terminal state
 * @param result the recorded analysis (done), null when not kept or failed
 * @param error the recorded reason (error), null when done
 * @param polls how many GETs of it the recording held
 * @param interval the median time between two looks at it
 */
record RecordedJob(
    Duration pending,
    Duration processing,
    JobStatus endsIn,
    JsonNode result,
    String error,
    int polls,
    Duration interval) {

  RecordedJob withResult(JsonNode newResult) {
    return new RecordedJob(pending, processing, endsIn, newResult, error, polls, interval);
  }

  RecordedJob withError(String newError) {
    return new RecordedJob(pending, processing, endsIn, result, newError, polls, interval);
  }
}
