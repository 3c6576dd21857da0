package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.internal.extension.TokenRules.Verdict;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

  private static final String VALID = "ist_onlyValidToken000000000001";
  private static final String REVOKED = "ist_revokedToken0000000000001";
  private static final String FORBIDDEN = "ist_readOnlyToken000000000001";

  private final TokenRules exactList =
      new TokenRules(Set.of(VALID), Set.of(REVOKED), Set.of(FORBIDDEN));

  private Verdict verdict(String token) {
    return exactList.check("Bearer " + token).verdict();
  }

  @Test
  void with_an_exact_list_only_listed_tokens_are_valid() {
    assertThat(verdict(VALID)).isEqualTo(Verdict.VALID);
    assertThat(verdict("ist_someoneElse000000000000001")).isEqualTo(Verdict.INVALID);
  }

  @Test
  void a_forbidden_or_revoked_token_is_known_even_when_not_on_the_exact_list() {
    assertThat(verdict(FORBIDDEN)).isEqualTo(Verdict.FORBIDDEN);
    assertThat(verdict(REVOKED)).isEqualTo(Verdict.REVOKED);
  }

  @Test
  void a_malformed_token_is_invalid_whatever_the_lists_say() {
    TokenRules lists = new TokenRules(Set.of(), Set.of(), Set.of("ist_bad.token"));
    assertThat(lists.check("Bearer ist_bad.token").verdict()).isEqualTo(Verdict.INVALID);
  }
}
