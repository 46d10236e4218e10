package io.crosslist.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The times Crosslist accepts from its callers: years 1 to 9999 (UTC). PostgreSQL stores less than Java
 * parses (an {@link Instant} reaches year 1,000,000,000; {@code timestamptz} ends in 294276 AD), so a
 * time outside this range is refused with its field's name before it reaches a statement.
 */
public final class StorableTime {
  public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
  public static final Instant MIN = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
  /** The first instant after the range. */
  public static final Instant END = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  public static final String RULE = "must be between 0001-01-01 and 9999-12-31 (UTC)";

  private StorableTime() {}

  /** Records a violation on {@code field} when {@code time} is set and outside the range. */
  public static Violations check(Violations v, String field, Instant time) {
    return v.require(time == null || (!time.isBefore(MIN) && time.isBefore(END)), field, RULE);
  }

  /** Records a violation on {@code field} when {@code date} is set and outside the range. */
  public static Violations check(Violations v, String field, LocalDate date) {
    return v.require(date == null || (!date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE)), field, RULE);
  }
}
