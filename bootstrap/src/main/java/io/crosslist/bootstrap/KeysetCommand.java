package io.crosslist.bootstrap;

import io.crosslist.adapter.persistence.TinkSecretCipher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crosslist keyset new|add-key}: makes the Tink keyset that encrypts marketplace credentials, and
 * adds a new primary key to it for rotation. Keysets are written to a file readable by its owner only.
 */
@Command(name = "keyset", mixinStandardHelpOptions = true,
    description = "Makes or extends the keyset that encrypts marketplace credentials at rest.",
    subcommands = {KeysetCommand.New.class, KeysetCommand.AddKey.class})
final class KeysetCommand {

  @Command(name = "new", mixinStandardHelpOptions = true, description = "Writes a new keyset with one AES-256-GCM key.")
  static final class New implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "file to create (refused if it exists)")
    Path out;

    @Override
    public Integer call() throws IOException {
      write(out, TinkSecretCipher.newJsonKeyset(), false);
      spec.commandLine().getOut().printf("wrote a new keyset to %s; give it to Crosslist as --secret-keyset @%s%n",
          out, out);
      return 0;
    }
  }

  @Command(name = "add-key", mixinStandardHelpOptions = true,
      description = "Adds a new primary key: new secrets use it, old ones still decrypt. Then run `crosslist reseal`.")
  static final class AddKey implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--keyset", required = true, description = "the keyset file to extend (rewritten in place)")
    Path keyset;

    @Override
    public Integer call() throws IOException {
      String current;
      try {
        current = Files.readString(keyset);
      } catch (IOException e) {
        throw new IllegalArgumentException("--keyset: cannot read " + keyset + " (" + e + ")", e);
      }
      write(keyset, TinkSecretCipher.withNewPrimaryKey(current), true);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("added a new primary key to %s; deploy it, then run `crosslist reseal --scope OLD_KEYS`%n", keyset);
      return 0;
    }
  }

  private static void write(Path file, String json, boolean replace) throws IOException {
    if (!replace && Files.exists(file)) {
      throw new IllegalArgumentException("--out: " + file + " exists; a keyset is never overwritten");
    }
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".keyset", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions apply
    }
    Files.writeString(tmp, json, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
