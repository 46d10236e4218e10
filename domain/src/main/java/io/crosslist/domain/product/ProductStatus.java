package io.crosslist.domain.product;

import java.util.Set;

/**
 * Lifecycle of a product: {@code DRAFT -> PUBLISHED -> SOLD}, and {@code ARCHIVED} from a draft or a
 * published product. SOLD and ARCHIVED are final.
 */
public enum ProductStatus {
  DRAFT,
  PUBLISHED,
  SOLD,
  ARCHIVED;

  /** Whether a product in this status may move to {@code target}. */
  public boolean canBecome(ProductStatus target) {
    return successors().contains(target);
  }

  /** Whether a product in this status may still be edited. */
  public boolean isEditable() {
    return this == DRAFT || this == PUBLISHED;
  }

  private Set<ProductStatus> successors() {
    return switch (this) {
      case DRAFT -> Set.of(PUBLISHED, ARCHIVED);
      case PUBLISHED -> Set.of(SOLD, ARCHIVED);
      case SOLD, ARCHIVED -> Set.of();
    };
  }
}
