package io.crosslist.adapter.persistence.internal.migration;

import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reads of the tenant registry ({@code crosslist.tenants}, {@code tenant_tracks}, {@code tenant_migrations})
 * that the migration runner needs: which tenants are behind this build, whether one is current, what one has applied.
 */
final class TenantRegistry {
  private final DataSource dataSource;
  private final List<MigrationTrack> tracks;

  TenantRegistry(DataSource dataSource, List<MigrationTrack> tracks) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.tracks = List.copyOf(tracks);
  }

  /**
   * One query over the registry: a tenant is behind when some track has no row for it at this build's version
   * (the primary key of {@code tenant_tracks} answers each probe; no tenant schema is read).
   */
  public List<TenantId> behind(Optional<TenantId> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
    }
    StringBuilder sql = new StringBuilder("select t.id from crosslist.tenants t where t.id > ? and (false");
    for (MigrationTrack track : tracks) {
      sql.append(" or not exists (select 1 from crosslist.tenant_tracks k where k.tenant_id = t.id and k.track = '")
          .append(track.name()).append("' and k.version >= ").append(track.latest()).append(')');
    }
    sql.append(") order by t.id limit ?");
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
      ps.setLong(1, after.map(TenantId::value).orElse(0L));
      ps.setInt(2, limit);
      List<TenantId> behind = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          behind.add(TenantId.of(rs.getLong(1)));
        }
      }
      return behind;
    } catch (SQLException e) {
      throw TenantMigrations.failure("finding the tenants behind this build", e);
    }
  }

  public boolean isCurrent(TenantId tenant) {
    StringBuilder sql = new StringBuilder("select count(*) from crosslist.tenant_tracks k where k.tenant_id = ? and (false");
    for (MigrationTrack track : tracks) {
      sql.append(" or (k.track = '").append(track.name()).append("' and k.version >= ").append(track.latest())
          .append(')');
    }
    sql.append(')');
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
      ps.setLong(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == tracks.size();
      }
    } catch (SQLException e) {
      throw TenantMigrations.failure("reading the versions of " + tenant, e);
    }
  }

  /** Applied checksums by track and version, or null when the tenant is not registered. */
  static Map<String, Map<Integer, String>> applied(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select m.track, m.version, m.checksum from crosslist.tenants t"
        + " left join crosslist.tenant_migrations m on m.tenant_id = t.id where t.id = ? for update of t")) {
      ps.setLong(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        Map<String, Map<Integer, String>> applied = null;
        while (rs.next()) {
          applied = applied == null ? new HashMap<>() : applied;
          if (rs.getString(1) != null) {
            applied.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
          }
        }
        return applied;
      }
    }
  }

}
