package io.crosslist.domain.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/** Shared test fixtures (published in the domain test-jar): valid product data built from the seeded reference data. */
public final class ProductFixtures {
  /** Codes present in the shared reference data that the persistence adapter seeds. */
  public static final List<String> BRANDS = List.of("nike", "adidas", "levis", "zara", "patagonia");
  public static final List<String> CATEGORIES = List.of("womens-shoes", "mens-jackets", "womens-dresses", "mens-jeans");
  public static final List<String> CONDITIONS = List.of("new-with-tags", "very-good", "good", "satisfactory");
  public static final List<String> SIZES = List.of("s", "m", "l", "eu-38", "eu-42");
  public static final List<String> COLOURS = List.of("black", "white", "blue", "red");

  private ProductFixtures() {}

  public static ProductDetails defaultDetails() {
    return new ProductDetails("Nike Air Max 90", "Worn twice, original box.", new Money(new BigDecimal("59.90"), "EUR"),
        "nike", "womens-shoes", "very-good", "eu-38", "white", 1, List.of("https://img.example.com/1.jpg"));
  }

  public static ProductDetails detailsTitled(String title) {
    ProductDetails d = defaultDetails();
    return new ProductDetails(title, d.description(), d.price(), d.brand(), d.category(), d.condition(), d.size(),
        d.colour(), d.stockQuantity(), d.imageUrls());
  }

  public static ProductDetails detailsPriced(String amount) {
    ProductDetails d = defaultDetails();
    return new ProductDetails(d.title(), d.description(), Money.of(amount, "EUR"), d.brand(), d.category(),
        d.condition(), d.size(), d.colour(), d.stockQuantity(), d.imageUrls());
  }

  /** Random but valid details; the same seed gives the same details. */
  public static ProductDetails anyDetails(Random random) {
    return new ProductDetails(
        "Item " + Integer.toHexString(random.nextInt()),
        random.nextBoolean() ? "" : "Description " + random.nextLong(),
        new Money(BigDecimal.valueOf(random.nextInt(100_000), 2), random.nextBoolean() ? "EUR" : "GBP"),
        random.nextInt(4) == 0 ? null : pick(random, BRANDS),
        pick(random, CATEGORIES),
        pick(random, CONDITIONS),
        random.nextBoolean() ? null : pick(random, SIZES),
        random.nextBoolean() ? null : pick(random, COLOURS),
        random.nextInt(5),
        random.nextBoolean() ? List.of() : List.of("https://img.example.com/" + random.nextInt(1000) + ".jpg"));
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
