package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.store.InMemoryStubMappingStore;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * WireMock's stub store with the built-in API underneath: matching tries every user stub first
 * (Java DSL, {@code /__admin/mappings}, {@code mappings/} files), in WireMock's order, then the few
 * {@link ApiStubs}. Everything else — listing, editing, removing, resetting — sees the user's stubs
 * only, so {@code GET /__admin/mappings} shows no plumbing and a {@code resetAll()} cannot delete
 * the API.
 */
final class ReelsStubMappingStore implements StubMappingStore {

  private final StubMappingStore user = new InMemoryStubMappingStore();
  private final List<StubMapping> builtIn;

  ReelsStubMappingStore(List<StubMapping> builtIn) {
    this.builtIn = List.copyOf(builtIn);
  }

  @Override
  public Stream<StubMapping> findAllMatchingRequest(
      Request request,
      Map<String, RequestMatcherExtension> customMatchers,
      Consumer<SubEvent> subEvents) {
    return Stream.concat(user.getAll(), builtIn.stream())
        .filter(
            stub -> {
              var result = stub.getRequest().match(request, customMatchers);
              result.getSubEvents().forEach(subEvents);
              return result.isExactMatch();
            });
  }

  @Override
  public Stream<StubMapping> getAll() {
    return user.getAll();
  }

  @Override
  public Optional<StubMapping> get(UUID id) {
    return user.get(id);
  }

  @Override
  public void add(StubMapping stub) {
    user.add(stub);
  }

  @Override
  public void replace(StubMapping existing, StubMapping updated) {
    user.replace(existing, updated);
  }

  @Override
  @SuppressWarnings("removal") // still abstract in WireMock 3.13.2, so it must be implemented
  public void remove(StubMapping stubMapping) {
    user.remove(stubMapping);
  }

  @Override
  public void remove(UUID id) {
    user.remove(id);
  }

  @Override
  public void clear() {
    user.clear();
  }
}
