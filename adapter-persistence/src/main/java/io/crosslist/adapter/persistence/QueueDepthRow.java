package io.crosslist.adapter.persistence;

/** One marketplace's counts in the dispatch index, as {@code JobDispatchMapper.depth} reads them. */
final class QueueDepthRow {
  public String marketplace;
  public long waiting;
  public long held;
}
