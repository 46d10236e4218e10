package io.crosslist.adapter.persistence.internal.archive;

import io.crosslist.domain.tenant.TenantArchive;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams that count the bytes of one table's COPY data and tell the progress about a long copy now and then. */
final class ArchiveStreams {
  /** At most one "still copying" report per table in this many nanoseconds. */
  private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

  private ArchiveStreams() {}

  /** The bytes of one table's copy so far, and a "still copying" report now and then. */
  private static final class Meter {
    private final String table;
    private final TenantArchive.Progress progress;
    private long bytes;
    private long reportedAt = System.nanoTime();

    Meter(String table, TenantArchive.Progress progress) {
      this.table = table;
      this.progress = progress;
    }

    void counted(int n) {
      bytes += n;
      long now = System.nanoTime();
      if (now - reportedAt >= REPORT_EVERY_NANOS) {
        reportedAt = now;
        progress.stillCopying(table, bytes);
      }
    }
  }

  /** Counts what goes to {@code out}; closing it leaves {@code out} open (it is a zip entry). */
  static final class Counting extends FilterOutputStream {
    private final Meter meter;

    Counting(OutputStream out, String table, TenantArchive.Progress progress) {
      super(out);
      this.meter = new Meter(table, progress);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      meter.counted(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      meter.counted(len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    long bytes() {
      return meter.bytes;
    }
  }

  /** Counts what is read from {@code in}. */
  static final class CountingInput extends FilterInputStream {
    private final Meter meter;

    CountingInput(InputStream in, String table, TenantArchive.Progress progress) {
      super(in);
      this.meter = new Meter(table, progress);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        meter.counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        meter.counted(n);
      }
      return n;
    }

    long bytes() {
      return meter.bytes;
    }
  }
}
