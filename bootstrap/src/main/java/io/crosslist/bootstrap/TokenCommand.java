package io.crosslist.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosslist.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crosslist token}: mints a development bearer token for one tenant (HS256, the server's secret). */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Prints a signed development token for a tenant, for trying the API with curl.")
final class TokenCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  ConfigOption config;

  @Option(names = "--tenant", required = true, description = "the tenant (user id) the token names")
  TenantId tenant;

  @Option(names = "--jwt-secret",
      description = "the server's HS256 secret (default: $CROSSLIST_JWT_SECRET)")
  String jwtSecret;

  @Option(names = "--admin", description = "adds the admin claim, for the /admin routes (provisioning tenants)")
  boolean admin;

  @Option(names = "--ttl", defaultValue = "PT1H", description = "how long the token is valid, ISO-8601 (default: PT1H)")
  Duration ttl;

  @Override
  public Integer call() {
    if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new ParameterException(spec.commandLine(), ConfigDefaults.describe("--jwt-secret") + ": must be at least"
          + " 32 bytes (HS256)");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new ParameterException(spec.commandLine(), "--ttl: must be positive");
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .subject(String.valueOf(tenant.value())).issueTime(new Date()).claim("admin", admin ? Boolean.TRUE : null)
        .expirationTime(Date.from(Instant.now().plus(ttl))).build());
    try {
      jwt.sign(new MACSigner(jwtSecret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new ParameterException(spec.commandLine(), "--jwt-secret: " + e.getMessage());
    }
    spec.commandLine().getOut().println(jwt.serialize());
    return 0;
  }
}
