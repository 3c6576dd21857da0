package dev.reelskit.openapi;

import dev.reelskit.openapi.model.KeyMoment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the spec's unions, where the documentation leaves a choice and every reading is
 * accepted: {@code hooks} and {@code topics} (a string or an array of strings), {@code key_moments}
 * items (an object or a string) and their {@code timestamp} (a clock string or seconds). The spec
 * lists those forms in {@code x-one-of} and gives the fields no type, so the generated models hold
 * them as {@code Object}: exactly what {@link ReelsJson#mapper()} read (a {@code String}, a {@code
 * List}, a {@code Map}, a {@code Number}), written back in the same form.
 */
public final class OneOfValues {

  private OneOfValues() {}

  /**
   * {@code hooks} or {@code topics} as a list of strings: one string is a list of one, null none.
   */
  public static List<String> texts(Object value) {
    List<String> texts = new ArrayList<>();
    if (value instanceof Collection<?> items) {
      items.forEach(item -> texts.add(String.valueOf(item)));
    } else if (value != null) {
      texts.add(String.valueOf(value));
    }
    return texts;
  }

  /** One {@code key_moments} item as a {@link KeyMoment}, or null when the server sent a string. */
  public static KeyMoment keyMoment(Object item) {
    return item instanceof Map<?, ?>
        ? ReelsJson.mapper().convertValue(item, KeyMoment.class)
        : null;
  }
}
