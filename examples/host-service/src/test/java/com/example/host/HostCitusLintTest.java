package com.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosslist.adapter.persistence.CitusLint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's own tenant SQL passes Crosslist's Citus lint (one tenant schema per statement, no shared writes...). */
class HostCitusLintTest {

  @Test
  void the_hosts_mappers_and_track_would_run_on_citus_schema_based_sharding() {
    assertEquals(List.of(), CitusLint.problems(List.of(ProductNoteMapper.class), List.of(HostService.NOTES_TRACK)));
  }

  @Test
  void the_host_reads_no_shared_table_that_would_have_to_become_a_reference_table() {
    // with --citus distribute, Crosslist makes every shared table that tenant SQL reads a reference table
    assertEquals(List.of(), List.copyOf(CitusLint.sharedTablesOfTenantSql(List.of(ProductNoteMapper.class),
        List.of(HostService.NOTES_TRACK))));
  }
}
