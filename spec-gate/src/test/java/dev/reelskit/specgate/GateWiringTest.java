package dev.reelskit.specgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The gate as {@code mvn verify} wires it, not as the unit tests call it: the exec execution in
 * this module's pom.xml is read, its {@code ${...}} placeholders resolved the way Maven does (for a
 * copy of the repository's layout in a temp folder), and its main class run with exactly those
 * arguments in a fresh JVM. A breaking working spec (the baseline without an operation, same
 * version) must end that process non-zero, the repository's own pair zero; pointing the execution
 * at the wrong files (the baseline twice, the working spec twice) fails here.
 */
class GateWiringTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  @TempDir static Path repo;

  private static String mainClass;
  private static List<String> arguments;
  private static String phase;
  private static List<String> goals;
  private static Map<String, String> properties;

  @BeforeAll
  static void read_the_pom() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
    XPath xpath = XPathFactory.newInstance().newXPath();
    Element execution =
        (Element)
            xpath.evaluate(
                "/project/build/plugins/plugin[artifactId='exec-maven-plugin']"
                    + "/executions/execution[id='spec-compatibility-gate']",
                pom,
                XPathConstants.NODE);
    assertThat(execution).as("the gate's execution in spec-gate/pom.xml").isNotNull();
    phase = xpath.evaluate("phase", execution);
    goals = texts(xpath, "goals/goal", execution);
    mainClass = xpath.evaluate("configuration/mainClass", execution);
    arguments = texts(xpath, "configuration/arguments/argument", execution);
    properties = new HashMap<>();
    NodeList declared =
        (NodeList) xpath.evaluate("/project/properties/*", pom, XPathConstants.NODESET);
    for (int i = 0; i < declared.getLength(); i++) {
      properties.put(declared.item(i).getNodeName(), declared.item(i).getTextContent().trim());
    }
  }

  @Test
  void verify_runs_the_gate_on_the_working_spec_against_the_released_baseline() {
    assertThat(phase).isEqualTo("verify");
    assertThat(goals).containsExactly("java");
    assertThat(mainClass).isEqualTo(CompareMain.class.getName());
    Path basedir = Path.of("").toAbsolutePath();
    List<String> resolved = resolve(basedir);
    assertThat(resolved).hasSize(4);
    assertThat(resolved.get(0)).isEqualTo("--report");
    assertThat(Path.of(resolved.get(2)).normalize())
        .as("the old spec the gate reads")
        .isEqualTo(basedir.resolve("baseline/reels-api.yaml"))
        .exists();
    assertThat(Path.of(resolved.get(3)).normalize())
        .as("the new spec the gate reads")
        .isEqualTo(basedir.resolve("../openapi/reels-api.yaml").normalize())
        .exists();
  }

  @Test
  void the_declared_command_fails_on_a_breaking_working_spec_and_passes_the_unchanged_pair()
      throws Exception {
    Path basedir = layout(Files.readString(Path.of("../openapi/reels-api.yaml")));
    Process unchanged = start(basedir, "unchanged");

    // The released baseline itself, same version, without the read operation: breaking for
    // any baseline (the working spec's major may already be ahead of the baseline's).
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode edited = (ObjectNode) yaml.readTree(Path.of("baseline/reels-api.yaml").toFile());
    assertThat(((ObjectNode) edited.get("paths")).remove("/api/v1/reels/{id}")).isNotNull();
    Path breaking = layout(yaml.writeValueAsString(edited));
    Process broken = start(breaking, "breaking");

    assertThat(exit(unchanged)).as("the gate on the repository's own pair").isZero();
    assertThat(exit(broken)).as("the gate on a working spec without GET /reels/{id}").isEqualTo(1);
    assertThat(breaking.resolve("target/spec-compatibility.txt"))
        .content(StandardCharsets.UTF_8)
        .contains("verdict: BREAKING")
        .contains("/api/v1/reels/{id}");
  }

  /** A copy of the layout the pom expects: spec-gate/baseline/ beside openapi/; returns basedir. */
  private static Path layout(String working) throws IOException {
    Path root = Files.createTempDirectory(repo, "repo");
    Path basedir = Files.createDirectories(root.resolve("spec-gate"));
    Files.createDirectories(basedir.resolve("baseline"));
    Files.createDirectories(basedir.resolve("target"));
    Files.copy(Path.of("baseline/reels-api.yaml"), basedir.resolve("baseline/reels-api.yaml"));
    Files.createDirectories(root.resolve("openapi"));
    Files.writeString(root.resolve("openapi/reels-api.yaml"), working);
    return basedir;
  }

  /** The execution's main class with its arguments as Maven resolves them, in its own JVM. */
  private static Process start(Path basedir, String name) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(resolve(basedir));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(basedir.resolve("target/" + name + ".log").toFile())
        .start();
  }

  private static int exit(Process process) throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the gate did not end within 60 s");
    }
    return process.exitValue();
  }

  /** Maven's interpolation for what the execution uses: project.*, then the pom's properties. */
  private static List<String> resolve(Path basedir) {
    Map<String, String> values = new HashMap<>(properties);
    values.put("project.basedir", basedir.toString());
    values.put("project.build.directory", basedir.resolve("target").toString());
    return arguments.stream().map(a -> interpolate(a, values, 0)).toList();
  }

  private static String interpolate(String text, Map<String, String> values, int depth) {
    assertThat(depth).as("placeholders nest too deep in " + text).isLessThan(10);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      assertThat(value).as("${" + m.group(1) + "} is not defined in spec-gate/pom.xml").isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(interpolate(value, values, depth + 1)));
    }
    return m.appendTail(out).toString();
  }

  private static List<String> texts(XPath xpath, String path, Element from) throws Exception {
    NodeList nodes = (NodeList) xpath.evaluate(path, from, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }
}
