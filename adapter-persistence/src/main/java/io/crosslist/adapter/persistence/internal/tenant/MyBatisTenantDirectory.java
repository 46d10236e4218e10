package io.crosslist.adapter.persistence.internal.tenant;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.TenantSuspension;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** {@link TenantDirectory} and {@link TenantSuspension} on the shared registry table. */
@Singleton
public final class MyBatisTenantDirectory implements TenantDirectory, TenantSuspension {
  static final int MAX_PAGE = 10_000;
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisTenantDirectory(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public List<TenantId> activeTenants(Optional<TenantId> after, int limit) {
    long afterId = pageStart(after, limit);
    return sessions.callShared(s -> s.getMapper(TenantRegistryMapper.class).activeTenantIds(afterId, limit))
        .stream().map(TenantId::of).toList();
  }

  @Override
  public List<Tenant> tenants(Optional<TenantId> after, int limit) {
    long afterId = pageStart(after, limit);
    return sessions.callShared(s -> s.getMapper(TenantRegistryMapper.class).tenants(afterId, limit))
        .stream().map(TenantRow::toTenant).toList();
  }

  /** The exclusive lower bound of a page, after checking its size. */
  private static long pageStart(Optional<TenantId> after, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
    }
    return after.map(TenantId::value).orElse(0L);
  }

  @Override
  public Optional<Tenant> changeStatus(TenantId tenant, TenantStatus status) {
    return sessions.callShared(s -> s.getMapper(TenantRegistryMapper.class).changeStatus(tenant.value(),
        status.name())).map(TenantRow::toTenant);
  }

  @Override
  public Optional<Tenant> find(TenantId tenant) {
    return sessions.callShared(s -> s.getMapper(TenantRegistryMapper.class).find(tenant.value()))
        .map(TenantRow::toTenant);
  }
}
