package io.crosslist.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a compiled class: every {@code CONSTANT_String} of its constant pool. That
 * covers constants, inlined {@code static final} fields, text blocks and the recipes of string
 * concatenation, which ArchUnit's model does not expose.
 */
final class ClassFileStrings {
  private ClassFileStrings() {}

  static List<String> of(JavaClass javaClass) {
    var source = javaClass.getSource();
    if (source.isEmpty()) {
      return List.of();
    }
    try (InputStream in = source.get().getUri().toURL().openStream()) {
      return read(new DataInputStream(new BufferedInputStream(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class file of " + javaClass.getName(), e);
    }
  }

  private static List<String> read(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> stringRefs = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF(); // Utf8 (modified UTF-8, u2 length prefix)
        case 8 -> stringRefs.add(in.readUnsignedShort()); // String -> Utf8 index
        case 7, 16, 19, 20 -> in.skipNBytes(2); // Class, MethodType, Module, Package
        case 15 -> in.skipNBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> { // Long, Double take two slots
          in.skipNBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> strings = new ArrayList<>(stringRefs.size());
    for (int ref : stringRefs) {
      strings.add(utf8[ref]);
    }
    return strings;
  }
}
