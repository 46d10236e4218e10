package io.crosslist.bootstrap;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, shared by the commands (a picocli mixin). The file is read before the command
 * line is parsed, by {@link ConfigDefaults}; this option only makes it known to picocli and its help.
 */
final class ConfigOption {

  @Option(names = ConfigDefaults.FILE_OPTION, paramLabel = "FILE", description = "properties file of settings: key ="
      + " an option's name without dashes (http-port=8080); the environment (CROSSLIST_HTTP_PORT) and the command"
      + " line override it (default: $CROSSLIST_CONFIG)")
  Path file;
}
