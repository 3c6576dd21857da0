package dev.reelskit.contract.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.cli.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a server's announcement means for the run's budget, and what the run says about it. */
class BudgetTest {

  @Test
  void none_means_no_cap_every_job_at_once_and_quick_polls() {
    Budget b = Budget.fromAnnouncement("none");

    assertThat(b.name()).isEqualTo("unlimited");
    assertThat(b.rateLimit()).isEqualTo(RateLimit.UNLIMITED);
    assertThat(b.maxUnfinishedJobs()).isEqualTo(Integer.MAX_VALUE);
    assertThat(b.pollInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(b.describe())
        .isEqualTo(
            "unlimited (no request cap, every job at once, a poll every 250ms): the server"
                + " announced no limits (X-Reels-Limits: none)");
  }

  @Test
  void the_kit_mocks_limits_give_a_poll_gap_the_budget_can_pay_for() {
    Budget b = Budget.fromAnnouncement("requests=10;window=60;unfinished-jobs=3");

    assertThat(b.rateLimit()).isEqualTo(RateLimit.DOCUMENTED);
    assertThat(b.maxUnfinishedJobs()).isEqualTo(3);
    // 3 jobs read in turn within 10 requests a minute: each every 18 s.
    assertThat(b.pollInterval()).isEqualTo(Duration.ofSeconds(18));
    assertThat(Budget.fromAnnouncement("requests=10;window=1;unfinished-jobs=3").pollInterval())
        .isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void an_ietf_rate_limit_policy_gives_the_quota_and_the_documented_jobs() {
    Budget b = Budget.fromAnnouncement("\"default\";q=100;w=60, \"daily\";q=1000;w=86400");

    assertThat(b.rateLimit()).isEqualTo(new RateLimit(100, Duration.ofMinutes(1)));
    assertThat(b.maxUnfinishedJobs()).isEqualTo(3);
    assertThat(b.reason()).contains("RateLimit-Policy: \"default\";q=100;w=60");
  }

  @Test
  void silence_or_an_unreadable_announcement_means_the_documented_budget_and_says_so() {
    assertThat(Budget.fromAnnouncement(null).name()).isEqualTo("documented");
    assertThat(Budget.fromAnnouncement(null).reason())
        .contains("announced no limits of its own", "--budget unlimited");
    assertThat(Budget.fromAnnouncement("lots").name()).isEqualTo("documented");
    assertThat(Budget.fromAnnouncement("lots").reason()).contains("'lots' could not be read");
    assertThat(Budget.fromAnnouncement("requests=0;window=60;unfinished-jobs=3").name())
        .isEqualTo("documented");
  }
}
