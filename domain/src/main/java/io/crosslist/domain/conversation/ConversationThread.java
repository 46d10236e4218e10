package io.crosslist.domain.conversation;

import io.crosslist.domain.Violations;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;

/**
 * A marketplace message thread: one buyer, usually about one listing, as the marketplace reports it.
 * Identified by (marketplace, external id); stored once however often it is synced.
 *
 * @param listingExternalId the listing the thread is about; null when the marketplace names none
 * @param unreadCount messages the reseller has not read, as the marketplace counts them
 * @param lastMessageAt when the newest message was sent
 */
public record ConversationThread(Marketplace marketplace, String externalId, String buyerName, String listingExternalId,
    int unreadCount, Instant lastMessageAt) {
  public ConversationThread {
    Violations v = new Violations();
    v.require(marketplace != null, "marketplace", "is required");
    v.require(externalId != null && !externalId.isBlank() && externalId.length() <= 200, "externalId",
        "must be 1 to 200 characters");
    v.require(buyerName != null && !buyerName.isBlank() && buyerName.length() <= 200, "buyerName",
        "must be 1 to 200 characters");
    v.require(listingExternalId == null || (!listingExternalId.isBlank() && listingExternalId.length() <= 200),
        "listingExternalId", "must be 1 to 200 characters when given");
    v.require(unreadCount >= 0, "unreadCount", "must be 0 or more");
    v.require(lastMessageAt != null, "lastMessageAt", "is required");
    v.throwIfAny();
  }
}
