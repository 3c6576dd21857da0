package dev.reelskit.openapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.reelskit.openapi.model.Hooks;
import dev.reelskit.openapi.model.KeyMoment;
import dev.reelskit.openapi.model.KeyMomentItem;
import dev.reelskit.openapi.model.MomentTime;
import dev.reelskit.openapi.model.Topics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The spec's {@code oneOf} fields, where the documentation leaves a choice and every reading is
 * accepted: {@code hooks} and {@code topics} (a string or an array of strings), {@code key_moments}
 * items (an object or a string) and their {@code timestamp} (a clock string or seconds). The
 * generator makes an empty class for each; {@link ReelsJson#mapper()} reads a value into a subclass
 * that keeps it exactly as sent, and writes it back in the same form, so a model round-trips
 * whichever reading a server chose.
 */
public final class OneOfValues {

  private OneOfValues() {}

  /** A value as the server sent it. */
  public interface Raw {
    JsonNode json();

    /** The value as a list of strings: one string is a list of one. */
    default List<String> texts() {
      JsonNode node = json();
      List<String> texts = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(n -> texts.add(n.asText()));
      } else if (!node.isNull()) {
        texts.add(node.asText());
      }
      return texts;
    }
  }

  /** {@code hooks}: one string or an array of strings. */
  public static final class HooksValue extends Hooks implements Raw {
    private final JsonNode json;

    public HooksValue(JsonNode json) {
      this.json = json;
    }

    @Override
    public JsonNode json() {
      return json;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HooksValue other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }

  /** {@code topics}: one string or an array of strings. */
  public static final class TopicsValue extends Topics implements Raw {
    private final JsonNode json;

    public TopicsValue(JsonNode json) {
      this.json = json;
    }

    @Override
    public JsonNode json() {
      return json;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TopicsValue other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }

  /** A key moment's {@code timestamp}: a clock string ({@code "0:03"}) or seconds ({@code 3.5}). */
  public static final class TimestampValue extends MomentTime implements Raw {
    private final JsonNode json;

    public TimestampValue(JsonNode json) {
      this.json = json;
    }

    @Override
    public JsonNode json() {
      return json;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TimestampValue other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }

  /** One {@code key_moments} item: a {@link KeyMoment} object or one string carrying the time. */
  public static final class KeyMomentItemValue extends KeyMomentItem implements Raw {
    private final JsonNode json;

    public KeyMomentItemValue(JsonNode json) {
      this.json = json;
    }

    @Override
    public JsonNode json() {
      return json;
    }

    /** The item as a {@link KeyMoment}, or null when the server sent a string. */
    public KeyMoment keyMoment() {
      return json.isObject() ? ReelsJson.mapper().convertValue(json, KeyMoment.class) : null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof KeyMomentItemValue other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }

  /** Registered once by {@link ReelsJson}. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("reels-one-of-values");
    add(module, Hooks.class, HooksValue::new);
    add(module, Topics.class, TopicsValue::new);
    add(module, MomentTime.class, TimestampValue::new);
    add(module, KeyMomentItem.class, KeyMomentItemValue::new);
    return module;
  }

  private static <T> void add(SimpleModule module, Class<T> type, Function<JsonNode, ? extends T> wrap) {
    module.addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        return wrap.apply(p.readValueAsTree());
      }
    });
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value instanceof Raw raw) {
          gen.writeTree(raw.json());
        } else {
          throw new IllegalArgumentException("a " + type.getSimpleName()
              + " holds no value; build it with OneOfValues." + type.getSimpleName() + "Value");
        }
      }
    });
  }
}
