package io.crosslist.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Values indexed by a key they carry, at most one per key: gateways by marketplace, job handlers by (marketplace,
 * action). A second value for a key is refused with both named, so a wiring mistake fails at start-up instead of one
 * of the two being used silently. Keys are compared with {@code equals}; values keep the order they were given in.
 *
 * <pre>{@code
 * UniqueIndex<Marketplace, OAuthGateway> oauth = UniqueIndex.of("OAuth gateways", gateways, OAuthGateway::marketplace);
 * oauth.find(Marketplace.EBAY).ifPresent(gateway -> gateway.refresh(tenant, account, refreshToken));
 * }</pre>
 *
 * @param <K> the key, a value with {@code equals} and {@code hashCode}
 * @param <V> what is indexed
 */
public final class UniqueIndex<K, V> {
  private final Map<K, V> byKey;

  private UniqueIndex(Map<K, V> byKey) {
    this.byKey = Collections.unmodifiableMap(byKey);
  }

  /**
   * Indexes {@code values} by {@code key}.
   *
   * @param what what the values are, plural, for the messages (e.g. {@code "OAuth gateways"})
   * @throws IllegalArgumentException when two values have the same key (naming the key and both values' classes)
   *     or a value has no key
   * @throws NullPointerException when {@code values} holds null
   */
  public static <K, V> UniqueIndex<K, V> of(String what, Collection<? extends V> values,
      Function<? super V, ? extends K> key) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(key, "key");
    Map<K, V> byKey = new LinkedHashMap<>();
    for (V value : Objects.requireNonNull(values, what)) {
      Objects.requireNonNull(value, () -> what + " must not contain null");
      K k = key.apply(value);
      if (k == null) {
        throw new IllegalArgumentException(what + ": " + value.getClass().getName() + " has no key (null)");
      }
      V previous = byKey.putIfAbsent(k, value);
      if (previous != null) {
        throw new IllegalArgumentException("two " + what + " for " + k + ": " + previous.getClass().getName()
            + " and " + value.getClass().getName());
      }
    }
    return new UniqueIndex<>(byKey);
  }

  /** The value for {@code key}, if there is one. */
  public Optional<V> find(K key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public boolean contains(K key) {
    return byKey.containsKey(key);
  }

  /** The keys, in the order their values were given. */
  public Set<K> keys() {
    return byKey.keySet();
  }

  /** The values, in the order they were given. */
  public List<V> values() {
    return List.copyOf(byKey.values());
  }

  public int size() {
    return byKey.size();
  }

  @Override
  public String toString() {
    return byKey.toString();
  }
}
