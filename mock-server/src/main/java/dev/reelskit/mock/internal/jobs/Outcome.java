package dev.reelskit.mock.internal.jobs;

import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.ReelAnalysis;

/**
 * How a job ends, decided when it is created. Both an analysis and an error reason are carried so
 * that the admin API can force either terminal state; {@code terminal} says which one the job
 * reaches on its own. Instances are shared by every job with the same outcome.
 *
 * @param name a short label (the spec example or magic code it came from), for logs and the banner
 */
public record Outcome(String name, JobStatus terminal, ReelAnalysis analysis, String error) {}
