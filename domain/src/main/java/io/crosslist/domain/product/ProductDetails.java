package io.crosslist.domain.product;

import io.crosslist.domain.Violations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a reseller writes about a product: everything but identity, lifecycle and bookkeeping.
 * Validated as a whole; a bad value is reported with its field name and the rule it breaks.
 *
 * <p>{@code brand}, {@code category}, {@code condition}, {@code size} and {@code colour} are codes of
 * the shared reference data ({@code nike}, {@code womens-shoes}, {@code very-good}); whether a code
 * exists is checked by the store.
 *
 * @param title 1 to 200 characters, not blank
 * @param description at most 5,000 characters (empty when none)
 * @param price the asking price
 * @param brand brand code, optional (null)
 * @param category category code, required
 * @param condition condition code, required
 * @param size size code, optional (null)
 * @param colour colour code, optional (null)
 * @param stockQuantity zero or more
 * @param imageUrls at most 20 absolute http/https URLs, in display order
 */
public record ProductDetails(
    String title,
    String description,
    Money price,
    String brand,
    String category,
    String condition,
    String size,
    String colour,
    int stockQuantity,
    List<String> imageUrls) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 5_000;
  public static final int MAX_IMAGES = 20;
  public static final int MAX_IMAGE_URL = 2_048;
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public ProductDetails {
    description = description == null ? "" : description;
    imageUrls = imageUrls == null ? List.of() : List.copyOf(blankForNull(imageUrls));
    Violations v = new Violations();
    v.require(title != null && !title.isBlank(), "title", "is required and must not be blank");
    if (title != null) {
      v.require(title.codePointCount(0, title.length()) <= MAX_TITLE, "title",
          "must be 1 to " + MAX_TITLE + " characters");
    }
    v.require(description.codePointCount(0, description.length()) <= MAX_DESCRIPTION, "description",
        "must be at most " + MAX_DESCRIPTION + " characters");
    v.require(price != null, "price", "is required");
    checkCode(v, "brand", brand, false);
    checkCode(v, "category", category, true);
    checkCode(v, "condition", condition, true);
    checkCode(v, "size", size, false);
    checkCode(v, "colour", colour, false);
    v.require(stockQuantity >= 0, "stockQuantity", "must be zero or more");
    v.require(imageUrls.size() <= MAX_IMAGES, "imageUrls", "must hold at most " + MAX_IMAGES + " URLs");
    for (int i = 0; i < imageUrls.size(); i++) {
      String rule = imageUrlProblem(imageUrls.get(i));
      v.require(rule == null, "imageUrls[" + i + "]", rule);
    }
    v.throwIfAny();
  }

  /** The same details with another description (validated like any other). */
  public ProductDetails withDescription(String newDescription) {
    return new ProductDetails(title, newDescription, price, brand, category, condition, size, colour, stockQuantity,
        imageUrls);
  }

  /** The same details with another stock quantity (validated like any other). */
  public ProductDetails withStockQuantity(int newStockQuantity) {
    return new ProductDetails(title, description, price, brand, category, condition, size, colour, newStockQuantity,
        imageUrls);
  }

  private static void checkCode(Violations v, String field, String code, boolean required) {
    if (code == null) {
      v.require(!required, field, "is required");
    } else {
      v.require(CODE.matcher(code).matches(), field,
          "must be a reference code: lower-case letters, digits and '-', at most 64 characters");
    }
  }

  /** Null when the URL is acceptable, otherwise the rule it breaks. */
  private static String imageUrlProblem(String url) {
    if (url == null || url.isBlank()) {
      return "must be an absolute http or https URL";
    }
    if (url.length() > MAX_IMAGE_URL) {
      return "must be at most " + MAX_IMAGE_URL + " characters";
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return "must be an absolute http or https URL";
      }
      return null;
    } catch (URISyntaxException e) {
      return "must be an absolute http or https URL";
    }
  }

  private static List<String> blankForNull(List<String> urls) {
    // List.copyOf rejects nulls with a bare NPE; a blank in its place is reported with its index.
    List<String> copy = new ArrayList<>(urls);
    copy.replaceAll(u -> u == null ? "" : u);
    return copy;
  }
}
