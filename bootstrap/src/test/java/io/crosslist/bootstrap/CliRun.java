package io.crosslist.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of the {@code crosslist} command line in-process, with what it printed. */
record CliRun(int exit, String out, String err) {

  /** Runs with an empty environment, so that the machine's CROSSLIST_* variables cannot change a test. */
  static CliRun run(String... args) {
    return runWith(Map.of(), args);
  }

  static CliRun runWith(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CrosslistCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
