package io.crosslist.domain.job;

import java.util.Objects;

/**
 * A stored entry of a tenant's marketplace error log.
 *
 * @param id its position in the log (later entries have larger ids)
 */
public record ErrorLogEntry(long id, MarketplaceError error) {
  public ErrorLogEntry {
    Objects.requireNonNull(error, "error");
  }
}
