package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;

/** A row of {@code ${tenant}.marketplace_jobs} as MyBatis reads and writes it (public fields, no logic). */
public final class JobRow {
  public Long id;
  public String marketplace;
  public String action;
  public Long productId;
  public Long batchId;
  public String status;
  public int priority;
  public int attempts;
  public int maxAttempts;
  public Instant runAfter;
  public Instant expiresAt;
  public int progressDone;
  public int progressTotal;
  public String progressMessage;
  public boolean cancelRequested;
  public String lastError;
  public String result;
  public String idempotencyKey;
  public Instant createdAt;
  public Instant updatedAt;
  public Instant startedAt;
  public Instant finishedAt;

  static JobRow of(MarketplaceJob job) {
    JobRow row = new JobRow();
    row.id = job.id() == null ? null : job.id().value();
    row.marketplace = job.marketplace().name();
    row.action = job.action().name();
    row.productId = job.product() == null ? null : job.product().value();
    row.batchId = job.batch() == null ? null : job.batch().value();
    row.status = job.status().name();
    row.priority = job.priority();
    row.attempts = job.attempts();
    row.maxAttempts = job.maxAttempts();
    row.runAfter = job.runAfter();
    row.expiresAt = job.expiresAt();
    row.progressDone = job.progress().done();
    row.progressTotal = job.progress().total();
    row.progressMessage = job.progress().message();
    row.cancelRequested = job.cancelRequested();
    row.lastError = job.lastError();
    row.result = job.result();
    row.idempotencyKey = job.idempotencyKey();
    row.createdAt = job.createdAt();
    row.updatedAt = job.updatedAt();
    row.startedAt = job.startedAt();
    row.finishedAt = job.finishedAt();
    return row;
  }

  /**
   * The row that stores {@code job}. A RUNNING job is stored as the PENDING row its attempt started from (one
   * attempt fewer): the running attempt itself lives in the job's dispatch entry (see viewColumns in
   * JobMapper.xml).
   */
  static JobRow stored(MarketplaceJob job) {
    JobRow row = of(job);
    if (job.status() == JobStatus.RUNNING) {
      row.status = JobStatus.PENDING.name();
      row.attempts = job.attempts() - 1;
    }
    return row;
  }

  /** The status a job in {@code status} has in its row (see {@link #stored}). */
  static JobStatus storedStatus(JobStatus status) {
    return status == JobStatus.RUNNING ? JobStatus.PENDING : status;
  }

  MarketplaceJob toJob() {
    return new MarketplaceJob(JobId.of(id), Marketplace.of(marketplace), JobAction.of(action),
        productId == null ? null : ProductId.of(productId), batchId == null ? null : BatchId.of(batchId),
        JobStatus.valueOf(status), priority, attempts, maxAttempts, runAfter, expiresAt,
        new JobProgress(progressDone, progressTotal, progressMessage), cancelRequested, lastError, result,
        idempotencyKey, createdAt, updatedAt, startedAt, finishedAt);
  }
}
