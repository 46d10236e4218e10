package io.crosslist.application.schedule;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which tenants one run of a recurring task works on: {@link #ALL} (every tenant the task concerns, its ticks'
 * scope), or a selection (for a run now of a few tenants), of which only those the task concerns are worked on.
 */
public final class TenantScope {
  /** The most tenants a selection may name. */
  public static final int MAX_SELECTED = 1_000_000;
  /** Every tenant the task concerns. */
  public static final TenantScope ALL = new TenantScope(null);
  private final List<TenantId> selected;

  private TenantScope(List<TenantId> selected) {
    this.selected = selected;
  }

  /**
   * Only these tenants (in id order, each once).
   *
   * @throws ValidationException naming {@code tenants} when it is empty, holds a null or more than
   *     {@value #MAX_SELECTED} tenants
   */
  public static TenantScope only(Collection<TenantId> tenants) {
    if (tenants == null || tenants.isEmpty()) {
      throw ValidationException.of("tenants", "must name at least one tenant");
    }
    if (tenants.stream().anyMatch(Objects::isNull)) {
      throw ValidationException.of("tenants", "must hold tenant ids, not null");
    }
    TreeSet<TenantId> sorted = new TreeSet<>();
    sorted.addAll(tenants);
    if (sorted.size() > MAX_SELECTED) {
      throw ValidationException.of("tenants", "must name at most " + MAX_SELECTED + " tenants");
    }
    return new TenantScope(List.copyOf(sorted));
  }

  /** The selected tenants in id order, or empty for {@link #ALL}. */
  public Optional<List<TenantId>> selected() {
    return Optional.ofNullable(selected);
  }

  public boolean isAll() {
    return selected == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantScope other && Objects.equals(selected, other.selected);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(selected);
  }

  @Override
  public String toString() {
    return selected == null ? "every tenant" : selected.size() + " selected tenant(s)";
  }
}
