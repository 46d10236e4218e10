package io.crosslist.domain.job;

import io.crosslist.domain.TypeName;
import java.util.List;
import java.util.Set;

/**
 * What a marketplace job does, by name. Crosslist ships the actions below; a host names its own ({@code
 * JobAction.of("REPRICE")}) and registers a {@link JobHandler} for each (marketplace, action) it serves. Two
 * actions are equal when their names are; compare with {@code equals}, not {@code ==}.
 *
 * <p>Whether a job must name a product is declared by its handler ({@link JobHandler#needsProduct()}); for the
 * built-in actions it is fixed: {@link #PRODUCT_ACTIONS} act on one product, the others on none.
 *
 * @param name the name, in the form {@link TypeName} describes
 */
public record JobAction(String name) implements Comparable<JobAction> {
  /** List a product on the marketplace. */
  public static final JobAction PUBLISH = new JobAction("PUBLISH");
  /** Push a product's changes to its listing. */
  public static final JobAction UPDATE = new JobAction("UPDATE");
  /** Remove a product's listing. */
  public static final JobAction DELETE = new JobAction("DELETE");
  /** Create products from the account's marketplace catalogue. */
  public static final JobAction IMPORT_PRODUCTS = new JobAction("IMPORT_PRODUCTS");
  /** Enrich products with marketplace data (categories, suggested prices). */
  public static final JobAction ENRICH_PRODUCTS = new JobAction("ENRICH_PRODUCTS");
  /** Fetch new orders from the marketplace. */
  public static final JobAction SYNC_ORDERS = new JobAction("SYNC_ORDERS");
  /** The actions Crosslist ships, in this order. */
  public static final List<JobAction> BUILT_IN = List.of(PUBLISH, UPDATE, DELETE, IMPORT_PRODUCTS, ENRICH_PRODUCTS,
      SYNC_ORDERS);
  /** The built-in actions that act on one product: their jobs name it, whoever handles them. */
  public static final Set<JobAction> PRODUCT_ACTIONS = Set.of(PUBLISH, UPDATE, DELETE);

  /** @throws io.crosslist.domain.ValidationException on {@code action} when the name breaks {@link TypeName#RULE} */
  public JobAction {
    TypeName.require("action", name);
  }

  /**
   * The action named {@code name}: the built-in constant for a built-in name, else a new value.
   *
   * @throws io.crosslist.domain.ValidationException on {@code action} when the name breaks {@link TypeName#RULE}
   */
  public static JobAction of(String name) {
    for (JobAction builtIn : BUILT_IN) {
      if (builtIn.name.equals(name)) {
        return builtIn;
      }
    }
    return new JobAction(name);
  }

  /** Whether Crosslist ships this action. */
  public boolean isBuiltIn() {
    return BUILT_IN.contains(this);
  }

  /** By name. */
  @Override
  public int compareTo(JobAction other) {
    return name.compareTo(other.name);
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
