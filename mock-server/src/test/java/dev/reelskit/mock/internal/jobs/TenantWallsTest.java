package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, "tenants are walled in": with {@code --isolate-tokens} one token's submissions never
 * evict a smaller tenant's jobs, each tenant has its own cap, and ids say nothing of other tenants'
 * activity.
 */
class TenantWallsTest {

  static final String ALICE = Owners.of("ist_aliceFloodsTheMock0000000001");
  static final String BOB = Owners.of("ist_bobHasThreeJobs000000000002");
  private final MockClock clock = MockClock.frozenAt(Instant.parse("2026-05-22T08:00:00Z"));

  private JobStore store(int maxJobs, int perTenant) {
    return new JobStore(
        clock,
        JobPlans.of(TimingProfile.FAST, 42),
        SeedJobs.FIRST_NEW_ID,
        new JobStore.Limits(maxJobs, perTenant, true),
        JobJournal.NONE);
  }

  private static List<Long> submit(JobStore store, String owner, int n, boolean finish) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long id = store.create("https://www.instagram.com/reel/R" + i + "/", owner).id();
      if (finish) {
        store.force(id, JobStatus.DONE);
      }
      ids.add(id);
    }
    return ids;
  }

  @Test
  void a_flood_from_one_token_past_the_mock_s_cap_evicts_only_its_own_jobs() {
    JobStore store = store(50, 50);
    List<Long> bobs = submit(store, BOB, 3, true); // finished: the first to go, were it shared
    List<Long> alices = submit(store, ALICE, 1_000, false);

    assertThat(bobs).allSatisfy(id -> assertThat(store.peek(id)).as("Bob's job").isPresent());
    assertThat(store.size()).isEqualTo(50);
    assertThat(store.peek(alices.get(alices.size() - 1))).isPresent();
  }

  @Test
  void each_tenant_keeps_at_most_its_own_cap() {
    JobStore store = store(1_000, 5);
    List<Long> bobs = submit(store, BOB, 5, false);
    submit(store, ALICE, 100, true);

    assertThat(store.list(ALICE)).hasSize(5);
    assertThat(bobs).allSatisfy(id -> assertThat(store.peek(id)).isPresent());
    List<Long> more = submit(store, BOB, 1, false);
    assertThat(store.list(BOB)).hasSize(5);
    assertThat(store.peek(bobs.get(0))).as("Bob's oldest, all unfinished: his own goes").isEmpty();
    assertThat(store.peek(more.get(0))).isPresent();
  }

  @Test
  void a_token_s_tenant_with_no_job_left_is_forgotten_so_peers_cannot_grow_the_tenants() {
    JobStore store = store(10, 10);
    submit(store, BOB, 1, true);
    submit(store, ALICE, 10, true); // Alice is the largest: her own oldest goes, Bob's stays
    assertThat(store.tenants().all()).extracting(Tenant::id).containsExactly("default", ALICE, BOB);
    store.deleteOwned(BOB);
    assertThat(store.tenants().all()).extracting(Tenant::id).containsExactly("default", ALICE);
  }

  @Test
  void ids_are_drawn_at_random_within_javascript_s_exact_integers() {
    JobStore store = store(10_000, 10_000);
    List<Long> bobs = new ArrayList<>();
    for (int round = 0; round < 100; round++) {
      bobs.add(submit(store, BOB, 1, false).get(0));
      submit(store, ALICE, round % 7, false); // Alice's activity between Bob's jobs
    }
    assertThat(bobs).doesNotHaveDuplicates();
    assertThat(bobs)
        .allSatisfy(id -> assertThat(id).isBetween(SeedJobs.FIRST_NEW_ID, (1L << 53) - 1));
    List<Long> sorted = new ArrayList<>(bobs);
    sorted.sort(Long::compare);
    assertThat(bobs).as("in creation order they do not count up").isNotEqualTo(sorted);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < bobs.size(); i++) {
      gaps.add(Math.abs(bobs.get(i) - bobs.get(i - 1)));
    }
    assertThat(gaps.stream().filter(g -> g < 100)).as("gaps that could count jobs").isEmpty();
  }

  @Test
  void without_isolation_ids_count_up_from_100_as_before() {
    JobStore store = new JobStore(clock, TimingProfile.FAST, 42, SeedJobs.FIRST_NEW_ID);
    assertThat(submit(store, BOB, 3, false)).containsExactly(100L, 101L, 102L);
  }

  @Test
  void a_tenant_s_clock_moves_its_jobs_only_and_restores_no_earlier_than_its_jobs() {
    JobStore store = store(100, 100);
    long bob = submit(store, BOB, 1, false).get(0);
    long alice = submit(store, ALICE, 1, false).get(0);
    Tenant alices = store.tenantOf(store.peek(alice).orElseThrow());
    alices.advance(Duration.ofSeconds(30));
    assertThat(store.poll(alice).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
    assertThat(store.poll(alice).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
    Job forced = store.force(alice, JobStatus.PROCESSING).orElseThrow();
    assertThat(forced.since()).as("on Alice's clock").isEqualTo(clock.now().plusSeconds(30));
    assertThat(store.force(bob, JobStatus.PROCESSING).orElseThrow().since())
        .as("on the mock's")
        .isEqualTo(clock.now());

    JobStore restored = store(100, 100);
    restored.restore(new SqliteJournal.Loaded(store.all().toList(), 0, clock.now(), null));
    Job back = restored.peek(alice).orElseThrow();
    assertThat(restored.tenantOf(back).now()).isAfterOrEqualTo(back.since());
  }
}
