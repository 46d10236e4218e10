package com.example.host;

import io.crosslist.adapter.persistence.TenantMappers;
import io.crosslist.application.schedule.TenantTask;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's recurring task: once a day, a digest of each tenant's notes. Crosslist runs it over the tenant sweep
 * with its cluster-safe ticks (once per tick across every instance), failure isolation, summaries and metrics; it
 * can be run now ({@code crosslist tasks run notes-digest}, {@code POST /admin/tasks/notes-digest/runs}).
 */
@Singleton
public final class NotesDigest {
  private static final Logger LOG = LoggerFactory.getLogger(NotesDigest.class);
  private final TenantMappers mappers;
  private final Map<TenantId, AtomicInteger> runs = new ConcurrentHashMap<>();

  @Inject
  public NotesDigest(TenantMappers mappers) {
    this.mappers = mappers;
  }

  /** The task as Crosslist registers it. */
  public TenantTask task() {
    return TenantTask.of("notes-digest", Duration.ofDays(1), this::digest);
  }

  /** One tenant's digest: how many notes it holds (the items the run reports). */
  int digest(TenantId tenant) {
    runs.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
    int notes = mappers.call(tenant, ProductNoteMapper.class, m -> m.count(tenant));
    LOG.debug("{}: {} notes", tenant, notes);
    return notes;
  }

  /** How often this instance digested {@code tenant}. */
  public int runsFor(TenantId tenant) {
    AtomicInteger count = runs.get(tenant);
    return count == null ? 0 : count.get();
  }
}
