package io.crosslist.domain.product;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/** Out-port: the shared reference data products name by code (brands, categories, conditions, sizes, colours). */
public interface ReferenceCatalog {

  /** Every reference code with its field and display name, read on the tenant's connection (read only). */
  List<Reference> references(TenantId tenant);

  /**
   * One reference code.
   *
   * @param field the product field it fills: {@code brand}, {@code category}, {@code condition}, {@code size} or
   *     {@code colour}
   * @param code the code ({@code womens-shoes})
   * @param name its display name ({@code Women's shoes})
   */
  record Reference(String field, String code, String name) {}
}
