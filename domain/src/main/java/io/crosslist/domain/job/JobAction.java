package io.crosslist.domain.job;

/** What a marketplace job does. Whether it concerns one product is part of the action. */
public enum JobAction {
  /** List a product on the marketplace. */
  PUBLISH(true),
  /** Push a product's changes to its listing. */
  UPDATE(true),
  /** Remove a product's listing. */
  DELETE(true),
  /** Create products from the account's marketplace catalogue. */
  IMPORT_PRODUCTS(false),
  /** Enrich products with marketplace data (categories, suggested prices). */
  ENRICH_PRODUCTS(false),
  /** Fetch new orders from the marketplace. */
  SYNC_ORDERS(false);

  private final boolean needsProduct;

  JobAction(boolean needsProduct) {
    this.needsProduct = needsProduct;
  }

  /** Whether a job of this action must name the product it acts on. */
  public boolean needsProduct() {
    return needsProduct;
  }
}
