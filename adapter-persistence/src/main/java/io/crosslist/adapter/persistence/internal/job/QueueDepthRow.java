package io.crosslist.adapter.persistence.internal.job;

/** One marketplace's counts in the dispatch index, as {@code JobDispatchMapper.depth} reads them. */
public final class QueueDepthRow {
  public String marketplace;
  public long waiting;
  public long held;
}
