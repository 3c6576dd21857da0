package dev.reelskit.tsclient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Outcome;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.mock.internal.jobs.SeedJobs;
import dev.reelskit.mock.jobs.JobTiming;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * Writes what the JVM mock decides beyond the spec (its outcomes with their analyses and reasons,
 * the seeded jobs, the poll-driven profiles' timings) as JSON, for the MSW handler pack's
 * generator: the pack reads the reference mock's own tables instead of a copy typed by hand. Run by
 * this module's build ({@code exec:java}) before {@code build.sh}; the one argument is the file to
 * write.
 */
public final class MockBehaviourExport {

  private MockBehaviourExport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    ObjectMapper json = ReelsJson.mapper();
    Files.write(out, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export(json)));
  }

  static ObjectNode export(ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    ArrayNode outcomes = root.putArray("outcomes");
    Outcomes.all().stream()
        .sorted(Comparator.comparing(Outcome::name))
        .forEach(
            o -> {
              ObjectNode node = outcomes.addObject();
              node.put("name", o.name());
              node.put("terminal", o.terminal().getValue());
              node.put("error", o.error());
              node.put("polls", o.polls().name());
              node.set("analysis", json.valueToTree(o.analysis()));
            });
    root.put("serverFailurePrefix", Outcomes.SERVER_FAILURE_PREFIX);
    // The ERROR family: each failed outcome named ERROR<variant> is selected by a code starting
    // with ERROR and then <variant> in any case; checked here against the mock's own rule.
    ArrayNode variants = root.putArray("errorVariants");
    Outcomes.all().stream()
        .map(Outcome::name)
        .filter(n -> n.startsWith("ERROR") && n.length() > 5)
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(n -> n))
        .forEach(
            name -> {
              String chosen =
                  Outcomes.forUrl("https://www.instagram.com/reel/" + name + "1/").name();
              if (!chosen.equals(name)) {
                throw new IllegalStateException(
                    "reel code " + name + "1 selects " + chosen + ", not " + name);
              }
              variants
                  .addObject()
                  .put("variant", name.substring(5).toLowerCase(Locale.ROOT))
                  .put("outcome", name);
            });
    root.put("firstNewId", SeedJobs.FIRST_NEW_ID);
    JobStore seeded =
        new JobStore(
            MockClock.frozenAt(Instant.EPOCH), TimingProfile.FAST, 0, SeedJobs.FIRST_NEW_ID);
    SeedJobs.addTo(seeded);
    ArrayNode seeds = root.putArray("seeds");
    seeded
        .all()
        .sorted(Comparator.comparingLong(j -> j.id()))
        .forEach(
            j -> {
              ObjectNode node = seeds.addObject().put("id", j.id()).put("url", j.url());
              node.set("created_at", json.valueToTree(j.createdAt())); // as the mock writes it
              node.put("outcome", j.outcome().name()).put("status", j.status().getValue());
            });
    ObjectNode profiles = root.putObject("profiles");
    for (TimingProfile p : TimingProfile.values()) {
      ObjectNode node = profiles.putObject(p.cliName()).put("description", p.description());
      if (p != TimingProfile.REALISTIC) { // REALISTIC draws per job: the pack has the same draw
        JobTiming t = p.timingFor(SeedJobs.FIRST_NEW_ID, 0);
        node.put("pendingMs", t.pending().toMillis())
            .put("processingMs", t.processing().toMillis())
            .put("minPollsPerState", t.minPollsPerState());
        Duration hold = t.pollHoldLimit();
        if (hold == null) {
          node.putNull("pollHoldLimitMs");
        } else {
          node.put("pollHoldLimitMs", hold.toMillis());
        }
      }
    }
    return root;
  }
}
