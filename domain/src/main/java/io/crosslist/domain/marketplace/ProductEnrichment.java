package io.crosslist.domain.marketplace;

/**
 * What a marketplace suggests for a product.
 *
 * @param description a better description, or null when it has none
 */
public record ProductEnrichment(String description) {}
