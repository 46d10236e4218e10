package io.crosslist.adapter.marketplace;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link SimulatedListings} in the database, in the schema {@code crosslist_simulation} (shared migration V9): the
 * listing numbers come from the sequence {@code crosslist_simulation.listing_numbers}, and a listing is stored once
 * per (marketplace, account, idempotency key). It is not tenant data: every statement names the simulation's schema,
 * none a tenant's. Plain JDBC on the connections {@code dataSource} lends.
 */
public final class JdbcSimulatedListings implements SimulatedListings {
  private static final String COLUMNS = "marketplace, account_id, external_id, url, number, title, price_amount,"
      + " price_currency, active, listed_at";
  private final DataSource dataSource;

  public JdbcSimulatedListings(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  static String url(Marketplace marketplace, String externalId) {
    return "https://" + marketplace.name().toLowerCase(Locale.ROOT) + ".simulated.invalid/listings/" + externalId;
  }

  @Override
  public Listed createOnce(Marketplace marketplace, TenantId account, String idempotencyKey, String title, Money price,
      Instant now) {
    String prefix = marketplace.name().toLowerCase(Locale.ROOT) + "-";
    String insert = "with n as (select nextval('crosslist_simulation.listing_numbers') as number)"
        + " insert into crosslist_simulation.listings (external_id, marketplace, account_id, idempotency_key, number,"
        + " url, title, price_amount, price_currency, active, listed_at)"
        + " select ? || n.number, ?, ?, ?, n.number, ? || ? || n.number, ?, ?, ?, true, ? from n"
        + " on conflict (marketplace, account_id, idempotency_key) do nothing";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setString(1, prefix);
        ps.setString(2, marketplace.name());
        ps.setLong(3, account.value());
        ps.setString(4, idempotencyKey);
        ps.setString(5, url(marketplace, ""));
        ps.setString(6, prefix);
        ps.setString(7, title);
        ps.setBigDecimal(8, price.amount());
        ps.setString(9, price.currency());
        ps.setTimestamp(10, Timestamp.from(now.truncatedTo(ChronoUnit.MICROS)));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from crosslist_simulation.listings"
          + " where marketplace = ? and account_id = ? and idempotency_key = ?")) {
        ps.setString(1, marketplace.name());
        ps.setLong(2, account.value());
        ps.setString(3, idempotencyKey);
        return readAll(ps).get(0);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("simulated marketplace store: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Listed> find(Marketplace marketplace, String externalId) {
    return query("select " + COLUMNS + " from crosslist_simulation.listings where marketplace = ? and external_id = ?",
        ps -> {
          ps.setString(1, marketplace.name());
          ps.setString(2, externalId);
        }).stream().findFirst();
  }

  @Override
  public void update(Listed listing) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "update crosslist_simulation.listings set title = ?, price_amount = ?, price_currency = ?, active = ?"
            + " where external_id = ?")) {
      c.setAutoCommit(true);
      ps.setString(1, listing.title());
      ps.setBigDecimal(2, listing.price().amount());
      ps.setString(3, listing.price().currency());
      ps.setBoolean(4, listing.active());
      ps.setString(5, listing.externalId());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("simulated marketplace store: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Listed> listedSince(Marketplace marketplace, TenantId account, Instant since) {
    return query("select " + COLUMNS + " from crosslist_simulation.listings where marketplace = ? and account_id = ?"
        + " and listed_at >= ? order by listed_at, number", ps -> {
          ps.setString(1, marketplace.name());
          ps.setLong(2, account.value());
          ps.setTimestamp(3, Timestamp.from(since));
        });
  }

  @Override
  public int count(Marketplace marketplace) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "select count(*) from crosslist_simulation.listings where marketplace = ?")) {
      ps.setString(1, marketplace.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("simulated marketplace store: " + e.getMessage(), e);
    }
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Listed> query(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return readAll(ps);
    } catch (SQLException e) {
      throw new IllegalStateException("simulated marketplace store: " + e.getMessage(), e);
    }
  }

  private static List<Listed> readAll(PreparedStatement ps) throws SQLException {
    List<Listed> listed = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        listed.add(new Listed(Marketplace.of(rs.getString(1)), TenantId.of(rs.getLong(2)), rs.getString(3),
            rs.getString(4), rs.getLong(5), rs.getString(6), new Money(rs.getBigDecimal(7), rs.getString(8)),
            rs.getBoolean(9), rs.getTimestamp(10).toInstant()));
      }
    }
    return listed;
  }
}
