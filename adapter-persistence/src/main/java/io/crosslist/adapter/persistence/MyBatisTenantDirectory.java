package io.crosslist.adapter.persistence;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** {@link TenantDirectory} on the shared registry table. */
@Singleton
final class MyBatisTenantDirectory implements TenantDirectory {
  static final int MAX_PAGE = 10_000;
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisTenantDirectory(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public List<TenantId> activeTenants(Optional<TenantId> after, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
    }
    long afterId = after.map(TenantId::value).orElse(0L);
    return sessions.callShared(s -> s.getMapper(TenantRegistryMapper.class).activeTenantIds(afterId, limit))
        .stream().map(TenantId::of).toList();
  }

  @Override
  public Optional<Tenant> find(TenantId tenant) {
    return sessions.callShared(s -> s.getMapper(TenantRegistryMapper.class).find(tenant.value()))
        .map(TenantRow::toTenant);
  }
}
