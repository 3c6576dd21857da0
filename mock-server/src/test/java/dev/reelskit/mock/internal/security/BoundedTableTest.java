package dev.reelskit.mock.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedTableTest {

  @Test
  void ever_new_keys_never_hold_more_than_the_capacity() {
    BoundedTable<String, int[]> table = new BoundedTable<>(100);
    for (int i = 0; i < 100_000; i++) {
      table.get("ist_junk" + i, k -> new int[1]);
    }
    assertThat(table.size()).isEqualTo(100);
  }

  @Test
  void the_least_recently_used_key_goes_first() {
    BoundedTable<String, int[]> table = new BoundedTable<>(2);
    int[] a = table.get("a", k -> new int[] {1});
    table.get("b", k -> new int[] {2});
    assertThat(table.get("a", k -> new int[] {9})).isSameAs(a); // a is now the most recent
    table.get("c", k -> new int[] {3}); // b goes
    assertThat(table.get("a", k -> new int[] {9})).isSameAs(a);
    assertThat(table.get("b", k -> new int[] {7})[0]).isEqualTo(7);
  }
}
