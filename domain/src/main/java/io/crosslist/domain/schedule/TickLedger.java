package io.crosslist.domain.schedule;

import java.time.Duration;

/**
 * Out-port: the cluster-wide record of recurring tasks' ticks, shared by every instance on one
 * database. {@link #tryStart} is the only way a tick begins, and for one tick exactly one caller gets
 * true, however many instances ask at once. After downtime a missed tick runs once: the next one is
 * due {@code interval} after the start, not once per interval that passed.
 */
public interface TickLedger {

  /**
   * Begins the task's tick for {@code instance} if it is due and no other instance is running it (or
   * that run outlived {@code maxRun}: its instance died). The next tick becomes due {@code interval}
   * from now. A task never seen before is due at once.
   *
   * @return true when this caller runs the tick
   */
  boolean tryStart(String task, String instance, Duration interval, Duration maxRun);

  /** Ends {@code instance}'s run of the task; the next tick stays due as {@link #tryStart} set it. */
  void finish(String task, String instance);
}
