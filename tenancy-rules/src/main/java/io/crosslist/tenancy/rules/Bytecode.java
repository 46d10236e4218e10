package io.crosslist.tenancy.rules;

import java.util.ArrayList;
import java.util.List;

/** Just enough of the JVM instruction set to walk a method's code, and of descriptors to name a method. */
final class Bytecode {
  private Bytecode() {}

  static int u2(byte[] code, int at) {
    return ((code[at] & 0xff) << 8) | (code[at + 1] & 0xff);
  }

  private static int s4(byte[] code, int at) {
    return ((code[at] & 0xff) << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8) | (code[at + 3] & 0xff);
  }

  /** The offset of the instruction after the one at {@code pc} (JVMS 6.5). */
  static int next(byte[] code, int pc) {
    int op = code[pc] & 0xff;
    if (op == 0xaa || op == 0xab) { // tableswitch, lookupswitch: padded to a multiple of four
      int at = pc + 1 + ((4 - (pc + 1) % 4) % 4);
      if (op == 0xaa) {
        int low = s4(code, at + 4);
        int high = s4(code, at + 8);
        return at + 12 + 4 * (high - low + 1);
      }
      return at + 8 + 8 * s4(code, at + 4);
    }
    if (op == 0xc4) { // wide
      return pc + ((code[pc + 1] & 0xff) == 0x84 ? 6 : 4);
    }
    return pc + length(op);
  }

  private static int length(int op) {
    if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a) || op == 0xa9 || op == 0xbc) {
      return 2; // bipush, ldc, loads and stores with an index, ret, newarray
    }
    if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xa8) || (op >= 0xb2 && op <= 0xb8)
        || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1 || op == 0xc6 || op == 0xc7) {
      return 3; // sipush, ldc_w, ldc2_w, iinc, branches, field and method instructions, new, anewarray, casts
    }
    if (op == 0xc5) {
      return 4; // multianewarray
    }
    if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
      return 5; // invokeinterface, invokedynamic, goto_w, jsr_w
    }
    return 1;
  }

  /** {@code Method <a.B.m(java.lang.String, int)>}, as ArchUnit names code units in its own messages. */
  static String methodSubject(String className, String name, String descriptor) {
    String kind = name.equals("<init>") ? "Constructor" : name.equals("<clinit>") ? "Static Initializer" : "Method";
    return kind + " <" + className + "." + name + "(" + String.join(", ", parameters(descriptor)) + ")>";
  }

  private static List<String> parameters(String descriptor) {
    List<String> names = new ArrayList<>();
    int i = 1;
    while (descriptor.charAt(i) != ')') {
      int dimensions = 0;
      while (descriptor.charAt(i) == '[') {
        dimensions++;
        i++;
      }
      String type;
      if (descriptor.charAt(i) == 'L') {
        int end = descriptor.indexOf(';', i);
        type = descriptor.substring(i + 1, end).replace('/', '.');
        i = end + 1;
      } else {
        type = switch (descriptor.charAt(i)) {
          case 'Z' -> "boolean";
          case 'B' -> "byte";
          case 'C' -> "char";
          case 'S' -> "short";
          case 'I' -> "int";
          case 'J' -> "long";
          case 'F' -> "float";
          default -> "double";
        };
        i++;
      }
      names.add(type + "[]".repeat(dimensions));
    }
    return names;
  }
}
