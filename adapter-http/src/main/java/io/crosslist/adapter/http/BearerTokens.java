package io.crosslist.adapter.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosslist.domain.CanonicalId;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.InvalidTenantIdException;
import io.crosslist.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies {@code Authorization: Bearer <JWT>} and reads the tenant from the configured claim of the
 * verified token: the only place a request's tenant comes from. HS256 tokens are checked against the
 * secret, RS256 tokens against the public keys (the key whose {@code kid} the token names, or, without a
 * {@code kid}, each key in turn); any other algorithm, and an algorithm that has no key configured, is refused.
 * A verified token is remembered, so its signature is checked once rather than on every request; its
 * expiry is checked on every use.
 */
final class BearerTokens {
  private final MACVerifier secret;
  private final List<RsaVerifier> publicKeys;
  private final String tenantClaim;
  private final String adminClaim;
  private final Clock clock;

  /** Who a verified token speaks for: its tenant, and whether it may use the admin routes. */
  record Caller(TenantId tenant, boolean admin) {}

  private record RsaVerifier(String keyId, JWSVerifier verifier) {}

  /** A token whose signature was verified, and the times that still decide whether it may be used. */
  private record Verified(Caller caller, Date expires, Date notBefore) {}

  /** How many verified tokens are remembered (keyed by the whole header value, signature included). */
  private static final int MAX_REMEMBERED = 10_000;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  BearerTokens(HttpSettings settings, Clock clock) {
    try {
      this.secret = settings.jwtSecret() == null ? null
          : new MACVerifier(settings.jwtSecret().getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw ValidationException.of("jwtSecret", e.getMessage());
    }
    this.publicKeys = settings.jwtKeys() == null ? List.of() : rsaVerifiers(settings.jwtKeys());
    this.tenantClaim = settings.tenantClaim();
    this.adminClaim = settings.adminClaim();
    this.clock = clock;
  }

  /** The RS256 verifiers of a JWK set (its RSA public keys) or of one PEM public key. */
  static List<RsaVerifier> rsaVerifiers(String keys) {
    List<RSAKey> rsa = new ArrayList<>();
    String text = keys.trim();
    try {
      if (text.startsWith("-----BEGIN PUBLIC KEY-----")) {
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        rsa.add(new RSAKey.Builder(key).build());
      } else {
        for (JWK jwk : JWKSet.parse(text).getKeys()) {
          if (jwk instanceof RSAKey key && !key.isPrivate()) {
            rsa.add(key);
          } else if (jwk instanceof RSAKey) {
            throw ValidationException.of("jwtKeys", "must hold public keys only (key " + jwk.getKeyID()
                + " is private)");
          }
        }
      }
    } catch (ParseException | IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      throw ValidationException.of("jwtKeys", "must be a JWK set (JSON) or a PEM RSA public key");
    }
    if (rsa.isEmpty()) {
      throw ValidationException.of("jwtKeys", "holds no RSA public key");
    }
    List<RsaVerifier> verifiers = new ArrayList<>();
    for (RSAKey key : rsa) {
      try {
        verifiers.add(new RsaVerifier(key.getKeyID(), new RSASSAVerifier(key)));
      } catch (JOSEException e) {
        throw ValidationException.of("jwtKeys", "key " + key.getKeyID() + ": " + e.getMessage());
      }
    }
    return List.copyOf(verifiers);
  }

  /** The caller of a valid token; a 401 problem for a missing, malformed, forged or expired one. */
  Caller callerOf(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("a bearer token is required (Authorization: Bearer <JWT>)");
    }
    Verified known = verified.get(authorization);
    if (known != null) {
      checkTimes(known.expires(), known.notBefore());
      return known.caller();
    }
    Caller caller = verify(authorization);
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear(); // crude but bounded; a client keeps its token, so the useful ones return at once
    }
    return caller;
  }

  /** Parses and verifies a token, remembering it when it is valid. */
  private Caller verify(String authorization) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(authorization.substring(7).trim());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw unauthorized("the bearer token is not a signed JWT");
    }
    if (!verified(jwt)) {
      throw unauthorized("the bearer token's signature is not valid");
    }
    checkTimes(claims.getExpirationTime(), claims.getNotBeforeTime());
    TenantId tenant = tenantOf(claims.getClaim(tenantClaim));
    Caller caller = new Caller(tenant, Boolean.TRUE.equals(claims.getClaim(adminClaim)));
    verified.put(authorization, new Verified(caller, claims.getExpirationTime(), claims.getNotBeforeTime()));
    return caller;
  }

  /**
   * The tenant a claim names, through {@link TenantId#parse} only: a string such as {@code "42"}, or a JSON
   * integer; {@code "042"}, {@code "+42"}, {@code " 42"}, {@code "٤٢"}, {@code 42.0} or {@code 4.2e1} name no
   * tenant, so two subjects of an identity provider never map to one tenant.
   */
  private TenantId tenantOf(Object value) {
    String text = value instanceof String s ? s
        : value instanceof Long || value instanceof Integer ? value.toString() : null;
    try {
      return TenantId.parse(text);
    } catch (InvalidTenantIdException e) {
      throw unauthorized("the bearer token's " + tenantClaim + " claim must be a tenant id: " + CanonicalId.RULE);
    }
  }

  /** Every use of a token, remembered or not, is checked against its expiry and not-before times. */
  private void checkTimes(Date expires, Date notBefore) {
    Date now = Date.from(clock.instant());
    if (expires == null || !expires.after(now)) {
      throw unauthorized("the bearer token has expired or has no expiry (exp)");
    }
    if (notBefore != null && notBefore.after(now)) {
      throw unauthorized("the bearer token is not valid yet (nbf)");
    }
  }

  private boolean verified(SignedJWT jwt) {
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    try {
      if (JWSAlgorithm.HS256.equals(algorithm)) {
        return secret != null && jwt.verify(secret);
      }
      if (JWSAlgorithm.RS256.equals(algorithm)) {
        String keyId = jwt.getHeader().getKeyID();
        for (RsaVerifier key : publicKeys) {
          if ((keyId == null || key.keyId() == null || keyId.equals(key.keyId())) && jwt.verify(key.verifier())) {
            return true;
          }
        }
      }
      return false;
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  private static HttpProblem unauthorized(String detail) {
    return new HttpProblem(401, "unauthorized", "Unauthorized", detail);
  }
}
