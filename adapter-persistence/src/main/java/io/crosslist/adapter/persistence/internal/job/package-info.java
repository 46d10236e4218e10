/**
 * Internal: the persistence of the job engine's store: jobs, batches, tasks and the journal ({@code
 * ${tenant}.marketplace_jobs}, {@code marketplace_batches}, {@code marketplace_tasks}, {@code
 * marketplace_error_log}, {@code job_statistics}) and the shared dispatch index ({@code
 * crosslist.job_dispatch}); {@link io.crosslist.adapter.persistence.internal.job.MyBatisJobQueue} claims,
 * finishes and maintains ({@link io.crosslist.adapter.persistence.internal.job.LeaseMaintenance}) the queue, the
 * repositories keep the index in the same transaction as the job. Each mapper's SQL is in the XML file of the
 * same name in this package's resource folder. Every statement goes through {@link
 * io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork}.
 *
 * <p>Not API: types here are public only so that {@link io.crosslist.adapter.persistence.PersistenceModule} can
 * bind them. Nothing outside {@code io.crosslist.adapter.persistence} may depend on them (an ArchUnit rule in
 * {@code architecture-tests} enforces it).
 */
package io.crosslist.adapter.persistence.internal.job;
