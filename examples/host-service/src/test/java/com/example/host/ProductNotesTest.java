package com.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crosslist.application.product.port.in.CreateProductUseCase;
import io.crosslist.application.product.port.in.CreateProductUseCase.CreateProductCommand;
import io.crosslist.application.tenant.ProvisionTenantUseCase;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host's own tenant table, through Crosslist's tenancy: provisioned with every tenant, isolated, transactional. */
class ProductNotesTest {
  private static final AtomicLong NEXT_TENANT = new AtomicLong(100);
  private static HostService host;

  @BeforeAll
  static void start() {
    host = new HostService(HostDatabase.settings(), java.net.URI.create("http://127.0.0.1:9/"), () -> true);
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  static TenantId newTenant() {
    return newTenant(host);
  }

  static TenantId newTenant(HostService host) {
    TenantId tenant = TenantId.of(NEXT_TENANT.incrementAndGet());
    host.injector().getInstance(ProvisionTenantUseCase.class).provision(tenant);
    return tenant;
  }

  static ProductId newProduct(TenantId tenant) {
    return newProduct(host, tenant);
  }

  static ProductId newProduct(HostService host, TenantId tenant) {
    ProductDetails details = new ProductDetails("Levi's 501", "Barely worn.", new Money(new BigDecimal("35.00"), "EUR"),
        "levis", "mens-jeans", "very-good", "m", "blue", 1, List.of("https://img.example.com/501.jpg"));
    Product product = host.injector().getInstance(CreateProductUseCase.class)
        .create(new CreateProductCommand(tenant, details));
    return product.id();
  }

  @Test
  void a_note_is_kept_in_the_host_table_of_its_tenant_only() {
    ProductNotes notes = host.injector().getInstance(ProductNotes.class);
    TenantId a = newTenant();
    TenantId b = newTenant();
    ProductId product = newProduct(a);
    notes.add(a, product, "ask 40 on eBay");
    assertEquals(List.of("ask 40 on eBay"), notes.of(a, product));
    assertEquals(List.of(), notes.of(b, product), "tenant b's product_notes is another table");
  }

  @Test
  void a_note_for_an_unknown_product_writes_nothing() {
    ProductNotes notes = host.injector().getInstance(ProductNotes.class);
    TenantId tenant = newTenant();
    ProductId missing = ProductId.of(999_999);
    assertThrows(RuntimeException.class, () -> notes.add(tenant, missing, "lost"));
    assertEquals(List.of(), notes.of(tenant, missing));
  }
}
