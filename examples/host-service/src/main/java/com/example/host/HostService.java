package com.example.host;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.crosslist.adapter.persistence.MigrationScript;
import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.application.schedule.TenantTask;
import io.crosslist.library.CrosslistModule;
import java.net.URI;
import java.util.List;

/**
 * The example host's composition: Crosslist's persistence with the host's migration track and mapper, Crosslist's
 * module with the host's real Etsy gateway, and the host's own bindings (its job handler and its recurring task), in
 * the host's injector.
 */
public final class HostService implements AutoCloseable {
  /** The host's tenant migrations: applied to every tenant after Crosslist's own, recorded per track. */
  public static final MigrationTrack NOTES_TRACK = new MigrationTrack("acme-notes",
      List.of(MigrationScript.fromResource("db/host/V1__product_notes.sql")));

  private final PersistenceModule persistence;
  private final Injector injector;

  /**
   * @param etsyApi the base URL of Etsy's API (the tests' stub on loopback)
   * @param prices what the reprice handler asks before it suggests a price
   */
  public HostService(PersistenceSettings settings, URI etsyApi, NoteRepriceHandler.PriceOracle prices) {
    persistence = new PersistenceModule(settings
        .withTenantTrack(NOTES_TRACK)
        .withMapper(ProductNoteMapper.class));
    CrosslistModule crosslist = CrosslistModule.builder()
        .marketplace(new EtsyHttpGateway(etsyApi))   // real Etsy; Vinted and eBay stay simulated
        .build();
    injector = Guice.createInjector(persistence, crosslist, new AbstractModule() {
      @Override
      protected void configure() {
        bind(NoteRepriceHandler.PriceOracle.class).toInstance(prices);
        CrosslistModule.jobHandlers(binder()).addBinding().to(NoteRepriceHandler.class);
      }

      @ProvidesIntoSet
      TenantTask notesDigest(NotesDigest digest) {
        return digest.task();
      }
    });
  }

  public Injector injector() {
    return injector;
  }

  @Override
  public void close() {
    persistence.close();
  }
}
