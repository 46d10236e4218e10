package io.crosslist.domain.product;

import io.crosslist.domain.DomainException;

/** A write would give a second live product of the tenant the same SKU; nothing was written. */
public final class DuplicateSkuException extends DomainException {
  private static final long serialVersionUID = 1L;

  public DuplicateSkuException(String sku) {
    super("sku: another live product already has the SKU '" + sku + "'");
  }
}
