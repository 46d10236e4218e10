package io.crosslist.adapter.persistence.internal.connection;

import java.time.Instant;
import java.util.List;

/** A row of {@code marketplace_connections}; the secret columns hold ciphertexts only. */
public final class ConnectionRow {
  public long id;
  public String marketplace;
  public String externalAccountId;
  public String displayName;
  public String status;
  public byte[] accessToken;
  public byte[] refreshToken;
  public Instant tokenExpiresAt;
  public List<String> scopes;
  public byte[] sessionCookies;
  public Instant lastKeepAliveAt;
  public int keepAliveFailures;
  public String lastError;
  public long version;
  public Instant createdAt;
  public Instant updatedAt;
}
