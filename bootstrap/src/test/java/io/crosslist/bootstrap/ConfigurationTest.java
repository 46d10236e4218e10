package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static io.crosslist.bootstrap.CliRun.runWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.MACVerifier;
import io.crosslist.adapter.persistence.TestDatabase;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from the command line, the environment and the configuration file, in that order, validated at start. */
class ConfigurationTest {
  private static final String FILE_SECRET = "secret-from-the-file-at-least-32-bytes";
  private static final String ENV_SECRET = "secret-from-the-environment-32-bytes-x";
  private static final String CLI_SECRET = "secret-from-the-command-line-32-bytes-";

  @TempDir
  Path dir;

  private Path config(String text) throws Exception {
    Path file = dir.resolve("crosslist.properties");
    Files.writeString(file, text);
    return file;
  }

  /** The secret that signed the token a run printed (the token command shows where its secret came from). */
  private static String signer(CliRun run) throws Exception {
    assertEquals(0, run.exit(), run.err());
    SignedJWT jwt = SignedJWT.parse(run.out().trim());
    for (String secret : new String[] {FILE_SECRET, ENV_SECRET, CLI_SECRET}) {
      if (jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
        return secret;
      }
    }
    throw new AssertionError("signed by none of the secrets");
  }

  @Test
  void the_command_line_wins_over_the_environment_which_wins_over_the_file() throws Exception {
    Path file = config("jwt-secret=" + FILE_SECRET + "\n");
    assertEquals(FILE_SECRET, signer(run("token", "--tenant", "7", "--config", file.toString())));
    assertEquals(FILE_SECRET, signer(runWith(Map.of("CROSSLIST_CONFIG", file.toString()), "token", "--tenant", "7")));
    assertEquals(ENV_SECRET, signer(runWith(Map.of("CROSSLIST_JWT_SECRET", ENV_SECRET), "token", "--tenant", "7",
        "--config", file.toString())));
    assertEquals(CLI_SECRET, signer(runWith(Map.of("CROSSLIST_JWT_SECRET", ENV_SECRET), "token", "--tenant", "7",
        "--config=" + file, "--jwt-secret", CLI_SECRET)));
  }

  @Test
  void an_admin_token_carries_the_admin_claim_and_a_plain_one_does_not() throws Exception {
    CliRun admin = run("token", "--tenant", "1", "--admin", "--jwt-secret", CLI_SECRET);
    assertEquals(Boolean.TRUE, SignedJWT.parse(admin.out().trim()).getJWTClaimsSet().getClaim("admin"));
    CliRun plain = run("token", "--tenant", "1", "--jwt-secret", CLI_SECRET);
    assertEquals(null, SignedJWT.parse(plain.out().trim()).getJWTClaimsSet().getClaim("admin"));
  }

  @Test
  void a_misspelt_key_in_the_file_is_refused_with_the_known_ones() throws Exception {
    Path file = config("jwt-secret=" + FILE_SECRET + "\nhttp-prot=9090\n");
    CliRun result = run("token", "--tenant", "7", "--config", file.toString());
    assertEquals(2, result.exit());
    assertTrue(result.err().contains(file + ": unknown setting [http-prot]"), result.err());
    assertTrue(result.err().contains("http-port"), "lists the known keys: " + result.err());
    assertEquals("", result.out(), "nothing ran");
  }

  @Test
  void a_missing_configuration_file_is_named() {
    CliRun result = runWith(Map.of("CROSSLIST_CONFIG", dir.resolve("nope.properties").toString()), "token",
        "--tenant", "7");
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("CROSSLIST_CONFIG: cannot read the configuration file " + dir.resolve("nope.properties")),
        result.err());
  }

  @Test
  void a_tenant_id_on_the_command_line_or_in_the_file_has_its_one_form_or_exit_2() throws Exception {
    for (String tenant : new String[] {"042", "+42", "٤٢", " 42", "42.0", "0", "9223372036854775808"}) {
      CliRun refused = run("token", "--tenant", tenant, "--jwt-secret", CLI_SECRET);
      assertEquals(2, refused.exit(), tenant + ": " + refused.err());
      assertTrue(refused.err().contains("tenant id must be a positive integer in ASCII digits"), refused.err());
      assertFalse(refused.err().contains("\tat "), "no stack trace");
    }
    CliRun fromFile = run("reseal", "--config", config("after=042\n").toString());
    assertEquals(2, fromFile.exit(), fromFile.err());
    assertTrue(fromFile.err().contains("tenant id must be a positive integer in ASCII digits"), fromFile.err());
    assertEquals(0, run("token", "--tenant", "42", "--jwt-secret", CLI_SECRET).exit());
  }

  @Test
  void a_bad_value_from_the_file_names_the_option_and_serve_names_where_to_set_the_secret() throws Exception {
    CliRun badPort = run("serve", "--config", config("http-port=eighty\n").toString(), "--stop-after", "PT0S");
    assertEquals(2, badPort.exit());
    assertTrue(badPort.err().contains("--http-port") && badPort.err().contains("eighty"), badPort.err());

    CliRun shortSecret = run("serve", "--config", config("jwt-secret=short\n").toString(), "--stop-after", "PT0S");
    assertEquals(2, shortSecret.exit());
    assertTrue(shortSecret.err().contains("--jwt-secret (CROSSLIST_JWT_SECRET, or jwt-secret in the configuration file):"
        + " must be at least 32 bytes"), shortSecret.err());
    assertFalse(shortSecret.err().contains("\tat "), "no stack trace");
  }

  @Test
  void a_database_that_cannot_be_reached_is_one_line_naming_the_url_without_its_password() {
    String url = TestDatabase.get().jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1crosslist_no_such_db");
    String missing = url + (url.contains("?") ? "&" : "?") + "password=hunter2";
    CliRun result = run("worker", "--jdbc-url", missing, "--stop-after", "PT0S");
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().startsWith("error: --jdbc-url (CROSSLIST_JDBC_URL, or jdbc-url in the configuration file):"
        + " cannot connect to "), result.err());
    assertTrue(result.err().contains("crosslist_no_such_db"), result.err());
    assertFalse(result.err().contains("hunter2") || result.err().contains("\tat ") || result.err().contains("Guice"),
        result.err());
  }

  @Test
  void serve_names_an_unreadable_or_unusable_key_file() throws Exception {
    CliRun missing = run("serve", "--jwt-keys", dir.resolve("absent.jwks").toString(), "--stop-after", "PT0S");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("--jwt-keys (CROSSLIST_JWT_KEYS, or jwt-keys in the configuration file): cannot"
        + " read " + dir.resolve("absent.jwks")), missing.err());
    Path garbage = dir.resolve("garbage.jwks");
    Files.writeString(garbage, "{\"keys\": []}");
    CliRun unusable = run("serve", "--jwt-keys", garbage.toString(), "--stop-after", "PT0S");
    assertEquals(2, unusable.exit());
    assertTrue(unusable.err().contains("--jwt-keys (CROSSLIST_JWT_KEYS, or jwt-keys in the configuration file):"),
        unusable.err());
  }
}
