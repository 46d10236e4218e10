package io.crosslist.domain.marketplace;

import java.util.Objects;

/** A listing as the marketplace knows it: its id there and its public page. */
public record ExternalListing(String externalId, String url) {
  public ExternalListing {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(url, "url");
  }
}
