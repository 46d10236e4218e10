package io.crosslist.tenancy.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SQL, XML, properties and YAML files beside a set of classes: the files of the class-path roots
 * (output directories or jars) the classes were loaded from, except {@code META-INF}. Each is named by its
 * path inside its root ({@code db/tenant/V1__orders.sql}), which is the same on every machine and in
 * every checkout, so a message naming it can be frozen.
 */
final class ClassPathResources {

  static final List<String> EXTENSIONS = List.of(".sql", ".xml", ".properties", ".yaml", ".yml");

  /** One resource file: its path inside its root ('/'-separated) and its text. */
  record Resource(String path, String text) {
    boolean isA(String... extensions) {
      String lower = path.toLowerCase(Locale.ROOT);
      for (String extension : extensions) {
        if (lower.endsWith(extension)) {
          return true;
        }
      }
      return false;
    }

    /** Whether the file lies in {@code folder} (a path inside the root, no leading or trailing '/'). */
    boolean isIn(String folder) {
      return folder.isEmpty() || path.startsWith(folder + "/");
    }

    /** The 1-based line of a character offset. */
    int lineOf(int offset) {
      int line = 1;
      for (int i = 0; i < offset && i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  /** What a scan read, and the roots it read them from (named for a person: relative to the working directory). */
  record Scan(List<Resource> resources, List<String> roots) {}

  private ClassPathResources() {}

  static Scan besides(Collection<JavaClass> classes) {
    Set<String> roots = new TreeSet<>();
    for (JavaClass c : classes) {
      c.getSource().ifPresent(source -> roots.add(rootOf(c, source.getUri())));
    }
    List<Resource> resources = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String root : roots) {
      Path path = Paths.get(root);
      names.add(displayName(path));
      if (root.endsWith(".jar")) {
        readJar(path, resources);
      } else {
        readDirectory(path, resources);
      }
    }
    return new Scan(resources, names);
  }

  /** The directory or jar a class file was loaded from. */
  private static String rootOf(JavaClass c, URI uri) {
    String classFile = c.getName().replace('.', '/') + ".class";
    if ("jar".equals(uri.getScheme())) {
      String spec = uri.getSchemeSpecificPart(); // file:/x/y.jar!/a/B.class
      return Paths.get(URI.create(spec.substring(0, spec.indexOf("!/")))).toString();
    }
    String path = Paths.get(uri).toString();
    return path.substring(0, path.length() - classFile.length());
  }

  private static String displayName(Path root) {
    Path here = Paths.get("").toAbsolutePath();
    Path absolute = root.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute).toString().replace('\\', '/')
        : absolute.getFileName().toString();
  }

  private static boolean relevant(String name) {
    if (name.startsWith("META-INF/")) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  private static void readDirectory(Path root, List<Resource> out) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (relevant(name)) {
          out.add(new Resource(name, Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resources under " + displayName(root), e);
    }
  }

  private static void readJar(Path jar, List<Resource> out) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory() && relevant(entry.getName())) {
          try (InputStream in = file.getInputStream(entry)) {
            out.add(new Resource(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resources of " + displayName(jar), e);
    }
  }
}
