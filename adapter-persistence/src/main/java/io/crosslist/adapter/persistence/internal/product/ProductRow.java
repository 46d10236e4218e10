package io.crosslist.adapter.persistence.internal.product;

import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A row of {@code ${tenant}.products} as MyBatis reads and writes it (public fields, no logic). */
public final class ProductRow {
  public Long id;
  public String title;
  public String description;
  public BigDecimal priceAmount;
  public String priceCurrency;
  public String brandCode;
  public String categoryCode;
  public String conditionCode;
  public String sizeCode;
  public String colourCode;
  public String sku;
  public int stockQuantity;
  public List<String> imageUrls;
  public String status;
  public Instant createdAt;
  public Instant updatedAt;
  public long version;

  static ProductRow of(Product product) {
    ProductDetails d = product.details();
    ProductRow row = new ProductRow();
    row.id = product.isStored() ? product.id().value() : null;
    row.title = d.title();
    row.description = d.description();
    row.priceAmount = d.price().amount();
    row.priceCurrency = d.price().currency();
    row.brandCode = d.brand();
    row.categoryCode = d.category();
    row.conditionCode = d.condition();
    row.sizeCode = d.size();
    row.colourCode = d.colour();
    row.sku = product.sku();
    row.stockQuantity = d.stockQuantity();
    row.imageUrls = d.imageUrls();
    row.status = product.status().name();
    row.createdAt = product.createdAt();
    row.updatedAt = product.updatedAt();
    row.version = product.version();
    return row;
  }

  Product toProduct() {
    ProductDetails details = new ProductDetails(title, description, new Money(priceAmount, priceCurrency), brandCode,
        categoryCode, conditionCode, sizeCode, colourCode, stockQuantity, imageUrls);
    return Product.reconstitute(ProductId.of(id), details, sku, ProductStatus.valueOf(status), createdAt, updatedAt,
        version);
  }
}
