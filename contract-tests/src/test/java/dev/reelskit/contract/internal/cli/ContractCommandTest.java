package dev.reelskit.contract.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.time.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each option declared once: flag > -Dreels.* > REELS_* > default, and the secrets' rules. */
class ContractCommandTest {

  private static final String TOKEN = "ist_AbCdEfGhIjKlMnOpQrStUvWxYz12";

  private static ContractTestSettings resolve(
      Map<String, String> env, Map<String, String> props, String... args) throws UsageException {
    ContractCommand command = new ContractCommand();
    ContractCommand.commandLine(command, props, env).parseArgs(args);
    return command.settings(env);
  }

  @Test
  void each_layer_wins_over_the_ones_below_it() throws Exception {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "REELS_TOKEN", TOKEN,
                "REELS_BASE_URL", "http://env:1",
                "REELS_POLL_INTERVAL", "3s",
                "REELS_JOB_TIMEOUT", "30s",
                "REELS_MAX_UNFINISHED_JOBS", "2"));
    Map<String, String> props =
        Map.of(
            "reels.poll-interval", "2s",
            "reels.job-timeout", "20s");

    ContractTestSettings s =
        resolve(env, props, "--poll-interval", "1s", "--base-url", "http://cli:2");

    assertThat(s.baseUrl().toString()).isEqualTo("http://cli:2");
    assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.jobTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.maxUnfinishedJobs()).isEqualTo(2);
    assertThat(s.terminalRepolls()).isEqualTo(2);
    assertThat(s.rateLimit()).isEqualTo(RateLimit.DOCUMENTED);
    assertThat(s.errorReelUrl()).isEqualTo(ContractTestSettings.DEFAULT_ERROR_REEL_URL);
  }

  @Test
  void names_are_derived_from_the_flag() {
    assertThat(EnvironmentDefaults.propertyName("base-url")).isEqualTo("reels.base-url");
    assertThat(EnvironmentDefaults.variableName("base-url")).isEqualTo("REELS_BASE_URL");
    assertThat(EnvironmentDefaults.variableName("server-error-reel-url"))
        .isEqualTo("REELS_SERVER_ERROR_REEL_URL");
  }

  @Test
  void none_or_empty_unsets_the_magic_reels() throws Exception {
    ContractTestSettings s =
        resolve(
            Map.of("REELS_TOKEN", TOKEN, "REELS_SERVER_ERROR_REEL_URL", "none"),
            Map.of(),
            "--base-url",
            "http://h:1",
            "--error-reel-url",
            "");

    assertThat(s.errorReelUrl()).isNull();
    assertThat(s.serverErrorReelUrl()).isNull();
  }

  @Test
  void durations_and_rates_are_written_like_people_write_them() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(RateLimit.parse("10")).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
    assertThat(RateLimit.parse("10/min")).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
    assertThat(RateLimit.parse("5/2s")).isEqualTo(new RateLimit(5, Duration.ofSeconds(2)));
    assertThatThrownBy(() -> Durations.parse("5 seconds")).hasMessageContaining("500ms, 5s, 2m");
  }

  @Test
  void the_token_file_wins_over_the_variable(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "ist_FromTheFile0000000000000000\n");

    ContractTestSettings s =
        resolve(
            Map.of("REELS_TOKEN", TOKEN),
            Map.of(),
            "--base-url",
            "http://h:1",
            "--token-file",
            file.toString());

    assertThat(s.token()).isEqualTo("ist_FromTheFile0000000000000000");
  }

  @Test
  void the_forbidden_token_comes_from_its_variable_or_its_file_which_wins(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("forbidden"), "ist_ForbiddenFromFile000000000\n");
    Map<String, String> env =
        Map.of("REELS_TOKEN", TOKEN, "REELS_FORBIDDEN_TOKEN", " ist_ForbiddenFromEnv0000000000 ");

    ContractTestSettings fromEnv = resolve(env, Map.of(), "--base-url", "http://h:1");
    ContractTestSettings fromFile =
        resolve(
            env, Map.of(), "--base-url", "http://h:1", "--forbidden-token-file", file.toString());

    assertThat(fromEnv.forbiddenToken()).isEqualTo("ist_ForbiddenFromEnv0000000000");
    assertThat(fromFile.forbiddenToken()).isEqualTo("ist_ForbiddenFromFile000000000");
  }

  @Test
  void without_a_forbidden_token_it_is_unset_and_a_system_property_does_not_set_it()
      throws Exception {
    ContractTestSettings s =
        resolve(
            Map.of("REELS_TOKEN", TOKEN),
            Map.of("reels.forbidden-token", "ist_ForbiddenFromProperty00000"),
            "--base-url",
            "http://h:1");

    assertThat(s.forbiddenToken()).isNull();
    assertThat(s.toString()).contains("forbidden-token=(unset)");
  }

  @Test
  void an_empty_forbidden_token_file_is_a_usage_error(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("forbidden"), "\n");

    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("REELS_TOKEN", TOKEN),
                    Map.of(),
                    "--base-url",
                    "http://h:1",
                    "--forbidden-token-file",
                    file.toString()))
        .isInstanceOf(UsageException.class)
        .hasMessage("the forbidden token file " + file + " is empty");
  }

  @Test
  void the_token_itself_as_the_forbidden_token_is_a_usage_error() {
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("REELS_TOKEN", TOKEN, "REELS_FORBIDDEN_TOKEN", TOKEN),
                    Map.of(),
                    "--base-url",
                    "http://h:1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("the forbidden token is the token itself");
  }

  @Test
  void no_token_is_a_usage_error_that_names_both_sources() {
    assertThatThrownBy(() -> resolve(Map.of(), Map.of(), "--base-url", "http://h:1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("no token: set the environment variable REELS_TOKEN or pass --token-file FILE");
  }

  @Test
  void a_token_in_a_system_property_is_ignored() {
    assertThatThrownBy(
            () -> resolve(Map.of(), Map.of("reels.token", TOKEN), "--base-url", "http://h:1"))
        .isInstanceOf(UsageException.class);
  }

  @Test
  void bad_values_are_usage_errors() {
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("REELS_TOKEN", TOKEN),
                    Map.of(),
                    "--base-url",
                    "http://h:1",
                    "--poll-interval",
                    "soon"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("'--poll-interval'")
        .hasMessageContaining("'soon' is not a duration");
  }

  @Test
  void settings_never_print_the_token() throws Exception {
    ContractTestSettings s =
        resolve(Map.of("REELS_TOKEN", TOKEN), Map.of(), "--base-url", "http://h:1");

    assertThat(s.toString()).doesNotContain(TOKEN).contains("token=****Yz12");
  }

  @Test
  void settings_never_print_the_forbidden_token() throws Exception {
    String forbidden = "ist_ForbiddenFromEnv00000000Wq3Z";
    ContractTestSettings s =
        resolve(
            Map.of("REELS_TOKEN", TOKEN, "REELS_FORBIDDEN_TOKEN", forbidden),
            Map.of(),
            "--base-url",
            "http://h:1");

    assertThat(s.toString()).doesNotContain(forbidden).contains("forbidden-token=****Wq3Z");
  }
}
