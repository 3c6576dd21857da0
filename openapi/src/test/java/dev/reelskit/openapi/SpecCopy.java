package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** A copy of the packaged spec with a hand-made edit, for tests of what follows from the spec. */
public final class SpecCopy {

  private final ObjectNode document;

  private SpecCopy(ObjectNode document) {
    this.document = document;
  }

  public static SpecCopy ofPackaged() {
    return new SpecCopy((ObjectNode) Yaml.read(ReelsApiSpec.get().yaml()));
  }

  public SpecCopy edit(Consumer<ObjectNode> change) {
    change.accept(document);
    return this;
  }

  public SpecCopy lifecycle(Consumer<ObjectNode> change) {
    change.accept((ObjectNode) document.at(LifecycleParser.POINTER));
    return this;
  }

  public SpecCopy state(String name, Consumer<ObjectNode> change) {
    change.accept((ObjectNode) document.at(LifecycleParser.POINTER + "/states/" + name));
    return this;
  }

  public SpecCopy addState(String name, boolean terminal, String... sets) {
    ObjectNode state =
        ((ObjectNode) document.at(LifecycleParser.POINTER + "/states")).putObject(name);
    if (terminal) {
      state.put("terminal", true);
    }
    ArrayNode fields = state.putArray("sets");
    for (String s : sets) {
      fields.add(s);
    }
    return this;
  }

  public SpecCopy statusEnum(Consumer<ArrayNode> change) {
    change.accept((ArrayNode) document.at("/components/schemas/JobStatus/enum"));
    return this;
  }

  public SpecCopy version(String version) {
    ((ObjectNode) document.get("info")).put("version", version);
    return this;
  }

  public ObjectNode document() {
    return document;
  }

  public String yaml() {
    return Yaml.write(document);
  }

  public ReelsApiSpec parse() {
    return ReelsApiSpec.parse(yaml());
  }
}
