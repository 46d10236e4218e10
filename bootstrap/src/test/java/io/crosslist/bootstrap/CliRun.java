package io.crosslist.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code crosslist} command line in-process, with what it printed. */
record CliRun(int exit, String out, String err) {

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CrosslistCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
