package io.crosslist.bootstrap;

import static io.crosslist.domain.connection.ConnectionFixtures.ebay;
import static io.crosslist.bootstrap.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.adapter.persistence.TinkSecretCipher;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretCipher.Context;
import io.crosslist.domain.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's key commands: make a keyset, add a primary key, reseal stored credentials. */
class KeysetCommandTest {
  @TempDir
  Path dir;


  @Test
  void a_new_keyset_is_private_to_its_owner_and_never_overwritten() throws Exception {
    Path file = dir.resolve("keyset.json");
    CliRun made = run("keyset", "new", "--out", file.toString());
    assertEquals(0, made.exit(), made.err());
    TinkSecretCipher.fromJsonKeyset(Files.readString(file)); // a valid keyset
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    CliRun again = run("keyset", "new", "--out", file.toString());
    assertEquals(2, again.exit());
    assertEquals("error: --out: " + file + " exists; a keyset is never overwritten", again.err().strip());
  }

  @Test
  void adding_a_key_makes_it_primary_and_keeps_the_old_one_readable() throws Exception {
    Path file = dir.resolve("keyset.json");
    run("keyset", "new", "--out", file.toString());
    Context context = new Context(TenantId.of(1), ConnectionId.of(1), "access_token");
    byte[] old = TinkSecretCipher.fromJsonKeyset(Files.readString(file)).encrypt(Secret.of("t", "x"), context);
    CliRun added = run("keyset", "add-key", "--keyset", file.toString());
    assertEquals(0, added.exit(), added.err());
    TinkSecretCipher rotated = TinkSecretCipher.fromJsonKeyset(Files.readString(file));
    assertFalse(rotated.isCurrent(old));
    assertEquals("x", rotated.decrypt(old, context).reveal());
  }

  @Test
  void reseal_moves_every_stored_credential_to_the_new_primary_key() throws Exception {
    Persistence db = Persistence.get();
    TenantId tenant = db.newTenant();
    db.injector.getInstance(MarketplaceConnectionRepository.class).add(tenant, ebay("cli"));
    Path file = dir.resolve("keyset.json");
    Files.writeString(file, TestDatabase.KEYSET);
    run("keyset", "add-key", "--keyset", file.toString());
    String url = TestDatabase.get().jdbcUrl();

    CliRun first = run("reseal", "--jdbc-url", url, "--secret-keyset", "@" + file);
    assertEquals(0, first.exit(), first.out() + first.err());
    assertTrue(first.out().contains("reseal OLD_KEYS complete"), first.out());
    assertTrue(first.out().contains(" 0 failed"), first.out());
    CliRun second = run("reseal", "--jdbc-url", url, "--secret-keyset", "@" + file);
    assertTrue(second.out().contains(" 0 rewritten"), "nothing left on the old key: " + second.out());

    CliRun bad = run("reseal", "--jdbc-url", url, "--secret-keyset", "@" + file, "--max-tenants", "-1");
    assertEquals(2, bad.exit());
    assertEquals("error: maxTenants: must be 0 (all) or more", bad.err().strip());
  }
}
