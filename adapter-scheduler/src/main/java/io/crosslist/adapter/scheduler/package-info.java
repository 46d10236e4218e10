/**
 * Scheduler adapter: drives the jobs engine ({@link io.crosslist.adapter.scheduler.JobWorkerPool}) and,
 * later, recurring work over all tenants. Calls application in-ports only, never another adapter.
 */
package io.crosslist.adapter.scheduler;
