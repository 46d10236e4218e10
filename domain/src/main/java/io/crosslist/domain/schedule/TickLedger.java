package io.crosslist.domain.schedule;

import java.time.Duration;
import java.util.List;

/**
 * Out-port: the cluster-wide record of recurring tasks' ticks, shared by every instance on one
 * database. {@link #tryStart} and {@link #tryStartNow} are the only ways a run begins, and for one tick
 * exactly one caller gets true, however many instances ask at once. After downtime a missed tick runs once:
 * the next one is due {@code interval} after the start, not once per interval that passed.
 */
public interface TickLedger {

  /**
   * Begins the task's tick for {@code instance} if it is due and no other instance is running it (or
   * that run outlived {@code maxRun}: its instance died). The next tick becomes due {@code interval}
   * from now. A task never seen before is due at once.
   *
   * <p>A shortened interval takes effect at once: when the stored next tick is later than now plus
   * {@code interval} (it was set with a longer one), it is first brought forward to the last start plus
   * {@code interval} (now, if it never ran), in one compare-and-set statement, so it may be due right away.
   *
   * @return true when this caller runs the tick
   */
  boolean tryStart(String task, String instance, Duration interval, Duration maxRun);

  /**
   * Begins a run of the task for {@code instance} now, due or not, unless another instance is running it
   * (and that run has not outlived its {@code maxRun}). The schedule is not moved: the next tick stays due
   * when it was. A task never seen before is recorded.
   *
   * @return true when this caller runs it; false when another run holds the task
   */
  boolean tryStartNow(String task, String instance, Duration maxRun);

  /** Ends {@code instance}'s run of the task; the next tick stays due as {@link #tryStart} set it. */
  void finish(String task, String instance);

  /** Every task's tick as recorded, by name (tasks no instance has asked about yet are not there). */
  List<Tick> ticks();
}
