package io.crosslist.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Which bearer tokens the API accepts: HS256 with the secret, RS256 with the configured public keys, nothing else. */
class BearerTokensTest {
  private static final String SECRET = "a-unit-test-secret-of-at-least-32-bytes";
  private static final RSAKey KEY = generate("k1");
  private static final RSAKey OTHER = generate("k2");

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(JWSHeader header, JWSSigner signer) throws Exception {
    SignedJWT jwt = new SignedJWT(header, new JWTClaimsSet.Builder().subject("42")
        .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
    jwt.sign(signer);
    return "Bearer " + jwt.serialize();
  }

  private static String rs256(RSAKey key, String kid) throws Exception {
    return token(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), new RSASSASigner(key));
  }

  private static String hs256(String secret) throws Exception {
    return token(new JWSHeader(JWSAlgorithm.HS256), new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
  }

  private static BearerTokens tokens(HttpSettings settings) {
    return new BearerTokens(settings, Clock.systemUTC());
  }

  private static int status(BearerTokens tokens, String authorization) {
    try {
      tokens.callerOf(authorization);
      return 200;
    } catch (HttpProblem e) {
      return e.status;
    }
  }

  private static String pem(RSAKey key) throws Exception {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.toRSAPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  @Test
  void rs256_tokens_verify_against_a_jwks_by_kid_and_hs256_needs_a_secret() throws Exception {
    String jwks = new JWKSet(java.util.List.of(KEY.toPublicJWK(), OTHER.toPublicJWK())).toString();
    BearerTokens keysOnly = tokens(HttpSettings.of(0, SECRET).withJwtKeys(jwks).withoutJwtSecret());
    assertEquals(new BearerTokens.Caller(TenantId.of(42), false), keysOnly.callerOf(rs256(KEY, "k1")));
    assertEquals(200, status(keysOnly, rs256(OTHER, "k2")));
    assertEquals(200, status(keysOnly, rs256(KEY, null)), "without a kid every key is tried");
    assertEquals(401, status(keysOnly, rs256(KEY, "k2")), "signed by k1 but claims k2");
    assertEquals(401, status(keysOnly, rs256(generate("k1"), "k1")), "a stranger's key with a known kid");
    assertEquals(401, status(keysOnly, hs256(SECRET)), "no secret configured: HS256 is refused");

    BearerTokens both = tokens(HttpSettings.of(0, SECRET).withJwtKeys(pem(KEY)));
    assertEquals(200, status(both, hs256(SECRET)));
    assertEquals(200, status(both, rs256(KEY, "any-kid")), "a PEM key has no kid, so it serves every kid");
    assertEquals(401, status(both, hs256("another-secret-of-at-least-32-bytes-x")));
    assertEquals(401, status(tokens(HttpSettings.of(0, SECRET)), rs256(KEY, "k1")), "no keys: RS256 is refused");
  }

  @Test
  void unusable_keys_are_refused_at_configuration_naming_jwt_keys() throws Exception {
    for (String bad : new String[] {"{\"keys\": []}", "not a key", new JWKSet(KEY).toString(false),
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"}) {
      ValidationException e = assertThrows(ValidationException.class,
          () -> HttpSettings.of(0, SECRET).withJwtKeys(bad), bad);
      assertEquals("jwtKeys", e.violations().get(0).field(), bad);
    }
    ValidationException none = assertThrows(ValidationException.class, () -> HttpSettings.of(0, null));
    assertTrue(none.getMessage().contains("jwtSecret"), none.getMessage());
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.now();

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void a_remembered_token_still_expires_and_a_tampered_copy_is_not_taken_for_it() throws Exception {
    MovableClock clock = new MovableClock();
    BearerTokens tokens = new BearerTokens(HttpSettings.of(0, SECRET), clock);
    String token = hs256(SECRET); // expires in 60 s
    assertEquals(200, status(tokens, token));
    assertEquals(200, status(tokens, token), "remembered");
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    assertEquals(401, status(tokens, tampered), "another string is verified on its own");
    clock.now = clock.now.plusSeconds(61);
    assertEquals(401, status(tokens, token), "expired, although remembered");
  }
}
