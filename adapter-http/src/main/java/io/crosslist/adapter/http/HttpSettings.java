package io.crosslist.adapter.http;

import io.crosslist.domain.Violations;
import java.nio.charset.StandardCharsets;

/**
 * How the HTTP API listens and whom it trusts. Validated as a whole; every problem names its field and rule.
 * At least one way to verify tokens is needed: an HS256 secret, RS256 public keys, or both.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port 0 (any free port) to 65,535
 * @param jwtSecret the HS256 key that signs bearer tokens, at least 32 bytes; null to accept no HS256 token
 * @param jwtKeys RS256 public keys: a JWK set (JSON, {@code {"keys": [...]}}) or one PEM public key
 *     ({@code -----BEGIN PUBLIC KEY-----}); null to accept no RS256 token
 * @param tenantClaim the verified token's claim that names the tenant (a positive user id); default {@code sub}
 * @param adminClaim the boolean claim that grants the admin routes ({@code /admin/...}); default {@code admin}
 * @param maxBodyBytes the largest request body accepted (larger ones get 413), 1 KiB to 16 MiB
 */
public record HttpSettings(String host, int port, String jwtSecret, String jwtKeys, String tenantClaim,
    String adminClaim, int maxBodyBytes) {

  public HttpSettings {
    Violations v = new Violations();
    v.require(host != null && !host.isBlank(), "host", "is required");
    v.require(port >= 0 && port <= 65_535, "port", "must be between 0 and 65535");
    v.require(jwtSecret != null || jwtKeys != null, "jwtSecret", "is required unless jwtKeys are given");
    v.require(jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length >= 32, "jwtSecret",
        "must be at least 32 bytes (HS256)");
    v.require(jwtKeys == null || !jwtKeys.isBlank(), "jwtKeys", "must be a JWK set or a PEM public key");
    v.require(tenantClaim != null && !tenantClaim.isBlank(), "tenantClaim", "is required");
    v.require(adminClaim != null && !adminClaim.isBlank(), "adminClaim", "is required");
    v.require(maxBodyBytes >= 1_024 && maxBodyBytes <= 16 * 1_024 * 1_024, "maxBodyBytes",
        "must be between 1024 and 16777216");
    v.throwIfAny();
    if (jwtKeys != null) {
      BearerTokens.rsaVerifiers(jwtKeys); // refuses keys it cannot use, naming jwtKeys
    }
  }

  /**
   * The default body limit, 1 MiB: above the largest body the API's schemas allow (a batch of 1,000 jobs with
   * 200-character idempotency keys is about 0.5 MB; a product with a 5,000-character description written as
   * JSON escapes and 20 image URLs about 0.1 MB).
   */
  public static final int DEFAULT_MAX_BODY_BYTES = 1_024 * 1_024;

  /** Loopback, the given port and HS256 secret, the tenant in {@code sub}, bodies up to 1 MiB. */
  public static HttpSettings of(int port, String jwtSecret) {
    return new HttpSettings("127.0.0.1", port, jwtSecret, null, "sub", "admin", DEFAULT_MAX_BODY_BYTES);
  }

  /** These settings, verifying RS256 tokens with {@code keys} (a JWK set or a PEM public key) too. */
  public HttpSettings withJwtKeys(String keys) {
    return new HttpSettings(host, port, jwtSecret, keys, tenantClaim, adminClaim, maxBodyBytes);
  }

  /** These settings, with no HS256 secret (only RS256 tokens are accepted). */
  public HttpSettings withoutJwtSecret() {
    return new HttpSettings(host, port, null, jwtKeys, tenantClaim, adminClaim, maxBodyBytes);
  }
}
