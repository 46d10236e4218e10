package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.internal.migration.SchemaMigrations;
import io.crosslist.application.port.out.Readiness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The readiness probe: up only when the database answers and the shared schema is this build's. */
class ReadinessTest {

  private static PGSimpleDataSource dataSource(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setConnectTimeout(2);
    return ds;
  }

  @Test
  void the_migrated_database_is_ready() {
    Persistence.get(); // migrates the shared schema
    Readiness.Status status = new SchemaMigrations(dataSource(TestDatabase.get().jdbcUrl())).check();
    assertTrue(status.ready(), status.detail());
  }

  @Test
  void a_shared_schema_behind_this_build_is_not_ready() {
    Persistence.get();
    List<MigrationScript> newer = new ArrayList<>(MigrationScript.SHARED);
    newer.add(new MigrationScript(99, "from the future", "select 1"));
    Readiness.Status status = new SchemaMigrations(dataSource(TestDatabase.get().jdbcUrl()), newer).check();
    assertFalse(status.ready());
    assertTrue(status.detail().contains("this build expects 99"), status.detail());
  }

  @Test
  void an_unreachable_database_is_not_ready_and_the_detail_holds_no_url() {
    Readiness.Status status = new SchemaMigrations(dataSource("jdbc:postgresql://127.0.0.1:1/nowhere?user=secret"))
        .check();
    assertFalse(status.ready());
    assertTrue(status.detail().startsWith("database unavailable"), status.detail());
    assertFalse(status.detail().contains("secret"), status.detail());
  }
}
