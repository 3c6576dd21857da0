package dev.reelskit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every relative link in the pages points at a file that exists, and at a heading that exists. */
class LinksTest {

  @Test
  void every_relative_link_and_anchor_resolves() {
    List<String> broken = new ArrayList<>();
    for (Path page : DocPages.all()) {
      for (String[] link : DocPages.links(page)) {
        String target = link[0];
        if (target.matches("^[a-z]+:.*")) {
          continue; // http(s), mailto: not this build's to check
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        String where = DocPages.name(page) + ":" + link[1] + " -> " + target;
        if (!Files.exists(resolved)) {
          broken.add(where + " (no such file)");
        } else if (anchor != null && !resolved.toString().endsWith(".md")) {
          broken.add(where + " (an anchor into a file that is not a page)");
        } else if (anchor != null && !DocPages.anchors(resolved).contains(anchor)) {
          broken.add(where + " (no heading with that anchor)");
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void the_pages_are_found_and_the_landing_page_stays_short() {
    assertThat(DocPages.all()).extracting(DocPages::name).contains("README.md", "docs/mock.md");
    assertThat(DocPages.lines(DocPages.ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void the_slugs_are_githubs() {
    assertThat(DocPages.slug("What the spec decided where the docs are silent or disagree"))
        .isEqualTo("what-the-spec-decided-where-the-docs-are-silent-or-disagree");
    assertThat(DocPages.slug("Any language: `check-client`"))
        .isEqualTo("any-language-check-client");
    assertThat(DocPages.slug("Reuse the suites in another JUnit 5 build"))
        .isEqualTo("reuse-the-suites-in-another-junit-5-build");
  }
}
