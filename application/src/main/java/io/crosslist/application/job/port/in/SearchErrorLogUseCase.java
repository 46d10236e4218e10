package io.crosslist.application.job.port.in;

import io.crosslist.domain.Page;
import io.crosslist.domain.job.ErrorLogEntry;
import io.crosslist.domain.job.ErrorLogSearch;
import io.crosslist.domain.tenant.TenantId;

/** In-port: the tenant's marketplace error log, newest first, within a time range. */
public interface SearchErrorLogUseCase {

  Page<ErrorLogEntry> search(TenantId tenant, ErrorLogSearch search);
}
