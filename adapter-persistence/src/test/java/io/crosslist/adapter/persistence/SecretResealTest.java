package io.crosslist.adapter.persistence;

import static io.crosslist.domain.connection.ConnectionFixtures.ebay;
import static io.crosslist.domain.connection.ConnectionFixtures.vinted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase.ResealRequest;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase.ResealRun;
import io.crosslist.application.connection.service.SecretResealService;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.ResealReport;
import io.crosslist.domain.connection.ResealScope;
import io.crosslist.domain.connection.SecretUnreadableException;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rotation and legacy plaintext: every secret ends on the current key, readable, resumably. */
class SecretResealTest {
  private final Persistence db = Persistence.get();
  private final MarketplaceConnectionRepository oldKeyRepository =
      db.injector.getInstance(MarketplaceConnectionRepository.class);

  @Test
  void a_rotation_interrupted_midway_and_resumed_ends_with_every_secret_on_the_new_key_and_readable() throws Exception {
    List<TenantId> tenants = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      TenantId t = db.newTenant();
      tenants.add(t);
      oldKeyRepository.add(t, ebay("rot" + i));
      oldKeyRepository.add(t, vinted("rot" + i));
    }
    String rotatedKeyset = TinkSecretCipher.withNewPrimaryKey(TestDatabase.KEYSET);
    TinkSecretCipher rotated = TinkSecretCipher.fromJsonKeyset(rotatedKeyset);
    try (PersistenceModule module = new PersistenceModule(TestDatabase.get().settings().withSecretKeyset(rotatedKeyset)
        .withMaximumPoolSize(2).withMigrateOnStart(false))) {
      Injector injector = Guice.createInjector(module);
      MarketplaceConnectionRepository repository = injector.getInstance(MarketplaceConnectionRepository.class);
      SecretResealService service = new SecretResealService(injector.getInstance(TenantDirectory.class), repository);
      TenantId before = TenantId.of(tenants.get(0).value() - 1);

      // the first pass is interrupted after 3 tenants
      ResealRun first = service.reseal(new ResealRequest(ResealScope.OLD_KEYS, before, 3, 2));
      assertEquals(3, first.tenants());
      assertFalse(first.complete());
      assertEquals(tenants.get(2), first.lastTenant());
      assertEquals(new ResealReport(9, 9, 0, 0, 0, 0, List.of()), first.secrets(), "3 tenants x (2 tokens + 1 cookie header)");
      assertEquals(List.of(true, true, true, false, false, false), onNewKey(tenants, rotated));
      for (TenantId t : tenants) { // meanwhile every secret reads, old key or new
        assertEquals(2, repository.list(t).size());
        repository.list(t).forEach(c -> assertTrue(c.tokens() != null || c.session() != null));
      }

      // resumed from where it stopped
      ResealRun second = service.reseal(new ResealRequest(ResealScope.OLD_KEYS, first.lastTenant(), 3, 2));
      assertEquals(new ResealReport(9, 9, 0, 0, 0, 0, List.of()), second.secrets());
      assertEquals(List.of(true, true, true, true, true, true), onNewKey(tenants, rotated));

      // a check pass over the same tenants finds nothing left: the old key may go
      ResealRun check = service.reseal(new ResealRequest(ResealScope.OLD_KEYS, before, 6, 500));
      assertEquals(new ResealReport(18, 0, 18, 0, 0, 0, List.of()), check.secrets());
      assertEquals(0, check.remaining());
      MarketplaceConnection read = repository.list(tenants.get(4)).get(0);
      assertEquals("access-rot4", read.tokens().accessToken().reveal());
      assertThrows(SecretUnreadableException.class, () -> oldKeyRepository.list(tenants.get(4)),
          "the old keyset alone no longer reads them: they are on the new key");
    }
  }

  @Test
  void legacy_plaintext_is_encrypted_once_and_then_reads() throws SQLException {
    TenantId tenant = db.newTenant();
    MarketplaceConnection stored = oldKeyRepository.add(tenant, ebay("legacy"));
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement("update "
        + TenantSqlRenderer.quotedSchema(tenant) + ".marketplace_connections set access_token = ? where id = ?")) {
      ps.setBytes(1, "legacy-plain-token".getBytes(StandardCharsets.UTF_8)); // as an import from an old store left it
      ps.setLong(2, stored.id().value());
      ps.executeUpdate();
    }
    assertThrows(SecretUnreadableException.class, () -> oldKeyRepository.findById(tenant, stored.id()));

    ResealReport first = oldKeyRepository.reseal(tenant, ResealScope.PLAINTEXT);
    assertEquals(new ResealReport(2, 1, 1, 0, 0, 0, List.of()), first, "the token encrypted; the refresh token was already");
    assertEquals("legacy-plain-token", oldKeyRepository.findById(tenant, stored.id()).orElseThrow().tokens()
        .accessToken().reveal());
    assertEquals(new ResealReport(2, 0, 2, 0, 0, 0, List.of()), oldKeyRepository.reseal(tenant, ResealScope.PLAINTEXT),
        "idempotent");
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select encode(access_token, 'escape') from "
            + TenantSqlRenderer.quotedSchema(tenant) + ".marketplace_connections")) {
      assertTrue(rs.next());
      assertFalse(rs.getString(1).contains("legacy-plain-token"), "no plaintext left");
    }
  }

  @Test
  void an_unreadable_secret_is_reported_and_left_alone_and_the_pass_goes_on() throws SQLException {
    TenantId tenant = db.newTenant();
    MarketplaceConnection stored = oldKeyRepository.add(tenant, ebay("broken"));
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
      s.executeUpdate("update " + TenantSqlRenderer.quotedSchema(tenant) + ".marketplace_connections"
          + " set refresh_token = access_token"); // bound to the wrong field now
    }
    String rotatedKeyset = TinkSecretCipher.withNewPrimaryKey(TestDatabase.KEYSET);
    try (PersistenceModule module = new PersistenceModule(TestDatabase.get().settings().withSecretKeyset(rotatedKeyset)
        .withMaximumPoolSize(2).withMigrateOnStart(false))) {
      ResealReport report = Guice.createInjector(module).getInstance(MarketplaceConnectionRepository.class)
          .reseal(tenant, ResealScope.OLD_KEYS);
      assertEquals(2, report.scanned());
      assertEquals(1, report.resealed());
      assertEquals(1, report.failed());
      assertEquals(List.of("the refresh_token of connection " + stored.id() + " of " + tenant + " cannot be decrypted:"
          + " it was encrypted for another tenant, connection or field, with a key this keyset does not hold, or it"
          + " was altered"), report.failures());
    }
  }

  /** Per tenant: whether every stored secret is on the rotated keyset's primary key. */
  private static List<Boolean> onNewKey(List<TenantId> tenants, TinkSecretCipher rotated) throws SQLException {
    List<Boolean> result = new ArrayList<>();
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
      for (TenantId t : tenants) {
        boolean all = true;
        try (ResultSet rs = s.executeQuery("select access_token, refresh_token, session_cookies from "
            + TenantSqlRenderer.quotedSchema(t) + ".marketplace_connections")) {
          while (rs.next()) {
            for (int col = 1; col <= 3; col++) {
              byte[] value = rs.getBytes(col);
              all &= value == null || rotated.isCurrent(value);
            }
          }
        }
        result.add(all);
      }
    }
    return result;
  }
}
