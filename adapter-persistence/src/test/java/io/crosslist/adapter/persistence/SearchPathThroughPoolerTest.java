package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.detailsTitled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The negative control behind a transaction pooler: the legacy {@code SET search_path} pattern hands a tenant's
 * schema to whoever gets that server connection next, so another client's unqualified query reads that tenant's
 * rows; Crosslist's qualified statements, on the same pooled server connections, only ever read their own tenant.
 * On a database of its own, so that the search_path it leaves on the pooler's server connections reaches no other
 * test. It runs only behind the build's PgBouncer.
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.POOLER_VARIABLE, matches = "(?i)transaction",
    disabledReason = "a negative control of a transaction pooler: it needs one")
class SearchPathThroughPoolerTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final int ROUNDS = 50;
  private static ArchiveFixtures.SecondDatabase database;
  private static final TenantId A = TenantId.of(1);
  private static final TenantId B = TenantId.of(2);
  private static io.crosslist.domain.product.ProductId ofB;

  @BeforeAll
  static void open() throws Exception {
    database = new ArchiveFixtures.SecondDatabase(java.util.List.of());
    ProductRepository products = database.injector.getInstance(ProductRepository.class);
    for (TenantId tenant : java.util.List.of(A, B)) {
      database.injector.getInstance(TenantProvisioning.class).provision(tenant);
      ofB = products.add(tenant, Product.newDraft(detailsTitled("owned by " + tenant.schemaName()), NOW)).id();
    }
  }

  @AfterAll
  static void close() throws Exception {
    database.close();
  }

  @Test
  void set_search_path_leaks_through_the_pooler_while_qualified_statements_never_cross_tenants() throws Exception {
    int leaked = 0;
    int crossed = 0;
    ProductRepository products = database.injector.getInstance(ProductRepository.class);
    try (Connection legacyA = TestDatabase.connect(database.url);
        Connection otherClient = TestDatabase.connect(database.url)) {
      for (int i = 0; i < ROUNDS; i++) {
        try (Statement st = legacyA.createStatement()) {
          st.execute("set search_path to " + A.schemaName()); // the legacy pattern, in its own transaction
        }
        leaked += unqualifiedTitlesOf(otherClient, A); // a client that never set anything
        crossed += products.findById(B, ofB).filter(p -> !p.details().title().endsWith(B.schemaName())).isPresent()
            ? 1 : 0;
      }
    }
    System.out.printf("through the pooler, %d rounds: the legacy pattern leaked tenant A's rows to another client"
        + " %d times; Crosslist's statements for tenant B returned another tenant's rows %d times%n", ROUNDS, leaked,
        crossed);
    assertTrue(leaked > 0, "SET search_path through a transaction pooler reaches other clients");
    assertEquals(0, crossed, "qualified statements never read another tenant");
  }

  /** 1 when an unqualified query of this client read {@code owner}'s products, 0 when it failed closed. */
  private static int unqualifiedTitlesOf(Connection c, TenantId owner) {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select title from products")) {
      return rs.next() && rs.getString(1).endsWith(owner.schemaName()) ? 1 : 0;
    } catch (SQLException failedClosed) {
      return 0; // a server connection still on the fail-closed default
    }
  }
}
