package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.detailsTitled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.host.NoteMapper;
import io.crosslist.adapter.persistence.host.NoteXmlMapper;
import io.crosslist.adapter.persistence.host.OrderByMapper;
import io.crosslist.adapter.persistence.host.UnqualifiedMapper;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host's own tenant table and mappers (annotations and XML) run through Crosslist's tenant rendering, lanes and
 * unit of work: isolated between tenants, in one transaction with Crosslist's repositories, and checked against
 * the mapper rules when the module starts.
 */
class HostMappersTest {
  private static final Persistence db = Persistence.get(); // the shared schema
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  static final MigrationTrack HOST = MigrationTrack.of("host", MigrationScript.of(1, "notes",
      "create table ${tenant}.host_notes (id bigserial primary key, product_id bigint, body text not null)"));
  private static PersistenceModule module;
  private static Injector injector;
  private static TenantMappers mappers;

  @BeforeAll
  static void start() {
    module = new PersistenceModule(TestDatabase.get().settings().withMaximumPoolSize(4).withTenantTrack(HOST)
        .withMapper(NoteMapper.class).withMapper(NoteXmlMapper.class));
    injector = Guice.createInjector(module);
    mappers = injector.getInstance(TenantMappers.class);
  }

  @AfterAll
  static void stop() {
    module.close();
  }

  private static TenantId newTenant() {
    TenantId tenant = Persistence.unusedTenant();
    injector.getInstance(TenantProvisioning.class).provision(tenant);
    return tenant;
  }

  @Test
  void a_host_table_is_isolated_between_tenants_like_crosslists_own() {
    TenantId a = newTenant();
    TenantId b = newTenant();
    mappers.call(a, NoteMapper.class, m -> m.insert(a, null, "a's note"));
    assertEquals(List.of("a's note"), mappers.call(a, NoteMapper.class, m -> m.bodies(a)));
    assertEquals(List.of(), mappers.call(b, NoteMapper.class, m -> m.bodies(b)));
  }

  @Test
  void host_rows_and_crosslist_rows_commit_and_roll_back_together() {
    TenantId tenant = newTenant();
    UnitOfWork unitOfWork = injector.getInstance(UnitOfWork.class);
    ProductRepository products = injector.getInstance(ProductRepository.class);

    unitOfWork.inTransaction(tenant, () -> {
      Product product = products.add(tenant, Product.newDraft(detailsTitled("Denim jacket"), NOW));
      return mappers.call(tenant, NoteMapper.class, m -> m.insert(tenant, product.id().value(), "kept"));
    });
    assertThrows(IllegalStateException.class, () -> unitOfWork.inTransaction(tenant, () -> {
      Product product = products.add(tenant, Product.newDraft(detailsTitled("Wool coat"), NOW));
      mappers.call(tenant, NoteMapper.class, m -> m.insert(tenant, product.id().value(), "rolled back"));
      throw new IllegalStateException("the host's work failed");
    }));

    assertEquals(List.of("kept"), mappers.call(tenant, NoteMapper.class, m -> m.bodies(tenant)));
    assertEquals(1, (int) mappers.call(tenant, NoteXmlMapper.class, m -> m.countForTitle(tenant, "Denim jacket")),
        "the XML mapper joins the host's table to Crosslist's products");
    assertEquals(0, (int) mappers.call(tenant, NoteXmlMapper.class, m -> m.countForTitle(tenant, "Wool coat")),
        "the product rolled back with the note");
  }

  @Test
  void a_statement_for_another_tenant_inside_a_call_is_refused_before_anything_is_sent() {
    TenantId a = newTenant();
    TenantId b = newTenant();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mappers.call(a, NoteMapper.class, m -> m.insert(b, null, "misrouted")));
    assertTrue(e.getMessage().contains("was given " + b + " inside a call for " + a), e.getMessage());
    assertEquals(List.of(), mappers.call(b, NoteMapper.class, m -> m.bodies(b)));
  }

  @Test
  void an_unregistered_mapper_is_refused_with_the_setting_to_use() {
    TenantId tenant = newTenant();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mappers.call(tenant, UnqualifiedMapper.class, m -> m.notes(tenant)));
    assertTrue(e.getMessage().contains("PersistenceSettings.withMapper(UnqualifiedMapper.class)"), e.getMessage());
  }

  @Test
  void a_mapper_naming_a_tenant_table_without_the_tenant_stops_the_start() {
    PersistenceSettings settings = TestDatabase.get().settings().withTenantTrack(HOST)
        .withMapper(UnqualifiedMapper.class);
    CreationException e = assertThrows(CreationException.class,
        () -> Guice.createInjector(new PersistenceModule(settings)));
    String message = e.getMessage();
    assertTrue(message.contains("UnqualifiedMapper.notes names the tenant table host_notes as 'host_notes'"), message);
    assertTrue(message.contains("UnqualifiedMapper.joined names the tenant table products as 'products'"), message);
    assertTrue(message.contains("write ${tenant}.host_notes"), message);
  }

  @Test
  void a_mapper_substituting_anything_but_the_tenant_stops_the_start() {
    PersistenceSettings settings = TestDatabase.get().settings().withTenantTrack(HOST)
        .withMapper(OrderByMapper.class);
    CreationException e = assertThrows(CreationException.class,
        () -> Guice.createInjector(new PersistenceModule(settings)));
    assertTrue(e.getMessage().contains("OrderByMapper.sorted (io/crosslist/adapter/persistence/host/OrderByMapper.xml)"
        + " uses ${orderBy}: only ${tenant} may be substituted"), e.getMessage());
  }

  @Test
  void a_mapper_class_that_is_not_an_interface_is_a_bad_setting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestDatabase.get().settings().withMapper(String.class));
    assertTrue(e.getMessage().contains("hostMappers: java.lang.String is not an interface"), e.getMessage());
  }
}
