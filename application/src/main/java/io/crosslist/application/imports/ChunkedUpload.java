package io.crosslist.application.imports;

import io.crosslist.domain.imports.ImportFileTooLargeException;
import io.crosslist.domain.imports.ImportId;
import io.crosslist.domain.imports.ProductImportRepository;
import io.crosslist.domain.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;

/**
 * The uploaded bytes on their way to the store: whatever is read through this stream is also appended to the
 * import's file in chunks of {@code chunkBytes}, so the upload is parsed (to count its rows) and stored in one
 * pass, in memory bounded by one chunk.
 */
final class ChunkedUpload extends InputStream {
  private final InputStream source;
  private final ProductImportRepository imports;
  private final TenantId tenant;
  private final ImportId id;
  private final long maxBytes;
  private final byte[] chunk;
  private int filled;
  private int sequence;
  private long total;

  ChunkedUpload(InputStream source, ProductImportRepository imports, TenantId tenant, ImportId id, int chunkBytes,
      long maxBytes) {
    this.source = source;
    this.imports = imports;
    this.tenant = tenant;
    this.id = id;
    this.maxBytes = maxBytes;
    this.chunk = new byte[chunkBytes];
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = source.read(b, off, Math.min(len, chunk.length - filled));
    if (n <= 0) {
      return n;
    }
    total += n;
    if (total > maxBytes) {
      throw new ImportFileTooLargeException(maxBytes);
    }
    System.arraycopy(b, off, chunk, filled, n);
    filled += n;
    if (filled == chunk.length) {
      flush();
    }
    return n;
  }

  /** Stores what is left of the last chunk; returns the file's size. */
  long finish() throws IOException {
    byte[] rest = new byte[8192];
    while (read(rest, 0, rest.length) >= 0) {
      // whatever the parser did not need to read (nothing, normally) is stored too
    }
    flush();
    return total;
  }

  private void flush() {
    if (filled > 0) {
      imports.appendChunk(tenant, id, sequence++, chunk, filled);
      filled = 0;
    }
  }
}
