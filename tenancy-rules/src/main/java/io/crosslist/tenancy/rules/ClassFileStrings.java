package io.crosslist.tenancy.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The string literals of a compiled class, each with the member and line that uses it: {@code ldc} of a
 * constant (constants, inlined {@code static final} fields, text blocks) and the recipes of string
 * concatenation ({@code invokedynamic}), which ArchUnit's model does not expose; a {@code static final}
 * field's value is listed on its own only when no code of the class loads it.
 */
final class ClassFileStrings {

  /** One use of a string: its text, where (an ArchUnit-style subject) and the source line (0 when unknown). */
  record Use(String text, String subject, int line) {}

  /** Concatenation recipes mark each argument with this character; messages show it as {@code <expr>}. */
  static final char RECIPE_ARGUMENT = '\u0001';

  private ClassFileStrings() {}

  static List<Use> of(JavaClass javaClass) {
    var source = javaClass.getSource();
    if (source.isEmpty()) {
      return List.of();
    }
    try (InputStream in = source.get().getUri().toURL().openStream()) {
      return new Reader(new DataInputStream(new BufferedInputStream(in)), javaClass.getName()).read();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class file of " + javaClass.getName(), e);
    }
  }

  /** One pass over a class file (JVMS chapter 4). */
  private static final class Reader {
    private final DataInputStream in;
    private final String className;
    private String[] utf8;
    private int[] stringRef; // constant index -> Utf8 index, for CONSTANT_String
    private int[] indyBootstrap; // constant index -> bootstrap method index, for CONSTANT_InvokeDynamic
    private final List<int[]> indySites = new ArrayList<>(); // {constant index, line, subject index}
    private final List<String> subjects = new ArrayList<>();
    private final List<Use> uses = new ArrayList<>();
    private final Map<Integer, String> fieldConstants = new HashMap<>(); // Utf8 index -> field subject
    private final Set<String> loadedInCode = new HashSet<>();

    Reader(DataInputStream in, String className) {
      this.in = in;
      this.className = className;
    }

    List<Use> read() throws IOException {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file");
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      readConstantPool();
      in.skipNBytes(6); // access flags, this class, super class
      in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
      int fields = in.readUnsignedShort();
      for (int i = 0; i < fields; i++) {
        readMember(false);
      }
      int methods = in.readUnsignedShort();
      for (int i = 0; i < methods; i++) {
        readMember(true);
      }
      List<List<Integer>> bootstrapArguments = List.of();
      int attributes = in.readUnsignedShort();
      for (int i = 0; i < attributes; i++) {
        String name = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (name.equals("BootstrapMethods")) {
          bootstrapArguments = readBootstrapMethods();
        } else {
          in.skipNBytes(length);
        }
      }
      for (int[] site : indySites) {
        int bootstrap = indyBootstrap[site[0]];
        if (bootstrap >= 0 && bootstrap < bootstrapArguments.size()) {
          for (int argument : bootstrapArguments.get(bootstrap)) {
            if (stringRef[argument] > 0) {
              use(utf8[stringRef[argument]], subjects.get(site[2]), site[1]);
            }
          }
        }
      }
      fieldConstants.forEach((utf8Index, subject) -> {
        if (!loadedInCode.contains(utf8[utf8Index])) {
          uses.add(new Use(utf8[utf8Index], subject, 0));
        }
      });
      return uses;
    }

    private void readConstantPool() throws IOException {
      int count = in.readUnsignedShort();
      utf8 = new String[count];
      stringRef = new int[count];
      indyBootstrap = new int[count];
      Arrays.fill(indyBootstrap, -1);
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 8 -> stringRef[i] = in.readUnsignedShort();
          case 18 -> {
            indyBootstrap[i] = in.readUnsignedShort();
            in.readUnsignedShort();
          }
          case 7, 16, 19, 20 -> in.skipNBytes(2); // Class, MethodType, Module, Package
          case 15 -> in.skipNBytes(3); // MethodHandle
          case 3, 4, 9, 10, 11, 12, 17 -> in.skipNBytes(4);
          case 5, 6 -> { // Long and Double take two slots
            in.skipNBytes(8);
            i++;
          }
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
    }

    private void readMember(boolean method) throws IOException {
      in.readUnsignedShort(); // access flags
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      String subject = method ? Bytecode.methodSubject(className, name, descriptor) : "Field <" + className + "." + name + ">";
      int attributes = in.readUnsignedShort();
      for (int i = 0; i < attributes; i++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (!method && attribute.equals("ConstantValue")) {
          int value = in.readUnsignedShort();
          if (stringRef[value] > 0) {
            fieldConstants.put(stringRef[value], subject);
          }
        } else if (method && attribute.equals("Code")) {
          readCode(subject);
        } else {
          in.skipNBytes(length);
        }
      }
    }

    private void readCode(String subject) throws IOException {
      in.skipNBytes(4); // max stack, max locals
      byte[] code = new byte[in.readInt()];
      in.readFully(code);
      in.skipNBytes(8L * in.readUnsignedShort()); // exception table
      int[][] lines = new int[0][];
      int attributes = in.readUnsignedShort();
      for (int i = 0; i < attributes; i++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (attribute.equals("LineNumberTable")) {
          lines = new int[in.readUnsignedShort()][];
          for (int l = 0; l < lines.length; l++) {
            lines[l] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          }
        } else {
          in.skipNBytes(length);
        }
      }
      subjects.add(subject);
      int subjectIndex = subjects.size() - 1;
      for (int pc = 0; pc < code.length; pc = Bytecode.next(code, pc)) {
        int opcode = code[pc] & 0xff;
        if (opcode == 0x12 || opcode == 0x13) { // ldc, ldc_w
          int index = opcode == 0x12 ? code[pc + 1] & 0xff : Bytecode.u2(code, pc + 1);
          if (stringRef[index] > 0) {
            use(utf8[stringRef[index]], subject, lineAt(lines, pc));
          }
        } else if (opcode == 0xba) { // invokedynamic
          indySites.add(new int[] {Bytecode.u2(code, pc + 1), lineAt(lines, pc), subjectIndex});
        }
      }
    }

    private List<List<Integer>> readBootstrapMethods() throws IOException {
      int count = in.readUnsignedShort();
      List<List<Integer>> arguments = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        in.readUnsignedShort(); // method handle
        int n = in.readUnsignedShort();
        List<Integer> args = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
          args.add(in.readUnsignedShort());
        }
        arguments.add(args);
      }
      return arguments;
    }

    private void use(String text, String subject, int line) {
      loadedInCode.add(text);
      uses.add(new Use(text, subject, line));
    }

    private static int lineAt(int[][] lines, int pc) {
      int line = 0;
      int best = -1;
      for (int[] entry : lines) {
        if (entry[0] <= pc && entry[0] > best) {
          best = entry[0];
          line = entry[1];
        }
      }
      return line;
    }
  }
}
