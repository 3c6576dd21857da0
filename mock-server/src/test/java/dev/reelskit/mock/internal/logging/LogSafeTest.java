package dev.reelskit.mock.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text a client sent, printed in a log line: nothing in it reaches the terminal as a command. */
class LogSafeTest {

  /** Every character a terminal or log reader acts on: C0, DEL, C1, separators, bidi controls. */
  private static final String HOSTILE =
      "\u001b]0;pwned\u0007\u001b[2J\r\nFAKE 12:00:00 INFO job 1 done\u0000\u007f\u009b31m"
          + "\u2028\u2029\u202eevil\u2066\u200f\u061c";

  @Test
  void every_control_character_is_escaped_and_the_rest_kept() {
    String url = "https://www.instagram.com/reel/X/?q=" + HOSTILE;
    String safe = LogSafe.text(url);
    assertThat(safe.chars().filter(c -> LogSafe.unsafe((char) c))).isEmpty();
    assertThat(safe)
        .startsWith("https://www.instagram.com/reel/X/?q=\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x0aFAKE")
        .contains("\\x00\\x7f\\x9b31m\\u2028\\u2029\\u202eevil\\u2066\\u200f\\u061c");
  }

  @Test
  void a_backslash_is_doubled_so_an_escape_is_never_ambiguous() {
    assertThat(LogSafe.text("a\\x1b\u001b")).isEqualTo("a\\\\x1b\\x1b");
  }

  @Test
  void plain_text_comes_back_as_it_is() {
    String plain = "https://www.instagram.com/reel/DYa0IXPgnP5/?igsh=MXN0Y2Fvb2t4ZzNxZQ==";
    assertThat(LogSafe.text(plain)).isSameAs(plain);
    assertThat(LogSafe.text("ünïcödé 日本")).isEqualTo("ünïcödé 日本");
  }

  @Test
  void a_long_value_is_cut_with_its_length_said() {
    String safe = LogSafe.text("x".repeat(1_000_000));
    assertThat(safe).hasSize(LogSafe.MAX_CHARS + "...(1000000 chars)".length());
    assertThat(safe).endsWith("...(1000000 chars)");
  }

  /** The jar's logging: a control character left in a message or stack trace is printed '?'. */
  @ParameterizedTest(name = "message {0}")
  @ValueSource(strings = {"\u001b[31mred", "bell\u0007", "line\nforged", "\u009b2J", "\u202eabc"})
  void the_jar_s_log_pattern_prints_no_control_character(String hostile) throws Exception {
    String out = logThroughTheJarConfig(hostile);
    assertThat(out).contains("INFO  before").contains("WARN  boom");
    assertThat(out.chars().filter(c -> c != '\n' && c != '\t' && LogSafe.unsafe((char) c)))
        .as("control characters printed in %s", out)
        .isEmpty();
    assertThat(out.lines())
        .as("no line of the peer's making")
        .noneMatch(l -> l.startsWith("forged"));
    assertThat(out).containsOnlyOnce("java.lang.IllegalStateException"); // one stack trace only
  }

  private static String logThroughTheJarConfig(String hostile) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JoranConfigurator config = new JoranConfigurator();
      config.setContext(context);
      config.doConfigure(LogSafe.class.getResource("/dev/reelskit/mock/logback-cli.xml"));
      var log = context.getLogger("dev.reelskit.mock.test");
      log.info("before {}", hostile);
      log.warn("boom", new IllegalStateException("thrown with " + hostile));
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
