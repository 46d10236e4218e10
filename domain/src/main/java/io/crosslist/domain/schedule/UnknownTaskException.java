package io.crosslist.domain.schedule;

import io.crosslist.domain.DomainException;
import java.util.Collection;
import java.util.List;

/** No recurring task has the name asked for; the message names it and the known ones. */
public final class UnknownTaskException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String task;

  public UnknownTaskException(String task, Collection<String> known) {
    super("no recurring task is named '" + shown(task) + "'; known: " + List.copyOf(known));
    this.task = task;
  }

  /** The name asked for. */
  public String task() {
    return task;
  }

  /** The name as a message shows it: at most 100 characters. */
  private static String shown(String task) {
    return task == null ? "null" : task.length() <= 100 ? task : task.substring(0, 100) + "...";
  }
}
