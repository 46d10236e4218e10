package io.crosslist.architecture;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SQL and XML resources that live beside a set of classes: every {@code .sql} and {@code .xml}
 * file of the class-path roots (output directories or jars) the classes were loaded from, except
 * {@code META-INF}. Rules on resources use it so that they check the same code base as the class rules.
 */
final class ClassPathResources {

  /** One resource file and its text. */
  record Resource(String location, String text) {}

  private ClassPathResources() {}

  static List<Resource> besides(Collection<JavaClass> classes) {
    Set<String> roots = new TreeSet<>();
    for (JavaClass c : classes) {
      c.getSource().ifPresent(source -> roots.add(rootOf(c, source.getUri())));
    }
    List<Resource> resources = new ArrayList<>();
    for (String root : roots) {
      if (root.endsWith(".jar")) {
        readJar(Paths.get(root), resources);
      } else {
        readDirectory(Paths.get(root), resources);
      }
    }
    return resources;
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

  private static boolean relevant(String name) {
    return (name.endsWith(".sql") || name.endsWith(".xml")) && !name.startsWith("META-INF/");
  }

  private static void readDirectory(Path root, List<Resource> out) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (relevant(name)) {
          out.add(new Resource(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resources under " + root, e);
    }
  }

  private static void readJar(Path jar, List<Resource> out) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory() && relevant(entry.getName())) {
          try (InputStream in = file.getInputStream(entry)) {
            out.add(new Resource(jar + "!/" + entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resources of " + jar, e);
    }
  }

  /** 1-based line of a character offset, for messages. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
