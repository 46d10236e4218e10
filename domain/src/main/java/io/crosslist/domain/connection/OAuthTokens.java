package io.crosslist.domain.connection;

import io.crosslist.domain.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * OAuth tokens of an eBay or Etsy account.
 *
 * @param accessToken the bearer token
 * @param refreshToken for a new access token; null when the marketplace gave none
 * @param expiresAt when the access token stops working
 * @param scopes what the tokens were granted (each 1 to 200 characters, at most 50), kept sorted
 */
public record OAuthTokens(Secret accessToken, Secret refreshToken, Instant expiresAt, Set<String> scopes) {
  public OAuthTokens {
    Violations v = new Violations();
    v.require(accessToken != null, "accessToken", "is required");
    v.require(expiresAt != null, "expiresAt", "is required");
    v.require(scopes != null && scopes.size() <= 50, "scopes", "must be given, at most 50");
    v.require(scopes == null || scopes.stream().allMatch(s -> s != null && !s.isBlank() && s.length() <= 200),
        "scopes", "each must be 1 to 200 characters");
    v.throwIfAny();
    scopes = Set.copyOf(new TreeSet<>(scopes));
  }

  /** Whether the access token stops working within {@code window} after {@code now}. */
  public boolean expireWithin(Duration window, Instant now) {
    return !expiresAt.isAfter(now.plus(window));
  }
}
