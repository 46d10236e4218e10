package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The CLI reference ({@code docs/reference/cli/}, one AsciiDoc man page per command, written by picocli's
 * {@link ManPageGenerator}) and the configuration reference ({@code docs/reference/configuration.md}, every setting
 * with its option, environment variable, file key, commands and built-in default) are generated from the picocli
 * commands, and this test fails when the committed ones differ from what the build's commands generate. After
 * changing a command, regenerate them with
 * {@code ./mvnw -B verify -pl bootstrap -am -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcrosslist.writeReference=true} and commit the result.
 */
class CliReferenceTest {
  private static final Path REFERENCE = Path.of("..", "docs", "reference");
  private static final String REGENERATE = "regenerate: ./mvnw -B verify -pl bootstrap -am -Dtest=CliReferenceTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcrosslist.writeReference=true";

  @Test
  void the_committed_cli_and_configuration_references_are_what_the_commands_generate() throws IOException {
    Map<String, String> generated = generate();
    if (Boolean.getBoolean("crosslist.writeReference")) {
      write(generated);
    }
    Map<String, String> committed = new TreeMap<>();
    try (Stream<Path> files = Files.walk(REFERENCE)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        committed.put(REFERENCE.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertEquals(generated.keySet(), committed.keySet(), "the reference files differ from the commands'; " + REGENERATE);
    generated.forEach((file, text) -> assertEquals(text, committed.get(file), "docs/reference/" + file + " is stale; "
        + REGENERATE));
  }

  /** Every reference file by its path under docs/reference, generated from the commands. */
  static Map<String, String> generate() {
    CommandLine root = root();
    Map<String, String> files = new TreeMap<>();
    List<CommandLine> commands = new ArrayList<>();
    collect(root, commands);
    StringBuilder index = new StringBuilder("= crosslist command reference\n\n"
        + "Generated from the picocli commands by CliReferenceTest (bootstrap); do not edit.\n"
        + "Settings: link:../configuration.md[configuration reference].\n\n");
    for (CommandLine command : commands) {
      String name = command.getCommandSpec().qualifiedName("-");
      StringWriter page = new StringWriter();
      try (PrintWriter out = new PrintWriter(page)) {
        ManPageGenerator.writeSingleManPage(out, command.getCommandSpec());
      }
      files.put("cli/" + name + ".adoc", page.toString().replace("\r\n", "\n"));
      index.append("* link:").append(name).append(".adoc[").append(command.getCommandSpec().qualifiedName(" "))
          .append("]: ").append(String.join(" ", command.getCommandSpec().usageMessage().description())).append('\n');
    }
    files.put("cli/index.adoc", index.toString());
    files.put("configuration.md", configuration(commands));
    return files;
  }

  /** One row per setting: where it can be given, which commands take it, its built-in default, what it does. */
  private static String configuration(List<CommandLine> commands) {
    Map<String, List<String>> takenBy = new TreeMap<>();
    Map<String, OptionSpec> options = new TreeMap<>();
    for (CommandLine command : commands) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        String key = option.longestName().replaceFirst("^-+", "");
        takenBy.computeIfAbsent(key, k -> new ArrayList<>()).add(command.getCommandSpec().qualifiedName(" ")
            .replaceFirst("^crosslist ?", ""));
        options.putIfAbsent(key, option);
      }
    }
    StringBuilder md = new StringBuilder("""
        # Configuration reference

        Generated from the picocli commands by `CliReferenceTest` (bootstrap); do not edit. Every setting can be given
        on the command line, as the environment variable, or as the key of the properties file named by `--config FILE`
        (or `CROSSLIST_CONFIG`), in that order of precedence; a key no command knows is refused at start. The commands'
        pages: [CLI reference](cli/index.adoc).

        | key (file) | option | environment | commands | built-in default | what it sets |
        | --- | --- | --- | --- | --- | --- |
        """);
    options.forEach((key, option) -> md.append("| `").append(key).append("` | `").append(option.longestName())
        .append(option.arity().max() > 0 ? " " + option.paramLabel() : "").append("` | `CROSSLIST_")
        .append(key.toUpperCase(java.util.Locale.ROOT).replace('-', '_')).append("` | ")
        .append(String.join(", ", takenBy.get(key).stream().map(c -> c.isEmpty() ? "crosslist" : c).toList()))
        .append(" | ").append(builtInDefault(option)).append(" | ")
        .append(String.join(" ", option.description()).replace("|", "\\|").replace("\n", " ")).append(" |\n"));
    return md.toString();
  }

  private static String builtInDefault(OptionSpec option) {
    if (option.defaultValue() != null) {
      return "`" + option.defaultValue() + "`";
    }
    Object initial = option.initialValue();
    if (initial == null || initial instanceof Boolean b && !b || initial instanceof java.util.Collection<?> c
        && c.isEmpty()) {
      return "";
    }
    return "`" + initial + "`";
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    if (command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
      return;
    }
    into.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }

  /** The command line with built-in defaults only (no environment, no file), as the reference shows them. */
  private static CommandLine root() {
    PrintWriter none = new PrintWriter(new StringWriter());
    CommandLine cli = CrosslistCommand.commandLine(none, none, ConfigDefaults.load(new String[0], Map.of()));
    cli.setUsageHelpWidth(120);
    return cli;
  }

  private static void write(Map<String, String> files) throws IOException {
    if (Files.exists(REFERENCE)) {
      try (Stream<Path> existing = Files.walk(REFERENCE)) {
        for (Path file : existing.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = REFERENCE.resolve(file.getKey());
      Files.createDirectories(Objects.requireNonNull(path.getParent()));
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
