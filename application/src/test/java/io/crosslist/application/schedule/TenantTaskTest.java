package io.crosslist.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A host's task: its registration rules, and its runs over the tenant sweep (every tenant, or a selection). */
class TenantTaskTest {
  /** Active tenants 1 to 1,200 (more than two pages of 500). */
  private static final TenantSweep.TenantPages DIRECTORY = (after, limit) -> {
    long from = (after == null ? 0 : after.value()) + 1;
    return LongStream.rangeClosed(from, Math.min(1_200, from + limit - 1)).mapToObj(TenantId::of).toList();
  };

  @Test
  void a_name_an_interval_and_the_work_are_each_checked_with_their_rule() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> TenantTask.of("Loyalty_Recount", Duration.ofMillis(500), null));
    assertTrue(e.getMessage().contains("name: " + RecurringTask.NAME_RULE), e.getMessage());
    assertTrue(e.getMessage().contains("defaultInterval: must be at least 1s"), e.getMessage());
    assertTrue(e.getMessage().contains("work: is required"), e.getMessage());
    for (String bad : new String[] {"", "-x", "x-", "a--b", "1abc", "a b", "a".repeat(65), "ünï"}) {
      assertThrows(ValidationException.class, () -> TenantTask.of(bad, Duration.ofMinutes(1), t -> 0), bad);
    }
    for (String good : new String[] {"a", "loyalty-recount", "v2-sync", "a".repeat(64)}) {
      assertEquals(good, TenantTask.of(good, Duration.ofMinutes(1), t -> 0).name());
    }
  }

  @Test
  void a_run_works_on_every_active_tenant_and_a_failing_tenant_is_in_the_summary_while_the_others_go_on() {
    Set<TenantId> done = ConcurrentHashMap.newKeySet();
    RecurringTask task = TenantTask.of("loyalty-recount", Duration.ofHours(1), tenant -> {
      if (tenant.value() == 700) {
        throw new IllegalStateException("points table locked");
      }
      done.add(tenant);
      return tenant.value() % 2 == 0 ? 1 : TenantSweep.SKIPPED;
    }).toRecurringTask(DIRECTORY, 4);

    RunSummary summary = task.run();

    assertEquals("loyalty-recount", summary.task());
    assertEquals(1_199, done.size());
    assertEquals(1, summary.failed());
    assertEquals(List.of(TenantId.of(700)), summary.failedTenants());
    assertEquals("points table locked", summary.failures().get(0).cause());
    assertEquals(599, summary.processed()); // the even ones but 700
    assertEquals(600, summary.skipped());
    assertEquals(Duration.ofHours(1), task.defaultInterval());
  }

  @Test
  void a_run_for_selected_tenants_works_on_those_the_task_walks_and_skips_the_others() {
    Set<TenantId> done = ConcurrentHashMap.newKeySet();
    RecurringTask task = TenantTask.of("shop-sync", Duration.ofMinutes(15), tenant -> {
      done.add(tenant);
      return 1;
    }).over((after, limit) -> LongStream.rangeClosed(1, 1_000).filter(id -> id % 10 == 0) // tenants with a shop
        .filter(id -> after == null || id > after.value()).limit(limit).mapToObj(TenantId::of).toList())
        .toRecurringTask(DIRECTORY, 2);

    RunSummary summary = task.run(TenantScope.only(List.of(TenantId.of(30), TenantId.of(1), TenantId.of(10),
        TenantId.of(31), TenantId.of(30))));

    assertEquals(Set.of(TenantId.of(10), TenantId.of(30)), done);
    assertEquals(2, summary.processed());
    assertEquals(2, summary.skipped(), "1 and 31 have no shop");
    assertEquals(100, task.run().processed(), "every tenant with a shop");
  }

  @Test
  void a_selection_names_at_least_one_tenant() {
    ValidationException e = assertThrows(ValidationException.class, () -> TenantScope.only(List.of()));
    assertTrue(e.getMessage().startsWith("tenants: "), e.getMessage());
  }
}
