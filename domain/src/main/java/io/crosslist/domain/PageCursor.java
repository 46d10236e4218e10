package io.crosslist.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of a keyset-paginated list ended (products, jobs, ...): opaque to clients, stable
 * under concurrent inserts and deletes because it names the last row seen (pages are ordered by id,
 * newest first), not an offset.
 *
 * @param lastId id of the last row of the previous page
 */
public record PageCursor(long lastId) {
  private static final String PREFIX = "p1:";

  public PageCursor {
    if (lastId <= 0) {
      throw ValidationException.of("cursor", "is not a cursor issued by Crosslist");
    }
  }

  /** The cursor after the row with this id. */
  public static PageCursor after(long id) {
    return new PageCursor(id);
  }

  /** The cursor as clients see it. */
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads a cursor a client sent back; any tampering is reported as a validation error on {@code cursor}. */
  public static PageCursor decode(String encoded) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
      if (text.startsWith(PREFIX)) {
        return new PageCursor(Long.parseLong(text.substring(PREFIX.length())));
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // falls through to the validation error below; NumberFormatException is an IllegalArgumentException
    }
    throw ValidationException.of("cursor", "is not a cursor issued by Crosslist");
  }
}
