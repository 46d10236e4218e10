package io.crosslist.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it, for every command the same
 * way: the environment variable {@code CROSSLIST_<NAME>}, then the key {@code <name>} of the configuration
 * file, then the option's built-in default. {@code <name>} is the option's long name without its dashes:
 * {@code --http-port} is {@code CROSSLIST_HTTP_PORT} and {@code http-port=8080}.
 *
 * <p>The file is a Java properties file named by {@code --config FILE} or {@code CROSSLIST_CONFIG}:
 *
 * <pre>{@code
 * # crosslist.properties
 * http-port=8080
 * jwt-secret=change-me-to-at-least-32-bytes-of-secret
 * data-dir=/var/lib/crosslist/postgres
 * recurring=job-cleanup=PT5M,etsy-polling=off
 * }</pre>
 *
 * A key that no command knows is refused at start, so a misspelt setting cannot pass unnoticed.
 */
final class ConfigDefaults implements IDefaultValueProvider {
  static final String FILE_VARIABLE = "CROSSLIST_CONFIG";
  static final String FILE_OPTION = "--config";
  private static final String PREFIX = "CROSSLIST_";
  private final Map<String, String> env;
  private final Properties file;
  private final Path path;

  private ConfigDefaults(Map<String, String> env, Properties file, Path path) {
    this.env = env;
    this.file = file;
    this.path = path;
  }

  /**
   * The defaults for one run: the file that {@code --config} in {@code args} (or else {@code CROSSLIST_CONFIG})
   * names, and {@code env}.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read
   */
  static ConfigDefaults load(String[] args, Map<String, String> env) {
    String named = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(FILE_OPTION) && i + 1 < args.length) {
        named = args[i + 1];
      } else if (args[i].startsWith(FILE_OPTION + "=")) {
        named = args[i].substring(FILE_OPTION.length() + 1);
      }
    }
    String source = named != null ? FILE_OPTION : FILE_VARIABLE;
    if (named == null) {
      named = env.get(FILE_VARIABLE);
    }
    Properties properties = new Properties();
    if (named == null || named.isBlank()) {
      return new ConfigDefaults(env, properties, null);
    }
    Path path = Path.of(named);
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": cannot read the configuration file " + path + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    return new ConfigDefaults(env, properties, path);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String key = key(option);
    String fromEnv = env.get(variable(key));
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    String fromFile = file.getProperty(key);
    return fromFile == null ? null : fromFile.trim();
  }

  /** Where an option's setting can come from, for messages: {@code --http-port (CROSSLIST_HTTP_PORT, http-port=)}. */
  static String describe(String optionName) {
    String key = optionName.replaceFirst("^-+", "");
    return optionName + " (" + variable(key) + ", or " + key + " in the configuration file)";
  }

  /**
   * Refuses keys of the file that no option of any command has.
   *
   * @throws IllegalArgumentException naming the file, the unknown keys and the known ones
   */
  void checkKeys(CommandLine root) {
    TreeSet<String> known = new TreeSet<>();
    collect(root, known);
    TreeSet<String> unknown = new TreeSet<>(file.stringPropertyNames());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(path + ": unknown setting" + (unknown.size() > 1 ? "s " : " ") + unknown
          + "; known: " + known);
    }
  }

  /** The configuration file in use, or null. */
  Path path() {
    return path;
  }

  private static void collect(CommandLine command, Collection<String> keys) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        keys.add(key(option));
      }
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, keys));
  }

  private static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  private static String variable(String key) {
    return PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
