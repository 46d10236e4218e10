package io.crosslist.domain.conversation;

import io.crosslist.domain.Violations;
import java.time.Instant;

/**
 * One message of a thread, identified by its external id on the thread's marketplace.
 *
 * @param inbound true when the buyer wrote it, false when the reseller did
 * @param body the text, at most 10,000 characters
 */
public record ConversationMessage(String externalId, boolean inbound, String body, Instant sentAt) {
  public static final int MAX_BODY = 10_000;

  public ConversationMessage {
    Violations v = new Violations();
    v.require(externalId != null && !externalId.isBlank() && externalId.length() <= 200, "externalId",
        "must be 1 to 200 characters");
    v.require(body != null && body.length() <= MAX_BODY, "body", "must be given, at most " + MAX_BODY + " characters");
    v.require(sentAt != null, "sentAt", "is required");
    v.throwIfAny();
  }
}
