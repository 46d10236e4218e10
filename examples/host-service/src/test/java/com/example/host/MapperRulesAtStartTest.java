package com.example.host;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import io.crosslist.adapter.persistence.PersistenceModule;
import org.junit.jupiter.api.Test;

/** Crosslist checks the host's mappers when it starts: one that names a tenant table without the tenant stops it. */
class MapperRulesAtStartTest {

  @Test
  void a_host_mapper_naming_its_tenant_table_without_the_tenant_stops_the_start() {
    PersistenceModule persistence = new PersistenceModule(HostDatabase.settings()
        .withTenantTrack(HostService.NOTES_TRACK)
        .withMapper(ProductNoteMapper.class)
        .withMapper(UnqualifiedNoteMapper.class));
    CreationException refused = assertThrows(CreationException.class, () -> Guice.createInjector(persistence));
    assertTrue(refused.getMessage().contains("UnqualifiedNoteMapper.count names the tenant table product_notes"
        + " as 'product_notes': write ${tenant}.product_notes"), refused.getMessage());
  }
}
