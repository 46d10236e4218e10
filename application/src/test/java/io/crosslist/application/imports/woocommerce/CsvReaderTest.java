package io.crosslist.application.imports.woocommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<CsvReader.Record> read(String text) {
    List<CsvReader.Record> records = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  @Test
  void quoted_fields_hold_commas_doubled_quotes_and_line_breaks() {
    List<CsvReader.Record> records = read("\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"line one\r\nline two\",\r\n");
    assertEquals(3, records.size());
    assertEquals(List.of("a", "b", "c"), records.get(0).fields(), "the byte-order mark is no part of the first name");
    assertEquals(List.of("1", "x, y", "say \"hi\""), records.get(1).fields());
    assertEquals(List.of("2", "line one\nline two", ""), records.get(2).fields());
    assertEquals(3, records.get(2).line());
    assertNull(records.get(2).problem());
  }

  @Test
  void lf_cr_and_a_missing_last_line_end_all_end_records_and_blank_lines_are_none() {
    List<CsvReader.Record> records = read("a\n\nb\rc\r\n\"\"\nd");
    assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of(""), List.of("d")),
        records.stream().map(CsvReader.Record::fields).toList());
    assertEquals(List.of(1, 2, 3, 4, 5), records.stream().map(CsvReader.Record::number).toList());
  }

  @Test
  void a_broken_record_is_reported_and_reading_goes_on() {
    List<CsvReader.Record> records = read("1,\"ab\"x,2\n3,a\"b\n4,\"ok\"\n5,\"never closed\n6,z\n");
    assertEquals("text after the closing quote of a field", records.get(0).problem());
    assertEquals("a quote inside an unquoted field", records.get(1).problem());
    assertNull(records.get(2).problem());
    assertEquals(List.of("4", "ok"), records.get(2).fields());
    assertEquals("a quoted field is not closed before the end of the file", records.get(3).problem());
    assertEquals(4, records.size(), "the unclosed quote takes the rest of the file");
  }

  @Test
  void malformed_utf8_reads_as_replacement_characters() {
    byte[] bytes = {'a', ',', (byte) 0xC3, (byte) 0x28, '\n'};
    try (CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes))) {
      assertEquals(List.of("a", "\uFFFD("), reader.next().fields());
    }
  }
}
