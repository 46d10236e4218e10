package io.crosslist.tenancy.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * A tenant id has one textual form, so text becomes a tenant id only through {@code TenantId.parse}.
 * {@link Long#parseLong} and its kin accept other forms of the same number (a leading {@code +}, leading
 * zeros, Arabic-Indic or full-width digits), so two different strings (two subjects of an identity
 * provider) could name one tenant. Not part of {@link CrosslistTenancyRules}, since a host parses many
 * numbers that are not ids; a host applies it to the packages that read ids:
 *
 * <pre>{@code
 * @ArchTest static final ArchRule ids = TenantIdRules.noLenientLongParsingOutside("com.acme.ids..");
 * @ArchTest static final ArchRule auth = classes().that().resideInAPackage("com.acme.auth..")
 *     .should(TenantIdRules.parseNoLongLeniently());
 * }</pre>
 */
public final class TenantIdRules {
  private static final Set<String> LENIENT_PARSERS = Set.of("parseLong", "valueOf", "decode", "parseUnsignedLong");

  private TenantIdRules() {}

  /** No class outside {@code allowedPackages} parses a {@code long} from text with {@link Long}'s lenient parsers. */
  public static ArchRule noLenientLongParsingOutside(String... allowedPackages) {
    return classes().that().resideOutsideOfPackages(allowedPackages).should(parseNoLongLeniently())
        .as("ids are parsed from text only by the one canonical parser (TenantId.parse, CanonicalId.parse)")
        .because("Long.parseLong and its kin accept '+42', '042' and non-ASCII digits, so two strings could name"
            + " one tenant; parse tenant ids with TenantId.parse and other ids with CanonicalId.parse");
  }

  /** The condition: the class calls none of {@link #lenientLongParsing()}. */
  public static ArchCondition<JavaClass> parseNoLongLeniently() {
    return new ArchCondition<>("parse no long from text with Long's lenient parsers") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (JavaCall<?> call : item.getCodeUnitCallsFromSelf()) {
          if (lenientLongParsing().test(call)) {
            events.add(SimpleConditionEvent.violated(item, SqlSources.subject(call.getOrigin()) + " calls "
                + call.getTarget().getFullName() + " in (" + SqlSources.fileOf(item) + ":" + call.getLineNumber()
                + "): it takes '+42', '042' and non-ASCII digits for 42, so two strings could name one tenant;"
                + " fix: TenantId.parse for a tenant id, CanonicalId.parse for another id"));
          }
        }
      }
    };
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
