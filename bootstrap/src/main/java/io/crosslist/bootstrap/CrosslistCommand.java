package io.crosslist.bootstrap;

import io.crosslist.domain.DomainException;
import io.crosslist.domain.tenant.InvalidTenantIdException;
import io.crosslist.domain.tenant.TenantId;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crosslist} command line: {@code java -jar crosslist.jar <command>}. */
@Command(name = "crosslist", mixinStandardHelpOptions = true, version = "crosslist 0.1.0",
    description = "Multi-tenant marketplace back end on PostgreSQL.",
    subcommands = {DemoCommand.class, ServeCommand.class, TokenCommand.class, WorkerCommand.class, KeysetCommand.class, ResealCommand.class,
        CommandLine.HelpCommand.class})
public final class CrosslistCommand {

  public static void main(String[] args) {
    System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
  }

  /** The configured command line; tests run it with their own writers. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new CrosslistCommand());
    // "@file" is ours (--secret-keyset @keyset.json); picocli's own @-files would splice the file's text
    // into the arguments, and print key material in a usage error
    cli.setExpandAtFiles(false);
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(TenantId.class, text -> {
      try {
        return TenantId.parse(text);
      } catch (InvalidTenantIdException e) {
        throw new CommandLine.TypeConversionException(e.getMessage()); // the rule, without a class name
      }
    });
    // Bad input and domain refusals are reported as one line, never as a stack trace.
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + (e instanceof DomainException || e instanceof IllegalArgumentException
          ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage()));
      return e instanceof DomainException || e instanceof IllegalArgumentException ? 2 : 1;
    });
    return cli;
  }
}
