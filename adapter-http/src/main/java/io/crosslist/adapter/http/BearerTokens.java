package io.crosslist.adapter.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosslist.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;

/**
 * Verifies {@code Authorization: Bearer <JWT>} (HS256) and reads the tenant from the configured claim
 * of the verified token: the only place a request's tenant comes from.
 */
final class BearerTokens {
  private final MACVerifier verifier;
  private final String tenantClaim;
  private final String adminClaim;

  /** Who a verified token speaks for: its tenant, and whether it may use the admin routes. */
  record Caller(TenantId tenant, boolean admin) {}
  private final Clock clock;

  BearerTokens(HttpSettings settings, Clock clock) {
    try {
      this.verifier = new MACVerifier(settings.jwtSecret().getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("jwtSecret: " + e.getMessage(), e);
    }
    this.tenantClaim = settings.tenantClaim();
    this.adminClaim = settings.adminClaim();
    this.clock = clock;
  }

  /** The caller of a valid token; a 401 problem for a missing, malformed, forged or expired one. */
  Caller callerOf(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("a bearer token is required (Authorization: Bearer <JWT>)");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(authorization.substring(7).trim());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw unauthorized("the bearer token is not a signed JWT");
    }
    try {
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        throw unauthorized("the bearer token's signature is not valid");
      }
    } catch (JOSEException e) {
      throw unauthorized("the bearer token's signature is not valid");
    }
    Date now = Date.from(clock.instant());
    if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(now)) {
      throw unauthorized("the bearer token has expired or has no expiry (exp)");
    }
    if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
      throw unauthorized("the bearer token is not valid yet (nbf)");
    }
    Object value = claims.getClaim(tenantClaim);
    TenantId tenant;
    try {
      tenant = TenantId.of(value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value)));
    } catch (RuntimeException e) {
      throw unauthorized("the bearer token's " + tenantClaim + " claim must be a positive user id");
    }
    return new Caller(tenant, Boolean.TRUE.equals(claims.getClaim(adminClaim)));
  }

  private static HttpProblem unauthorized(String detail) {
    return new HttpProblem(401, "unauthorized", "Unauthorized", detail);
  }
}
