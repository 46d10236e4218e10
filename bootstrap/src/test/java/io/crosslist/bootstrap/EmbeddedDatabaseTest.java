package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no JDBC URL, commands run on an embedded PostgreSQL whose data directory outlives the process. */
class EmbeddedDatabaseTest {

  @TempDir
  Path dir;

  @Test
  void data_written_in_one_run_is_there_in_the_next_and_each_run_says_where_it_is() throws Exception {
    Path data = dir.resolve("postgres");
    try (Database first = Database.open(null, null, data);
        Connection c = DriverManager.getConnection(first.settings().jdbcUrl());
        Statement s = c.createStatement()) {
      assertEquals("embedded PostgreSQL in " + data + " (new; kept for the next run)", first.description());
      s.execute("create table kept (note text)");
      s.execute("insert into kept values ('from the first run')");
    }
    try (Database second = Database.open(null, null, data);
        Connection c = DriverManager.getConnection(second.settings().jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select note from kept")) {
      assertEquals("embedded PostgreSQL in " + data + " (existing data)", second.description());
      assertTrue(rows.next());
      assertEquals("from the first run", rows.getString(1));
    }
  }
}
