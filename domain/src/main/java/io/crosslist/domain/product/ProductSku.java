package io.crosslist.domain.product;

import io.crosslist.domain.ValidationException;

/**
 * The rule of a product's stock keeping unit: 1 to {@value #MAX_LENGTH} characters, no leading or trailing
 * white space, no control character. A SKU names at most one live product of a tenant (the store keeps it
 * unique), so an import keyed by SKU updates instead of duplicating.
 */
public final class ProductSku {
  public static final int MAX_LENGTH = 100;
  public static final String RULE = "must be 1 to " + MAX_LENGTH
      + " characters without leading or trailing spaces or control characters";

  private ProductSku() {}

  /** Whether {@code sku} has the form (null has not). */
  public static boolean isValid(String sku) {
    if (sku == null || sku.isEmpty() || sku.length() > MAX_LENGTH || !sku.strip().equals(sku)) {
      return false;
    }
    return sku.chars().noneMatch(Character::isISOControl);
  }

  /**
   * Returns {@code sku} when it has the form.
   *
   * @throws ValidationException on {@code sku} naming the rule
   */
  public static String require(String sku) {
    if (!isValid(sku)) {
      throw ValidationException.of("sku", RULE);
    }
    return sku;
  }
}
