package io.crosslist.application.connection.port.in;

import io.crosslist.domain.Violations;
import io.crosslist.domain.connection.ResealReport;
import io.crosslist.domain.connection.ResealScope;
import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;

/**
 * In-port: rewrites stored secrets of every provisioned tenant (suspended ones too) with the current key,
 * tenant by tenant, each in its own transaction. Two uses:
 *
 * <ul>
 *   <li><b>Key rotation</b> ({@link ResealScope#OLD_KEYS}): after a new primary key was added to the
 *       keyset, re-encrypt what older keys made. Keep the old keys in the keyset until a full pass
 *       reports {@code remaining() == 0}.
 *   <li><b>Legacy plaintext</b> ({@link ResealScope#PLAINTEXT}): encrypt secrets an import from an older
 *       store left in plaintext.
 * </ul>
 *
 * <p>Interrupted, it resumes: run it again (everything done is found current), or pass the report's
 * {@code lastTenant} as {@code after} to go on from there. Whatever the scope, the report counts each
 * secret by what it is (current, on an old key, plaintext), and every connection row it locks gets its
 * connected-accounts index entry put in step (see {@link ReindexConnectionsUseCase}).
 */
public interface ResealSecretsUseCase {

  ResealRun reseal(ResealRequest request);

  /**
   * @param scope which secrets to rewrite
   * @param after start after this tenant; null to start at the first
   * @param maxTenants stop after this many tenants (0: all), for passes in slices
   * @param pageSize tenants read from the directory at once, 1 to 10,000
   */
  record ResealRequest(ResealScope scope, TenantId after, int maxTenants, int pageSize) {
    public ResealRequest {
      Objects.requireNonNull(scope, "scope");
      new Violations()
          .require(maxTenants >= 0, "maxTenants", "must be 0 (all) or more")
          .require(pageSize >= 1 && pageSize <= 10_000, "pageSize", "must be between 1 and 10000")
          .throwIfAny();
    }

    /** Every tenant, 500 at a time. */
    public static ResealRequest all(ResealScope scope) {
      return new ResealRequest(scope, null, 0, 500);
    }
  }

  /**
   * @param tenants tenants done in this run
   * @param lastTenant the last tenant done; null when none was
   * @param complete whether the run reached the last tenant (false when {@code maxTenants} stopped it)
   * @param secrets the counts over all tenants done
   */
  record ResealRun(long tenants, TenantId lastTenant, boolean complete, ResealReport secrets) {
    /** Secrets in scope still not rewritten after this run (its failures); zero after a complete clean run. */
    public long remaining() {
      return secrets.failed();
    }

    /**
     * Secrets still stored in plaintext after this run: zero after a {@link ResealScope#PLAINTEXT} pass
     * without failures; after an {@link ResealScope#OLD_KEYS} pass, what a PLAINTEXT pass still has to
     * encrypt (never counted as current).
     */
    public long plaintextLeft() {
      return secrets.plaintext();
    }
  }
}
