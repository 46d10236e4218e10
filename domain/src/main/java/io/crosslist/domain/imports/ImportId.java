package io.crosslist.domain.imports;

/** Identity of a product import inside its tenant's schema (ids repeat across tenants). */
public record ImportId(long value) {
  public ImportId {
    if (value <= 0) {
      throw new IllegalArgumentException("import id must be positive, got " + value);
    }
  }

  public static ImportId of(long value) {
    return new ImportId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
