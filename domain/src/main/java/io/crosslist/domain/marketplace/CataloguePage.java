package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.ProductDetails;
import java.util.List;

/**
 * One page of a marketplace catalogue.
 *
 * @param items the page's items, in catalogue order
 * @param total items in the whole catalogue
 * @param last whether no page follows
 */
public record CataloguePage(List<Item> items, int total, boolean last) {
  public CataloguePage {
    items = List.copyOf(items);
  }

  /** An item of the catalogue, as details Crosslist can store. */
  public record Item(String externalId, ProductDetails details) {}
}
