package io.crosslist.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * Ids have one textual form: text becomes a tenant id only through {@code TenantId.parse}, and any other
 * id only through {@code CanonicalId.parse}. {@link Long#parseLong}, {@link Long#valueOf(String)} and
 * {@link Long#decode} accept other forms of the same number (a leading {@code +}, leading zeros,
 * Arabic-Indic or full-width digits), so two different strings (two subjects of an identity provider)
 * could name one tenant. This rule refuses those calls outside the packages that hold the one parser.
 *
 * <pre>{@code
 * @ArchTest static final ArchRule ids_have_one_form = IdParsingRules.ids_are_parsed_only_by_the_domain;
 * // a host whose own id parser lives in com.acme.ids:
 * @ArchTest static final ArchRule host_ids = IdParsingRules.noLongParsingOutside("io.crosslist.domain..", "com.acme.ids..");
 * }</pre>
 */
public final class IdParsingRules {
  private static final Set<String> LENIENT_PARSERS = Set.of("parseLong", "valueOf", "decode", "parseUnsignedLong");

  private IdParsingRules() {}

  /** Crosslist's own: only the domain ({@code TenantId}, {@code CanonicalId}) parses a long from text. */
  public static final ArchRule ids_are_parsed_only_by_the_domain =
      noLongParsingOutside(CrosslistArchitectureRules.DOMAIN);

  /** No class outside {@code allowedPackages} parses a {@code long} from text with {@link Long}'s lenient parsers. */
  public static ArchRule noLongParsingOutside(String... allowedPackages) {
    return noClasses().that().resideOutsideOfPackages(allowedPackages)
        .should().callMethodWhere(lenientLongParsing())
        .as("ids are parsed from text only by the one canonical parser (TenantId.parse, CanonicalId.parse)")
        .because("Long.parseLong and its kin accept '+42', '042' and non-ASCII digits, so two strings could name"
            + " one tenant; parse tenant ids with TenantId.parse and other ids with CanonicalId.parse");
  }

  /** A call of {@code Long.parseLong}, {@code Long.valueOf(String...)}, {@code Long.decode} or {@code Long.parseUnsignedLong}. */
  public static DescribedPredicate<JavaCall<?>> lenientLongParsing() {
    return DescribedPredicate.describe("Long.parseLong, Long.valueOf(String), Long.decode or Long.parseUnsignedLong",
        call -> call.getTargetOwner().isEquivalentTo(Long.class) && LENIENT_PARSERS.contains(call.getName())
            && !call.getTarget().getRawParameterTypes().isEmpty()
            && (call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class)
                || call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(CharSequence.class)));
  }
}
