package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/client-rules.md documents every rule under the anchor reports point to, with its exact
 * title.
 */
class ClientRulesCatalogueTest {

  // Surefire runs in the module directory; the catalogue sits at the repository root.
  static final Path CATALOGUE = Path.of("..", "docs", "client-rules.md");

  @Test
  void every_rule_has_its_anchor_and_title_in_the_catalogue() throws IOException {
    String text = Files.readString(CATALOGUE);

    for (ClientRule rule : ClientRules.all()) {
      String anchor = rule.anchor().substring(rule.anchor().indexOf('#') + 1);
      assertThat(text)
          .as(rule.id())
          .contains("<a id=\"" + anchor + "\"></a>\n### " + rule.id() + " " + rule.title() + "\n");
    }
  }

  @Test
  void the_catalogue_carries_the_twelve_versus_ten_note() throws IOException {
    assertThat(Files.readString(CATALOGUE))
        .contains("12 requests a minute, above the documented 10");
  }
}
