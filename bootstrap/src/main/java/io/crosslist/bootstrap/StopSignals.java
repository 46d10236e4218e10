package io.crosslist.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT into a request to stop, so that a long-running command drains (in-flight
 * requests, running jobs) and then returns its own exit code: 0 after a clean stop, where the JVM's own
 * handling of SIGTERM would end the process with 143 as soon as the shutdown hooks return. Other ways the
 * JVM shuts down (System.exit elsewhere, the last non-daemon thread) still request the stop, from a
 * shutdown hook that waits for the drain. Closing puts the previous handlers back.
 */
final class StopSignals implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch drained = new CountDownLatch(1);
  private final List<Runnable> restore = new ArrayList<>();
  private final Thread hook;

  /** @param drainTimeoutMillis how long a JVM shutdown waits for the drain before it goes on */
  StopSignals(long drainTimeoutMillis) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal signal = new Signal(name);
        SignalHandler previous = Signal.handle(signal, s -> {
          LOG.info("SIG{} received: stopping (draining first)", name);
          stop.countDown();
        });
        restore.add(() -> Signal.handle(signal, previous));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        LOG.debug("cannot handle SIG{} here ({}); the shutdown hook stops the command instead", name, e.toString());
      }
    }
    hook = new Thread(() -> {
      stop.countDown();
      try {
        drained.await(drainTimeoutMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "crosslist-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Waits until a stop is requested or {@code millis} pass (a negative value: no limit). */
  void await(long millis) throws InterruptedException {
    if (millis < 0) {
      stop.await();
    } else {
      stop.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Requests the stop from inside the process. */
  void requestStop() {
    stop.countDown();
  }

  /** Says the drain is over (a waiting shutdown hook returns) and puts the previous signal handlers back. */
  @Override
  public void close() {
    drained.countDown();
    restore.forEach(Runnable::run);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already; the hook returns now that the drain is over
    }
  }
}
