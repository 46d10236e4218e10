package io.crosslist.application.imports.woocommerce;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, in memory bounded by the longest record it keeps
 * ({@link #MAX_RECORD_CHARS}). It takes a UTF-8 byte-order mark at the start, fields quoted with {@code "} holding
 * commas, doubled quotes and line breaks, and CRLF, LF or CR line ends. A record it cannot read as the RFC says (an
 * unterminated quote, text after a closing quote, a record over the limit) comes back with a {@link Record#problem()}
 * and reading goes on with the next record. Blank lines are no records. Malformed UTF-8 reads as U+FFFD.
 */
public final class CsvReader implements Closeable {
  /** The longest record kept, in characters; a longer one is reported and skipped. */
  public static final int MAX_RECORD_CHARS = 1 << 20;
  private final Reader in;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private boolean started;
  private boolean pendingLf;
  private long line = 1;
  private int records;

  /**
   * One record.
   *
   * @param number 1 for the first record of the input (a header included)
   * @param line the physical line the record starts on
   * @param fields its fields (what was read of them when it has a problem)
   * @param problem why it could not be read as RFC 4180 says, or null
   */
  public record Record(int number, long line, List<String> fields, String problem) {}

  public CsvReader(InputStream bytes) {
    this(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
  }

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end of the input. */
  public Record next() {
    return readRecord();
  }

  private Record readRecord() {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    long startLine = line;
    int kept = 0;
    String problem = null;
    boolean quoted = false;
    boolean afterQuote = false;
    boolean any = false;
    boolean quotedOnce = false;
    while (true) {
      int c = read();
      if (c < 0) {
        if (!any) {
          return null;
        }
        if (quoted) {
          problem = first(problem, "a quoted field is not closed before the end of the file");
        }
        fields.add(field.toString());
        return finish(fields, startLine, problem);
      }
      any = true;
      if (quoted) {
        if (c == '"') {
          quoted = false;
          afterQuote = true;
        } else {
          kept = append(field, (char) c, kept);
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
        continue;
      }
      if (c == '\n') {
        if (fields.isEmpty() && kept == 0 && !quotedOnce) { // a blank line is no record
          startLine = line;
          any = false;
          continue;
        }
        fields.add(field.toString());
        return finish(fields, startLine, problem);
      }
      if (c == '"') {
        if (afterQuote) { // a doubled quote inside a quoted field
          kept = append(field, '"', kept);
          quoted = true;
          afterQuote = false;
        } else if (field.length() == 0) {
          quoted = true;
          quotedOnce = true;
        } else {
          problem = first(problem, "a quote inside an unquoted field");
          kept = append(field, '"', kept);
        }
        continue;
      }
      if (afterQuote) {
        problem = first(problem, "text after the closing quote of a field");
        afterQuote = false;
      }
      kept = append(field, (char) c, kept);
      if (kept > MAX_RECORD_CHARS) {
        problem = first(problem, "the record is longer than " + MAX_RECORD_CHARS + " characters");
      }
    }
  }

  private Record finish(List<String> fields, long startLine, String problem) {
    records++;
    return new Record(records, startLine, fields, problem);
  }

  private static String first(String problem, String candidate) {
    return problem == null ? candidate : problem;
  }

  private static int append(StringBuilder field, char c, int kept) {
    if (kept < MAX_RECORD_CHARS) {
      field.append(c);
    }
    return kept + 1;
  }

  /** The next character with CR and CRLF read as LF, and the byte-order mark at the start dropped; -1 at the end. */
  private int read() {
    while (true) {
      if (position == limit) {
        try {
          limit = in.read(buffer, 0, buffer.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      char c = buffer[position++];
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (pendingLf) {
        pendingLf = false;
        if (c == '\n') {
          continue;
        }
      }
      if (c == '\r') {
        pendingLf = true;
        line++;
        return '\n';
      }
      if (c == '\n') {
        line++;
      }
      return c;
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
