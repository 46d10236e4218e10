package io.crosslist.adapter.persistence.internal.marketplace;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.PollCursorRepository;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** {@link PollCursorRepository} on {@code ${tenant}.marketplace_poll_cursors}. */
@Singleton
public final class MyBatisPollCursorRepository implements PollCursorRepository {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisPollCursorRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<Instant> find(TenantId tenant, Marketplace marketplace) {
    return sessions.call(tenant, s -> s.getMapper(PollCursorMapper.class).find(tenant, marketplace.name()));
  }

  @Override
  public void advance(TenantId tenant, Marketplace marketplace, Instant polledUntil) {
    Instant at = Objects.requireNonNull(polledUntil, "polledUntil").truncatedTo(ChronoUnit.MICROS);
    sessions.call(tenant, s -> s.getMapper(PollCursorMapper.class).advance(tenant, marketplace.name(), at));
  }
}
