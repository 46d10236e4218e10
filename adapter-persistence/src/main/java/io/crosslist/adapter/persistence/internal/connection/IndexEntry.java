package io.crosslist.adapter.persistence.internal.connection;

/** A row of {@code crosslist.connected_accounts} for one tenant: which connection is its CONNECTED one there. */
public final class IndexEntry {
  public String marketplace;
  public long connectionId;
}
