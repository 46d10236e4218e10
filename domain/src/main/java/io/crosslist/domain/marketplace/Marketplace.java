package io.crosslist.domain.marketplace;

/** A marketplace Crosslist publishes to. */
public enum Marketplace {
  VINTED,
  EBAY,
  ETSY
}
