package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.ProductDetails;

/**
 * How long a listing's title and description may be on a marketplace, in characters (code points). A product
 * itself allows {@link ProductDetails#MAX_TITLE} and {@link ProductDetails#MAX_DESCRIPTION}; a marketplace's limits
 * are never above those, since a suggestion is applied to the product.
 *
 * @param maxTitle 1 to {@link ProductDetails#MAX_TITLE}
 * @param maxDescription 1 to {@link ProductDetails#MAX_DESCRIPTION}
 */
public record ListingLimits(int maxTitle, int maxDescription) {
  /** A product's own limits: what a marketplace Crosslist knows nothing about gets. */
  public static final ListingLimits PRODUCT = new ListingLimits(ProductDetails.MAX_TITLE, ProductDetails.MAX_DESCRIPTION);

  public ListingLimits {
    if (maxTitle < 1 || maxTitle > ProductDetails.MAX_TITLE) {
      throw new IllegalArgumentException("maxTitle must be 1 to " + ProductDetails.MAX_TITLE + ", got " + maxTitle);
    }
    if (maxDescription < 1 || maxDescription > ProductDetails.MAX_DESCRIPTION) {
      throw new IllegalArgumentException("maxDescription must be 1 to " + ProductDetails.MAX_DESCRIPTION + ", got "
          + maxDescription);
    }
  }
}
