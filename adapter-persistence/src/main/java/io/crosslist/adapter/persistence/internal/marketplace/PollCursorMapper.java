package io.crosslist.adapter.persistence.internal.marketplace;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_poll_cursors}; the SQL is in PollCursorMapper.xml. */
public interface PollCursorMapper {

  Optional<Instant> find(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace);

  int advance(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace,
      @Param("polledUntil") Instant polledUntil);
}
