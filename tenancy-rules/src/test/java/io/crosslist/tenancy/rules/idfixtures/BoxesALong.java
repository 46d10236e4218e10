package io.crosslist.tenancy.rules.idfixtures;

/** Keeps the id rule: Long.valueOf(long) parses nothing. */
public class BoxesALong {
  public Long boxed(long value) {
    return Long.valueOf(value);
  }
}
