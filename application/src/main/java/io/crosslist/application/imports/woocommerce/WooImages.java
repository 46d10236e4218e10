package io.crosslist.application.imports.woocommerce;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.ProductDetails;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code Images} column: comma-separated URLs; a variation's own first, then its parent's. */
final class WooImages {
  private static final Money ANY = Money.of("0", "EUR");

  private WooImages() {}

  /** The row's image URLs, at most {@value ProductDetails#MAX_IMAGES}; each one dropped is an issue. */
  static List<String> of(int row, String own, String parents, List<ImportIssue> issues) {
    Set<String> urls = new LinkedHashSet<>();
    for (String cell : List.of(own, parents)) {
      for (String url : cell.split(",")) {
        String u = url.strip();
        if (u.isEmpty()) {
          continue;
        }
        if (!acceptable(u)) {
          issues.add(new ImportIssue(row, WooHeader.IMAGES, u, "must be an absolute http or https URL; the image is"
              + " left out", false));
        } else {
          urls.add(u);
        }
      }
    }
    List<String> kept = new ArrayList<>(urls);
    if (kept.size() > ProductDetails.MAX_IMAGES) {
      issues.add(new ImportIssue(row, WooHeader.IMAGES, kept.size() + " images", "a product holds at most "
          + ProductDetails.MAX_IMAGES + " images; the first " + ProductDetails.MAX_IMAGES + " are kept", false));
      return List.copyOf(kept.subList(0, ProductDetails.MAX_IMAGES));
    }
    return kept;
  }

  /** Whether the product rules take the URL (checked by the details record itself, so the rule lives in one place). */
  private static boolean acceptable(String url) {
    try {
      new ProductDetails("x", "", ANY, null, "x", "x", null, null, 0, List.of(url));
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }
}
