package io.crosslist.adapter.http;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of products: what a client sends and what it gets back. */
final class ProductJson {
  private ProductJson() {}

  /** A price: {@code {"amount": "12.50", "currency": "EUR"}}. */
  record PriceBody(@Required String amount, @Required String currency) {
    static PriceBody of(Money money) {
      return new PriceBody(money.amount().toPlainString(), money.currency());
    }
  }

  /** The body of POST /products; unknown fields are refused. */
  record ProductBody(@Required String title, String description, @Required PriceBody price, String brand,
      @Required String category, @Required String condition, String size, String colour, Integer stockQuantity, List<String> imageUrls) {

    /** The domain value; its constructor reports every invalid field at once. */
    ProductDetails toDetails() {
      Money money;
      try {
        money = price == null ? null : Money.of(price.amount(), price.currency());
      } catch (ValidationException e) {
        throw e.nestedUnder("price");
      }
      return new ProductDetails(title, description, money, brand, category, condition, size, colour,
          stockQuantity == null ? 0 : stockQuantity, imageUrls);
    }
  }

  /** A product as the API shows it. */
  record ProductView(long id, String status, long version, String title, String description, PriceBody price,
      String brand, String category, String condition, String size, String colour, int stockQuantity,
      List<String> imageUrls, Instant createdAt, Instant updatedAt) {
    static ProductView of(Product p) {
      ProductDetails d = p.details();
      return new ProductView(p.id().value(), p.status().name(), p.version(), d.title(), d.description(),
          PriceBody.of(d.price()), d.brand(), d.category(), d.condition(), d.size(), d.colour(), d.stockQuantity(),
          d.imageUrls(), p.createdAt(), p.updatedAt());
    }
  }
}
