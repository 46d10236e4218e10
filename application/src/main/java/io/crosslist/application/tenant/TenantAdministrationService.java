package io.crosslist.application.tenant;

import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.TenantSuspension;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Lists, reads, suspends and reactivates tenants through the registry's out-ports. */
public final class TenantAdministrationService implements ListTenantsUseCase, GetTenantUseCase,
    ChangeTenantStatusUseCase {
  private static final Logger LOG = System.getLogger(TenantAdministrationService.class.getName());
  private final TenantDirectory directory;
  private final TenantSuspension suspension;

  public TenantAdministrationService(TenantDirectory directory, TenantSuspension suspension) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.suspension = Objects.requireNonNull(suspension, "suspension");
  }

  @Override
  public Page<Tenant> list(PageCursor after, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
    // one row more than asked says whether a next page exists
    List<Tenant> rows = directory.tenants(Optional.ofNullable(after).map(c -> TenantId.of(c.lastId())), limit + 1);
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<Tenant> page = rows.subList(0, limit);
    return new Page<>(page, PageCursor.after(page.get(limit - 1).id().value()));
  }

  @Override
  public Optional<Tenant> find(TenantId tenant) {
    return directory.find(Objects.requireNonNull(tenant, "tenant"));
  }

  @Override
  public Tenant changeStatus(TenantId tenant, TenantStatus status) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(status, "status");
    Tenant changed = suspension.changeStatus(tenant, status).orElseThrow(() -> new UnknownTenantException(tenant));
    LOG.log(Level.INFO, "{0} is now {1}", tenant, changed.status());
    return changed;
  }
}
