package io.crosslist.application.tenant;

import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.tenant.Tenant;

/** In-port: the tenant registry for administrators, active and suspended, in ascending id order. */
public interface ListTenantsUseCase {

  /** Default page size. */
  int DEFAULT_LIMIT = 100;
  /** Largest page size. */
  int MAX_LIMIT = 1_000;

  /**
   * One page of tenants.
   *
   * @param after the cursor of the previous page, or null for the first page
   * @param limit 1 to {@value #MAX_LIMIT}
   * @throws io.crosslist.domain.ValidationException when {@code limit} is out of range
   */
  Page<Tenant> list(PageCursor after, int limit);
}
