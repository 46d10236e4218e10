package io.crosslist.application.imports.woocommerce;

import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.ProductImportRepository.ParentRow;
import io.crosslist.domain.product.ProductDetails;
import java.util.List;

/**
 * What one data row of a WooCommerce export becomes.
 *
 * @param kind what the row is
 * @param sku the product's SKU ({@link Kind#PRODUCT} only)
 * @param details the product's details ({@link Kind#PRODUCT} only)
 * @param parent the row kept for its variations ({@link Kind#PARENT} only)
 * @param issues what could not be taken as it is; a failed row has at least one with {@code rowFailed}
 */
public record RowResult(Kind kind, String sku, ProductDetails details, ParentRow parent, List<ImportIssue> issues) {

  /** What a row is. */
  public enum Kind {
    /** A product to create or update by SKU. */
    PRODUCT,
    /** A variable product: no product itself; kept for the variations that name it. */
    PARENT,
    /** A row that is no product (a grouped product). */
    SKIPPED,
    /** A row that could not be imported. */
    FAILED
  }

  public RowResult {
    issues = List.copyOf(issues);
  }

  static RowResult failed(List<ImportIssue> issues) {
    return new RowResult(Kind.FAILED, null, null, null, issues);
  }
}
