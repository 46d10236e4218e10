package io.crosslist.bootstrap;

import io.crosslist.domain.DomainException;
import io.crosslist.domain.tenant.InvalidTenantIdException;
import io.crosslist.domain.tenant.TenantId;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crosslist} command line: {@code java -jar crosslist.jar <command>}. */
@Command(name = "crosslist", mixinStandardHelpOptions = true, version = "crosslist 0.1.0",
    description = "Multi-tenant marketplace back end on PostgreSQL.",
    subcommands = {DemoCommand.class, ServeCommand.class, TokenCommand.class, WorkerCommand.class, KeysetCommand.class, ResealCommand.class, TenantsCommand.class,
        TasksCommand.class, ConnectionsCommand.class, ImportCommand.class, JobsCommand.class, CommandLine.HelpCommand.class})
public final class CrosslistCommand {

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
  }

  /**
   * Runs one command line and returns its exit code; tests give their own writers and environment.
   * Settings come from the command line, then {@code env}, then the configuration file ({@link ConfigDefaults}).
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    ConfigDefaults defaults;
    CommandLine cli;
    try {
      defaults = ConfigDefaults.load(args, env);
      cli = commandLine(out, err, defaults);
      defaults.checkKeys(cli);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    return cli.execute(args);
  }

  /** The configured command line, its defaults taken from {@code defaults}. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, ConfigDefaults defaults) {
    CommandLine cli = new CommandLine(new CrosslistCommand());
    cli.setDefaultValueProvider(defaults);
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
