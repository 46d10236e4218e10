package io.crosslist.domain.marketplace;

import io.crosslist.domain.TypeName;
import java.util.List;

/**
 * A marketplace Crosslist works with, by name. Crosslist ships {@link #VINTED}, {@link #EBAY} and {@link #ETSY};
 * a host names its own ({@code Marketplace.of("DEPOP")}) and registers job handlers and gateways for it. Two
 * marketplaces are equal when their names are; compare with {@code equals}, not {@code ==}.
 *
 * @param name the name, in the form {@link TypeName} describes
 */
public record Marketplace(String name) implements Comparable<Marketplace> {
  public static final Marketplace VINTED = new Marketplace("VINTED");
  public static final Marketplace EBAY = new Marketplace("EBAY");
  public static final Marketplace ETSY = new Marketplace("ETSY");
  /** The marketplaces Crosslist ships (simulated gateways, handlers), in this order. */
  public static final List<Marketplace> BUILT_IN = List.of(VINTED, EBAY, ETSY);

  /** @throws io.crosslist.domain.ValidationException on {@code marketplace} when the name breaks {@link TypeName#RULE} */
  public Marketplace {
    TypeName.require("marketplace", name);
  }

  /**
   * The marketplace named {@code name}: the built-in constant for a built-in name, else a new value.
   *
   * @throws io.crosslist.domain.ValidationException on {@code marketplace} when the name breaks {@link TypeName#RULE}
   */
  public static Marketplace of(String name) {
    for (Marketplace builtIn : BUILT_IN) {
      if (builtIn.name.equals(name)) {
        return builtIn;
      }
    }
    return new Marketplace(name);
  }

  /**
   * The title and description lengths a listing may have here: eBay 80 / 5,000 (eBay allows far longer
   * descriptions; a product holds at most 5,000 characters), Etsy 140 / 5,000, Vinted 100 / 2,000; any other
   * marketplace a product's own limits ({@link ListingLimits#PRODUCT}). docs/workflows/ai-suggestions.md says
   * where each figure comes from.
   */
  public ListingLimits limits() {
    return switch (name) {
      case "EBAY" -> EBAY_LIMITS;
      case "ETSY" -> ETSY_LIMITS;
      case "VINTED" -> VINTED_LIMITS;
      default -> ListingLimits.PRODUCT;
    };
  }

  private static final ListingLimits EBAY_LIMITS = new ListingLimits(80, 5_000);
  private static final ListingLimits ETSY_LIMITS = new ListingLimits(140, 5_000);
  private static final ListingLimits VINTED_LIMITS = new ListingLimits(100, 2_000);

  /** By name. */
  @Override
  public int compareTo(Marketplace other) {
    return name.compareTo(other.name);
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
