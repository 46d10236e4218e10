package io.crosslist.application.job.port.in;

import io.crosslist.domain.Page;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;

/** In-port: a page of jobs with filters (status, marketplace, action, batch), newest first. */
public interface ListJobsUseCase {

  Page<MarketplaceJob> list(TenantId tenant, JobSearch search);
}
