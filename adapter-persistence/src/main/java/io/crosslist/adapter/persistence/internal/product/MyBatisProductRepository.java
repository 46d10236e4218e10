package io.crosslist.adapter.persistence.internal.product;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.UnknownReferenceException;
import io.crosslist.domain.Page;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link ProductRepository} on {@code ${tenant}.products}. */
@Singleton
public final class MyBatisProductRepository implements ProductRepository {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisProductRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  private <T> T products(TenantId tenant, Function<ProductMapper, T> statement) {
    return sessions.call(tenant, session -> statement.apply(session.getMapper(ProductMapper.class)));
  }

  @Override
  public Optional<Product> findById(TenantId tenant, ProductId id) {
    return products(tenant, m -> m.findById(tenant, id.value())).map(ProductRow::toProduct);
  }

  @Override
  public Map<String, Product> findBySkus(TenantId tenant, Collection<String> skus) {
    if (skus.isEmpty()) {
      return Map.of();
    }
    List<String> wanted = List.copyOf(skus);
    Map<String, Product> found = new HashMap<>();
    products(tenant, m -> m.findBySkus(tenant, wanted)).forEach(row -> found.put(row.sku, row.toProduct()));
    return found;
  }

  @Override
  public Product add(TenantId tenant, Product product) {
    if (product.isStored()) {
      throw new IllegalArgumentException("product " + product.id() + " is already stored; use update");
    }
    ProductRow row = ProductRow.of(product);
    Long id = products(tenant, m -> m.insert(tenant, row));
    if (id == null) {
      throw unknownReference(tenant, row);
    }
    return Product.reconstitute(ProductId.of(id), product.details(), product.sku(), product.status(),
        product.createdAt(), product.updatedAt(), 0);
  }

  @Override
  public Product update(TenantId tenant, Product product) {
    ProductRow row = ProductRow.of(product);
    int updated = products(tenant, m -> m.update(tenant, row));
    if (updated == 0) {
      Optional<ProductMapper.UnknownCode> unknown = products(tenant, m -> m.unknownReference(tenant, row));
      if (unknown.isPresent()) {
        throw new UnknownReferenceException(unknown.get().field, unknown.get().code);
      }
      throw new ConcurrentUpdateException("product", product.id(), product.version());
    }
    return Product.reconstitute(product.id(), product.details(), product.sku(), product.status(),
        product.createdAt(), product.updatedAt(), product.version() + 1);
  }

  /** The unknown code a write was refused for (the statement wrote nothing, so a second read says which). */
  private RuntimeException unknownReference(TenantId tenant, ProductRow row) {
    ProductMapper.UnknownCode unknown = products(tenant, m -> m.unknownReference(tenant, row)).orElseThrow(() ->
        new IllegalStateException("a product insert wrote nothing, yet every reference code is known"));
    return new UnknownReferenceException(unknown.field, unknown.code);
  }

  @Override
  public boolean softDelete(TenantId tenant, ProductId id, Instant at) {
    return products(tenant, m -> m.softDelete(tenant, id.value(), at)) == 1;
  }

  @Override
  public Page<Product> search(TenantId tenant, ProductSearch search) {
    int limit = search.limit();
    List<ProductRow> rows = products(tenant, m -> m.search(tenant,
        search.status() == null ? null : search.status().name(), search.brand(), search.category(),
        search.text() == null ? null : containsPattern(search.text()), search.minPrice(), search.maxPrice(),
        search.after() == null ? null : search.after().lastId(), limit + 1));
    List<Product> items = rows.stream().limit(limit).map(ProductRow::toProduct).toList();
    PageCursor next = rows.size() > limit ? PageCursor.after(items.get(limit - 1).id().value()) : null;
    return new Page<>(items, next);
  }

  @Override
  public int softDeleteDraftsNotUpdatedSince(TenantId tenant, Instant cutoff, Instant at) {
    return products(tenant, m -> m.softDeleteDraftsNotUpdatedSince(tenant, cutoff, at));
  }

  /** An ILIKE pattern matching {@code text} anywhere; the user's own % and _ match literally. */
  static String containsPattern(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
