package io.crosslist.application.suggestion.service;

import io.crosslist.domain.suggestion.TokenUsage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this process's suggestions cost and how many failed, counted since it started: the library exports the
 * figures as Micrometer counters ({@code crosslist.suggestions.tokens} by kind, {@code crosslist.suggestions} by
 * outcome). Each stored suggestion also records its own token usage.
 */
public final class SuggestionUsage {
  private final AtomicLong promptTokens = new AtomicLong();
  private final AtomicLong completionTokens = new AtomicLong();
  private final AtomicLong made = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  void spent(TokenUsage usage) {
    promptTokens.addAndGet(usage.prompt());
    completionTokens.addAndGet(usage.completion());
  }

  void countMade() {
    made.incrementAndGet();
  }

  void countFailed() {
    failed.incrementAndGet();
  }

  /** Prompt tokens spent so far. */
  public long promptTokens() {
    return promptTokens.get();
  }

  /** Completion tokens spent so far. */
  public long completionTokens() {
    return completionTokens.get();
  }

  /** Suggestions proposed within the limits so far. */
  public long suggestions() {
    return made.get();
  }

  /** Suggestions that failed so far (the suggester failed, or its answer broke a rule). */
  public long failures() {
    return failed.get();
  }
}
