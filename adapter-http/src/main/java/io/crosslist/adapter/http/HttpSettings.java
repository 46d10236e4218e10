package io.crosslist.adapter.http;

import io.crosslist.domain.Violations;
import java.nio.charset.StandardCharsets;

/**
 * How the HTTP API listens and whom it trusts. Validated as a whole; every problem names its field and rule.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port 0 (any free port) to 65,535
 * @param jwtSecret the HS256 key that signs bearer tokens, at least 32 bytes
 * @param tenantClaim the verified token's claim that names the tenant (a positive user id); default {@code sub}
 * @param adminClaim the boolean claim that grants the admin routes ({@code /admin/...}); default {@code admin}
 * @param maxBodyBytes the largest request body accepted (larger ones get 413), 1 KiB to 16 MiB
 */
public record HttpSettings(String host, int port, String jwtSecret, String tenantClaim, String adminClaim,
    int maxBodyBytes) {

  public HttpSettings {
    Violations v = new Violations();
    v.require(host != null && !host.isBlank(), "host", "is required");
    v.require(port >= 0 && port <= 65_535, "port", "must be between 0 and 65535");
    v.require(jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length >= 32, "jwtSecret",
        "must be at least 32 bytes (HS256)");
    v.require(tenantClaim != null && !tenantClaim.isBlank(), "tenantClaim", "is required");
    v.require(adminClaim != null && !adminClaim.isBlank(), "adminClaim", "is required");
    v.require(maxBodyBytes >= 1_024 && maxBodyBytes <= 16 * 1_024 * 1_024, "maxBodyBytes",
        "must be between 1024 and 16777216");
    v.throwIfAny();
  }

  /** Loopback, the given port and secret, the tenant in {@code sub}, bodies up to 64 KiB. */
  public static HttpSettings of(int port, String jwtSecret) {
    return new HttpSettings("127.0.0.1", port, jwtSecret, "sub", "admin", 64 * 1_024);
  }
}
