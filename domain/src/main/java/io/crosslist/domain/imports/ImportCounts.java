package io.crosslist.domain.imports;

/**
 * How far an import is, as committed with its products: the checkpoint a resumed run starts from.
 *
 * @param rowsDone data rows read and settled (the header is not a row), in file order
 * @param created products created
 * @param updated products whose details changed
 * @param unchanged products found by SKU whose details were already those of the row
 * @param skipped rows that are no product (a variable product's parent, a grouped product, ...)
 * @param failed rows not imported (each has at least one issue with {@code rowFailed})
 * @param issues issues recorded (a row can have several)
 */
public record ImportCounts(int rowsDone, int created, int updated, int unchanged, int skipped, int failed,
    int issues) {
  public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0);

  public ImportCounts {
    if (rowsDone < 0 || created < 0 || updated < 0 || unchanged < 0 || skipped < 0 || failed < 0 || issues < 0) {
      throw new IllegalArgumentException("import counts are zero or more");
    }
  }

  /** These counts with {@code other}'s added. */
  public ImportCounts plus(ImportCounts other) {
    return new ImportCounts(rowsDone + other.rowsDone, created + other.created, updated + other.updated,
        unchanged + other.unchanged, skipped + other.skipped, failed + other.failed, issues + other.issues);
  }
}
