package com.example.host;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.MigrationScript;
import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.library.CrosslistModule;
import java.util.List;

/**
 * The example host's composition: Crosslist's persistence with the host's migration track and mapper,
 * Crosslist's module, and the host's own bindings, in the host's own injector.
 */
public final class HostService implements AutoCloseable {
  /** The host's tenant migrations: applied to every tenant after Crosslist's own, recorded per track. */
  public static final MigrationTrack NOTES_TRACK = new MigrationTrack("acme-notes",
      List.of(MigrationScript.fromResource("db/host/V1__product_notes.sql")));

  private final PersistenceModule persistence;
  private final Injector injector;

  public HostService(PersistenceSettings settings) {
    persistence = new PersistenceModule(settings
        .withTenantTrack(NOTES_TRACK)
        .withMapper(ProductNoteMapper.class));
    injector = Guice.createInjector(persistence, new CrosslistModule());
  }

  public Injector injector() {
    return injector;
  }

  @Override
  public void close() {
    persistence.close();
  }
}
