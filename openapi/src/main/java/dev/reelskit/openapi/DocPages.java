package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The seven pages of the Reels API's public documentation as data: every checkable statement
 * (bodies and their situations, limits, token forms, retry advice, error causes), each tagged with
 * its page. Read from the classpath ({@value #FOLDER}, from {@code openapi/doc-pages/}); the spec,
 * the mock, the contract suites and the client rules are held to them by the build.
 *
 * <p>Where pages disagree every page's version is kept; {@link #mockBody(String)} picks the one the
 * kit's mock sends, from the first page of {@link #precedence()} that has one.
 */
public final class DocPages {

  /** Where the pages live on the classpath. */
  public static final String FOLDER = "/openapi/doc-pages/";

  private static final Set<String> OPERATIONS = Set.of("analyzeReel", "getReel", "any");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final DocPages INSTANCE = read(DocPages::resource);

  private final List<String> precedence;
  private final Map<String, DocPage> pages;
  private final Map<String, DocTrigger> triggers;

  private DocPages(
      List<String> precedence, Map<String, DocPage> pages, Map<String, DocTrigger> triggers) {
    this.precedence = List.copyOf(precedence);
    this.pages = pages;
    this.triggers = triggers;
  }

  /** The pages packaged with this jar (read once per class loader). */
  public static DocPages get() {
    return INSTANCE;
  }

  /** The page names, most specific first: whose body the mock sends where pages disagree. */
  public List<String> precedence() {
    return precedence;
  }

  /** Every page, in the documentation's order. */
  public List<DocPage> pages() {
    return List.copyOf(pages.values());
  }

  /** One page by name (overview, analyze, result, schema, pipeline, authentication, errors). */
  public DocPage page(String name) {
    DocPage page = pages.get(name);
    if (page == null) {
      throw new IllegalArgumentException("no documentation page named " + name);
    }
    return page;
  }

  /** Every trigger, by name. */
  public Map<String, DocTrigger> triggers() {
    return triggers;
  }

  /** One trigger by name. */
  public DocTrigger trigger(String name) {
    DocTrigger trigger = triggers.get(name);
    if (trigger == null) {
      throw new IllegalArgumentException("no trigger named " + name);
    }
    return trigger;
  }

  /** Every body of every page, each tagged with its page. */
  public List<DocBody> bodies() {
    return pages.values().stream().flatMap(p -> p.bodies().stream()).toList();
  }

  /** Every page's version of the body sent for {@code trigger}, most specific page first. */
  public List<DocBody> bodiesFor(String trigger) {
    trigger(trigger);
    List<DocBody> out = new ArrayList<>();
    for (String name : precedence) {
      for (DocBody b : pages.get(name).bodies()) {
        if (b.situation().trigger().equals(trigger)) {
          out.add(b);
        }
      }
    }
    return out;
  }

  /**
   * The whole body the kit's mock sends for {@code trigger}: the most specific page's version.
   * Empty when no page shows a whole body for it.
   */
  public Optional<DocBody> mockBody(String trigger) {
    return bodiesFor(trigger).stream().filter(b -> b.at().isEmpty()).findFirst();
  }

  /**
   * For each trigger and each part of a response ({@link DocBody#at()}), the one body the kit's
   * mock sends: the most specific page's.
   */
  public List<DocBody> mockBodies() {
    Map<String, DocBody> chosen = new LinkedHashMap<>();
    for (String trigger : triggers.keySet()) {
      for (DocBody b : bodiesFor(trigger)) {
        chosen.putIfAbsent(trigger + " " + b.at(), b);
      }
    }
    return List.copyOf(chosen.values());
  }

  /** Every general rule about bodies, of every page. */
  public List<DocPage.Shape> shapes() {
    return pages.values().stream().flatMap(p -> p.shapes().stream()).toList();
  }

  /** The tokens the pages' snippets use in place of a real one; a mock accepts each. */
  public List<String> tokenPlaceholders() {
    Set<String> all = new LinkedHashSet<>();
    for (DocPage p : pages.values()) {
      if (p.tokens() != null) {
        all.addAll(p.tokens().placeholders());
      }
    }
    return List.copyOf(all);
  }

  /** The example token of the authentication page: the shape of a real token. */
  public String exampleToken() {
    return first(DocPage::tokens, "tokens with an example", t -> t.example() != null).example();
  }

  /** The documented limits (the overview's). */
  public DocPage.Limits limits() {
    return first(DocPage::limits, "limits", l -> true);
  }

  /** The documented retry recommendation (the errors page's). */
  public DocPage.Retry retry() {
    return first(DocPage::retry, "a retry recommendation", r -> true);
  }

  /** How the docs' own clients poll (the result page's). */
  public DocPage.Polling polling() {
    return first(DocPage::polling, "polling", p -> true);
  }

  /** Why a job may end in {@code error} (the errors page's causes). */
  public List<DocPage.Cause> causes() {
    return pages.values().stream().flatMap(p -> p.causes().stream()).toList();
  }

  private <T> T first(
      Function<DocPage, T> section, String what, java.util.function.Predicate<T> ok) {
    for (String name : precedence) {
      T value = section.apply(pages.get(name));
      if (value != null && ok.test(value)) {
        return value;
      }
    }
    throw new IllegalStateException("no documentation page gives " + what);
  }

  /** The pages as {@code source} gives each file's text by name (e.g. "index.yaml"). */
  static DocPages read(Function<String, String> source) {
    JsonNode index = tree(source.apply("index.yaml"), "index.yaml");
    List<String> names = strings(index.path("pages"));
    List<String> precedence = strings(index.path("precedence"));
    Map<String, DocTrigger> triggers = new LinkedHashMap<>();
    index
        .path("triggers")
        .properties()
        .forEach(
            e -> triggers.put(e.getKey(), convert(e.getValue(), DocTrigger.class, e.getKey())));
    triggers.replaceAll((key, t) -> t.named(key));
    Map<String, DocPage> pages = new LinkedHashMap<>();
    for (String name : names) {
      String file = name + ".yaml";
      pages.put(name, convert(tree(source.apply(file), file), DocPage.class, file));
    }
    List<String> problems = problems(names, precedence, pages, triggers);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the documentation pages are inconsistent:\n  " + String.join("\n  ", problems));
    }
    return new DocPages(precedence, pages, Map.copyOf(triggers));
  }

  private static List<String> problems(
      List<String> names,
      List<String> precedence,
      Map<String, DocPage> pages,
      Map<String, DocTrigger> triggers) {
    List<String> problems = new ArrayList<>();
    if (!new HashSet<>(names).equals(new HashSet<>(precedence))
        || names.size() != precedence.size()) {
      problems.add("index.yaml: precedence must list every page once: " + precedence);
    }
    pages.forEach(
        (name, page) -> {
          if (!name.equals(page.page())) {
            problems.add(name + ".yaml: says page " + page.page());
          }
          Set<String> ids = new HashSet<>();
          for (DocBody b : page.bodies()) {
            String where = name + ".yaml body " + b.id();
            if (!ids.add(b.id())) {
              problems.add(where + ": id used twice");
            }
            if (b.situation() == null || b.body() == null) {
              problems.add(where + ": needs a situation and a body");
              continue;
            }
            if (!triggers.containsKey(b.situation().trigger())) {
              problems.add(where + ": unknown trigger " + b.situation().trigger());
            }
            if (!OPERATIONS.contains(b.situation().operation())) {
              problems.add(where + ": unknown operation " + b.situation().operation());
            }
            for (String p : concat(b.placeholders(), b.elided())) {
              if (b.body().at(p).isMissingNode()) {
                problems.add(where + ": no member at " + p);
              }
            }
          }
          for (DocPage.Request r : page.requests()) {
            if (!triggers.containsKey(r.trigger())) {
              problems.add(name + ".yaml request " + r.id() + ": unknown trigger " + r.trigger());
            }
          }
        });
    return problems;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode tree(String text, String file) {
    try {
      return YAML.readTree(Objects.requireNonNull(text, file + " is missing"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static <T> T convert(JsonNode node, Class<T> type, String file) {
    try {
      return YAML.treeToValue(node, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String resource(String file) {
    try (InputStream in = DocPages.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException(FOLDER + file + " is not on the classpath");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + file, e);
    }
  }
}
