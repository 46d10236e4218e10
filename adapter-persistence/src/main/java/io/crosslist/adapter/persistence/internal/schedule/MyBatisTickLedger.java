package io.crosslist.adapter.persistence.internal.schedule;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.Violations;
import io.crosslist.domain.schedule.Tick;
import io.crosslist.domain.schedule.TickLedger;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * {@link TickLedger} on {@code crosslist.scheduled_ticks}: each call is a single auto-commit statement (two to
 * start a tick: the first records the task or brings its next tick forward), so no transaction or session lock
 * is held while a tick runs.
 */
@Singleton
public final class MyBatisTickLedger implements TickLedger {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisTickLedger(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean tryStart(String task, String instance, Duration interval, Duration maxRun) {
    Violations v = check(task, instance, maxRun);
    v.require(interval != null && interval.toMillis() >= 1, "interval", "must be at least 1 ms");
    v.throwIfAny();
    sessions.callShared(s -> s.getMapper(TickMapper.class).registerWithInterval(task, interval.toMillis()));
    return sessions.callShared(s -> s.getMapper(TickMapper.class).tryStart(task, instance, interval.toMillis(),
        maxRun.toMillis())) == 1;
  }

  @Override
  public boolean tryStartNow(String task, String instance, Duration maxRun) {
    check(task, instance, maxRun).throwIfAny();
    sessions.callShared(s -> s.getMapper(TickMapper.class).register(task));
    return sessions.callShared(s -> s.getMapper(TickMapper.class).tryStartNow(task, instance,
        maxRun.toMillis())) == 1;
  }

  private static Violations check(String task, String instance, Duration maxRun) {
    Violations v = new Violations();
    v.require(task != null && !task.isBlank() && task.length() <= 100, "task", "must be 1 to 100 characters");
    v.require(instance != null && !instance.isBlank() && instance.length() <= 200, "instance",
        "must be 1 to 200 characters");
    v.require(maxRun != null && maxRun.toMillis() >= 1, "maxRun", "must be at least 1 ms");
    return v;
  }

  @Override
  public void finish(String task, String instance) {
    if (task == null || instance == null) {
      throw ValidationException.of(task == null ? "task" : "instance", "must not be null");
    }
    sessions.callShared(s -> s.getMapper(TickMapper.class).finish(task, instance));
  }

  @Override
  public List<Tick> ticks() {
    return sessions.callShared(s -> s.getMapper(TickMapper.class).ticks()).stream().map(TickRow::toTick).toList();
  }
}
