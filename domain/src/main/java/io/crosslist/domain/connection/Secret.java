package io.crosslist.domain.connection;

import io.crosslist.domain.ValidationException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential in memory (an OAuth token, a session cookie). Its text comes out only through {@link
 * #reveal()}; {@link #toString()} never shows it, so a secret in a log line, an exception message or a
 * domain object's {@code toString} reads {@code Secret[redacted]}. At rest it is always encrypted (see
 * {@link SecretCipher}).
 */
public final class Secret {
  /** Longest secret accepted: large enough for a browser's cookie header, small enough to bound a row. */
  public static final int MAX_LENGTH = 16_384;
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * @param field names the input in the error, e.g. {@code accessToken}
   * @throws ValidationException when {@code value} is blank or longer than {@link #MAX_LENGTH}
   */
  public static Secret of(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(field, "is required");
    }
    if (value.length() > MAX_LENGTH) {
      throw ValidationException.of(field, "must be at most " + MAX_LENGTH + " characters");
    }
    return new Secret(value);
  }

  /** The secret's text: call it only where the secret is used (a marketplace call, encryption). */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    // constant time, so that comparing secrets tells nothing through timing
    return o instanceof Secret other && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return Objects.hash(Secret.class); // equal secrets must share a hash; no need to leak anything into it
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
