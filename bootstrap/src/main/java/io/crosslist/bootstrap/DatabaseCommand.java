package io.crosslist.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.library.CrosslistModule;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What a one-shot command on the database shares ({@code tenants …}, {@code tasks …}): the database and
 * configuration options, its output, and an injector of Crosslist over the database for the length of one call.
 */
abstract class DatabaseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOption database;

  @Mixin
  ConfigOption config;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Runs {@code work} with Crosslist over the configured database, closed afterwards. */
  <T> T withInjector(Function<Injector, T> work) {
    try (Database db = database.open(); PersistenceModule persistence = new PersistenceModule(db.settings())) {
      return work.apply(Guice.createInjector(persistence, new CrosslistModule()));
    }
  }
}
