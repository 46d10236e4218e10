package io.crosslist.bootstrap;

import io.crosslist.domain.tenant.InvalidTenantIdException;
import io.crosslist.domain.tenant.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tenants named on the command line: ids ({@code 42}), ranges ({@code 1-10000}), comma-separated lists of
 * both, and {@code @FILE} (one id or range per line; blank lines and {@code #} comments skipped). Every id is
 * read by {@link TenantId#parse}, so a tenant has one textual form here as everywhere.
 */
final class TenantSelection {
  /** The most tenants one selection may name. */
  static final int MAX_TENANTS = 1_000_000;

  private TenantSelection() {}

  /** The tenants {@code specs} name, in the order given, each once. */
  static List<TenantId> parse(List<String> specs) {
    Set<TenantId> tenants = new LinkedHashSet<>();
    for (String spec : specs) {
      if (spec.startsWith("@")) {
        Path file = Path.of(spec.substring(1));
        List<String> lines;
        try {
          lines = Files.readAllLines(file);
        } catch (IOException e) {
          throw new IllegalArgumentException("tenants: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          try {
            add(tenants, line);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage());
          }
        }
      } else {
        for (String part : spec.split(",", -1)) {
          add(tenants, part);
        }
      }
    }
    return List.copyOf(tenants);
  }

  private static void add(Set<TenantId> tenants, String part) {
    int dash = part.indexOf('-', 1);
    try {
      if (dash < 0) {
        tenants.add(TenantId.parse(part));
        check(tenants);
        return;
      }
      TenantId from = TenantId.parse(part.substring(0, dash));
      TenantId to = TenantId.parse(part.substring(dash + 1));
      if (to.value() < from.value()) {
        throw new IllegalArgumentException("tenants: the range " + part + " ends before it starts");
      }
      if (to.value() - from.value() >= MAX_TENANTS) {
        throw new IllegalArgumentException("tenants: the range " + part + " names more than " + MAX_TENANTS
            + " tenants");
      }
      for (long id = from.value(); id <= to.value(); id++) {
        tenants.add(TenantId.of(id));
      }
      check(tenants);
    } catch (InvalidTenantIdException e) {
      throw new IllegalArgumentException("tenants: '" + part + "': " + e.getMessage()
          + " (a selection is ids and ranges such as 1-100, comma-separated, or @FILE)");
    }
  }

  private static void check(Set<TenantId> tenants) {
    if (tenants.size() > MAX_TENANTS) {
      throw new IllegalArgumentException("tenants: a selection names at most " + MAX_TENANTS + " tenants");
    }
  }

  /** For messages: the first few tenants of {@code tenants}. */
  static String sample(List<TenantId> tenants) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(10, tenants.size()); i++) {
      shown.add(Long.toString(tenants.get(i).value()));
    }
    return String.join(", ", shown) + (tenants.size() > 10 ? ", ..." : "");
  }
}
