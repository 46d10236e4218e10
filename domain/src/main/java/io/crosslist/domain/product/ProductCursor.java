package io.crosslist.domain.product;

import io.crosslist.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a product page ended: opaque to clients, stable under concurrent inserts and deletes because
 * it names the last product seen (pages are ordered by id, newest first), not an offset.
 *
 * @param lastId id of the last product of the previous page
 */
public record ProductCursor(long lastId) {
  private static final String PREFIX = "p1:";

  public ProductCursor {
    if (lastId <= 0) {
      throw ValidationException.of("cursor", "is not a cursor issued by Crosslist");
    }
  }

  public static ProductCursor after(ProductId id) {
    return new ProductCursor(id.value());
  }

  /** The cursor as clients see it. */
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads a cursor a client sent back; any tampering is reported as a validation error on {@code cursor}. */
  public static ProductCursor decode(String encoded) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
      if (text.startsWith(PREFIX)) {
        return new ProductCursor(Long.parseLong(text.substring(PREFIX.length())));
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // falls through to the validation error below; NumberFormatException is an IllegalArgumentException
    }
    throw ValidationException.of("cursor", "is not a cursor issued by Crosslist");
  }
}
