package io.crosslist.adapter.persistence;

import io.crosslist.domain.tenant.TenantId;
import java.util.function.Function;

/**
 * How a host runs the statements of its own mappers ({@link PersistenceSettings#withMapper}) over its own tenant
 * tables, the way Crosslist runs its own: rendered for the tenant, on a fail-closed connection from the tenant's
 * lane, and inside the unit of work's transaction when one is open for that tenant (so a host row and a Crosslist
 * row commit or roll back together).
 *
 * <pre>{@code
 * // NoteMapper: @Insert("insert into ${tenant}.notes (body) values (#{body})")
 * //             int insert(@Param("tenant") TenantId tenant, @Param("body") String body);
 * unitOfWork.inTransaction(tenant, () -> {
 *   products.save(tenant, product);                                   // Crosslist's repository
 *   return mappers.call(tenant, NoteMapper.class, m -> m.insert(tenant, "listed"));  // the host's table
 * });
 * }</pre>
 *
 * <p>Every {@link TenantId} passed to the mapper must be {@code tenant}: a statement for another tenant inside
 * this call is refused before anything is sent.
 */
public interface TenantMappers {

  /**
   * Runs {@code statement} on {@code mapper} for {@code tenant}.
   *
   * @throws IllegalArgumentException when {@code mapper} is not a registered host mapper, or a mapper method is
   *     given another tenant than {@code tenant}
   */
  <M, T> T call(TenantId tenant, Class<M> mapper, Function<M, T> statement);
}
