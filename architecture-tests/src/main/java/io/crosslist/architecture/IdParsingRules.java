package io.crosslist.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import io.crosslist.tenancy.rules.TenantIdRules;

/**
 * Ids have one textual form: text becomes a tenant id only through {@code TenantId.parse}, and any other
 * id only through {@code CanonicalId.parse}. {@link Long#parseLong}, {@link Long#valueOf(String)} and
 * {@link Long#decode} accept other forms of the same number (a leading {@code +}, leading zeros,
 * Arabic-Indic or full-width digits), so two different strings (two subjects of an identity provider)
 * could name one tenant. This rule refuses those calls outside the domain, which holds the one parser.
 * The rule and its condition for a host's own code are {@link TenantIdRules}.
 *
 * <pre>{@code
 * @ArchTest static final ArchRule ids_have_one_form = IdParsingRules.ids_are_parsed_only_by_the_domain;
 * }</pre>
 */
public final class IdParsingRules {
  private IdParsingRules() {}

  /** Crosslist's own: only the domain ({@code TenantId}, {@code CanonicalId}) parses a long from text. */
  public static final ArchRule ids_are_parsed_only_by_the_domain =
      noLongParsingOutside(CrosslistArchitectureRules.DOMAIN);

  /** No class outside {@code allowedPackages} parses a {@code long} from text with {@link Long}'s lenient parsers. */
  public static ArchRule noLongParsingOutside(String... allowedPackages) {
    return TenantIdRules.noLenientLongParsingOutside(allowedPackages);
  }

  /** A call of {@code Long.parseLong}, {@code Long.valueOf(String...)}, {@code Long.decode} or {@code Long.parseUnsignedLong}. */
  public static DescribedPredicate<JavaCall<?>> lenientLongParsing() {
    return TenantIdRules.lenientLongParsing();
  }
}
