package io.crosslist.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimRequestTest {
  private static final Duration LEASE = Duration.ofMinutes(1);

  @Test
  void a_claim_names_the_marketplaces_it_serves_each_once() {
    Marketplace depop = Marketplace.of("DEPOP");
    assertEquals(List.of(depop, Marketplace.EBAY), new ClaimRequest(10, 2, 8, 4, LEASE,
        List.of(depop, Marketplace.EBAY, Marketplace.of("DEPOP"))).marketplaces());
  }

  @Test
  void a_claim_without_a_marketplace_is_refused() {
    for (List<Marketplace> none : Arrays.asList(null, List.<Marketplace>of(), Arrays.asList(Marketplace.EBAY, null))) {
      ValidationException e = assertThrows(ValidationException.class, () -> new ClaimRequest(10, 2, 8, LEASE, none));
      assertEquals("marketplaces: must name at least one marketplace, and no null", e.getMessage());
    }
  }
}
