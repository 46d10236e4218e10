package io.crosslist.domain.product;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount of money with at most two decimals in an ISO 4217 currency. The amount is stored with
 * exactly two decimals, so {@code 12.5 EUR} and {@code 12.50 EUR} are equal.
 *
 * @param amount zero or more, at most 9,999,999,999.99 and two decimals
 * @param currency three-letter ISO 4217 code, upper case
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {
  /** Largest amount PostgreSQL's {@code numeric(12,2)} column holds. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

  public Money {
    Violations v = new Violations();
    v.require(amount != null, "amount", "is required");
    v.require(currency != null, "currency", "is required");
    if (amount != null) {
      v.require(amount.signum() >= 0, "amount", "must not be negative");
      v.require(amount.stripTrailingZeros().scale() <= 2, "amount", "must have at most 2 decimals");
      v.require(amount.compareTo(MAX_AMOUNT) <= 0, "amount", "must be at most " + MAX_AMOUNT.toPlainString());
    }
    if (currency != null) {
      v.require(isIsoCurrency(currency), "currency", "must be an ISO 4217 code such as EUR");
    }
    v.throwIfAny();
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static Money of(String amount, String currency) {
    BigDecimal parsed;
    try {
      parsed = new BigDecimal(amount);
    } catch (NumberFormatException | NullPointerException e) {
      throw ValidationException.of("amount", "must be a decimal number such as 12.50");
    }
    return new Money(parsed, currency);
  }

  private static boolean isIsoCurrency(String code) {
    if (code.length() != 3 || !code.equals(code.toUpperCase(Locale.ROOT))) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public int compareTo(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot compare " + currency + " with " + other.currency);
    }
    return amount.compareTo(other.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
