package io.crosslist.domain.imports;

import io.crosslist.domain.DomainException;

/** An uploaded import file is larger than the limit; nothing of it was kept. */
public final class ImportFileTooLargeException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  public ImportFileTooLargeException(long limit) {
    super("file: must be at most " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
