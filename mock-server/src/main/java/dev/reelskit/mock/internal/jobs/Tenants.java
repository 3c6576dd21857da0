package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.jobs.MockClock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Every tenant, by the owner key its jobs carry and by name. Which tenant a token submits into: a
 * named tenant's own token goes to that tenant; with {@code --isolate-tokens} any other token to
 * its own tenant (made on its first job); otherwise to {@code default}. A job's tenant is found
 * from its owner key, so a job never needs to carry more than it did before tenants.
 *
 * <p>What peers can grow is bounded: a token's tenant exists only while it has jobs (or an
 * admin-set clock or pin), and jobs are capped; named tenants are made only through the admin API,
 * at most {@link #MAX_NAMED}.
 */
public final class Tenants {

  /** Named tenants at most; one per parallel test or worker is the use. */
  public static final int MAX_NAMED = 1_000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String TOKEN_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** A named tenant and the token that submits into it (shown once, never stored). */
  public record Created(Tenant tenant, String token) {}

  private final MockClock base;
  private final boolean isolate;
  private final Tenant shared;
  private final ConcurrentMap<String, Tenant> byOwner = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Tenant> byName = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  Tenants(MockClock base, boolean isolate) {
    this.base = base;
    this.isolate = isolate;
    this.shared = new Tenant(Tenant.DEFAULT, null, null, base);
  }

  public Tenant shared() {
    return shared;
  }

  public boolean isolate() {
    return isolate;
  }

  /** The tenant job {@code job} belongs to. */
  Tenant of(Job job) {
    String owner = job.owner();
    if (owner == null || byOwner.isEmpty()) {
      return shared;
    }
    return byOwner.getOrDefault(owner, shared);
  }

  /** The tenant a client with owner key {@code owner} submits into; made when it is a token's. */
  Tenant forOwner(String owner, boolean create) {
    if (owner == null) {
      return shared;
    }
    Tenant t = byOwner.get(owner);
    if (t != null || !isolate) {
      return t == null ? shared : t;
    }
    return create ? byOwner.computeIfAbsent(owner, o -> new Tenant(o, null, o, base)) : shared;
  }

  /** The tenant a token's requests run in (its clock is the client's time); never makes one. */
  public Tenant forToken(String token) {
    if (token == null || (byOwner.isEmpty())) {
      return shared;
    }
    return forOwner(Owners.of(token), false);
  }

  /** Whether {@code token} is one this mock minted for a named tenant. */
  public boolean minted(String token) {
    if (token == null || byName.isEmpty()) {
      return false;
    }
    Tenant t = byOwner.get(Owners.of(token));
    return t != null && t.name() != null;
  }

  /** The tenant the admin API names {@code id}: {@code default}, a name, or an owner key. */
  public Tenant find(String id) {
    if (id == null || Tenant.DEFAULT.equals(id)) {
      return shared;
    }
    Tenant named = byName.get(id);
    return named != null ? named : byOwner.get(id);
  }

  /**
   * A new named tenant and its token.
   *
   * @throws IllegalArgumentException for a bad name
   * @throws IllegalStateException when the name is taken or {@link #MAX_NAMED} exist
   */
  synchronized Created create(String name) {
    if (name != null && (!NAME.matcher(name).matches() || Tenant.DEFAULT.equals(name))) {
      throw new IllegalArgumentException(
          "name must be 1-64 letters, digits, '.', '_' or '-', and not 'default'");
    }
    if (byName.size() >= MAX_NAMED) {
      throw new TooMany(
          "at most " + MAX_NAMED + " named tenants; delete some (DELETE /__admin/reels/tenants/T)");
    }
    String chosen = name;
    if (chosen == null) {
      int n = byName.size() + 1;
      while (byName.containsKey("tenant-" + n)) {
        n++;
      }
      chosen = "tenant-" + n;
    }
    if (byName.containsKey(chosen) || byOwner.containsKey(chosen)) {
      throw new IllegalStateException("a tenant named '" + chosen + "' exists");
    }
    String token;
    String owner;
    do {
      token = mintToken();
      owner = Owners.of(token);
    } while (byOwner.containsKey(owner));
    Tenant t = new Tenant(chosen, chosen, owner, base);
    byOwner.put(owner, t);
    byName.put(chosen, t);
    return new Created(t, token);
  }

  /** Forgets a tenant (its jobs are the store's to remove first). */
  synchronized void remove(Tenant t) {
    if (t == shared) {
      return;
    }
    byOwner.remove(t.owner(), t);
    if (t.name() != null) {
      byName.remove(t.name(), t);
    }
  }

  /** Every tenant: {@code default} first, then named tenants, then tokens' tenants. */
  public List<Tenant> all() {
    List<Tenant> out = new ArrayList<>();
    out.add(shared);
    byOwner.values().stream()
        .sorted(
            Comparator.comparing((Tenant t) -> t.name() == null)
                .thenComparing(Tenant::id, Comparator.naturalOrder()))
        .forEach(out::add);
    return out;
  }

  /** The tenant holding the most jobs (eviction past the mock's cap). */
  Tenant largest() {
    Tenant max = shared;
    for (Tenant t : byOwner.values()) {
      if (t.jobs > max.jobs) {
        max = t;
      }
    }
    return max;
  }

  private String mintToken() {
    StringBuilder b = new StringBuilder("ist_");
    for (int i = 0; i < 28; i++) {
      b.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
    }
    return b.toString();
  }

  /** Thrown when {@link #MAX_NAMED} named tenants exist. */
  public static final class TooMany extends IllegalStateException {
    TooMany(String message) {
      super(message);
    }
  }
}
