package io.crosslist.application.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantMigration;
import io.crosslist.domain.tenant.TenantProvisioning.ProvisioningResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a process believes of a tenant's schema: asked of the registry, believed for a while, then asked again. */
class FleetOperationsServiceTest {
  private static final TenantId TENANT = TenantId.of(7);
  private Instant now = Instant.parse("2026-12-06T12:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  /** A registry that counts its questions and answers "current" until told otherwise. */
  private static final class Registry implements TenantMigration {
    final AtomicInteger asked = new AtomicInteger();
    final AtomicInteger migrated = new AtomicInteger();
    volatile boolean current = true;

    @Override
    public Map<String, Integer> versions() {
      return Map.of("crosslist", 10);
    }

    @Override
    public List<TenantId> behind(Optional<TenantId> after, int limit) {
      return List.of();
    }

    @Override
    public boolean isCurrent(TenantId tenant) {
      asked.incrementAndGet();
      return current;
    }

    @Override
    public ProvisioningResult migrate(TenantId tenant) {
      migrated.incrementAndGet();
      current = true;
      return new ProvisioningResult(tenant, false, 9, 10, 1);
    }
  }

  private static final MigrateTenantsUseCase NO_FLEET = new MigrateTenantsUseCase() {
    @Override
    public FleetPlan plan(MigrateTenantsCommand command) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RunSummary migrate(MigrateTenantsCommand command, SweepProgress progress) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void a_current_tenant_is_believed_for_a_while_then_the_registry_is_asked_again() {
    Registry registry = new Registry();
    try (FleetOperationsService service = new FleetOperationsService(NO_FLEET, registry, clock)) {
      service.ensureCurrent(TENANT);
      service.ensureCurrent(TENANT);
      assertEquals(1, registry.asked.get(), "believed within " + FleetOperationsService.KNOWN_FOR);
      assertEquals(0, registry.migrated.get());

      // a database crash took back the migration that made it current: the belief ends, the registry says behind
      registry.current = false;
      now = now.plus(FleetOperationsService.KNOWN_FOR).plus(Duration.ofMillis(1));
      service.ensureCurrent(TENANT);
      assertEquals(2, registry.asked.get());
      assertEquals(1, registry.migrated.get(), "migrated again");
    }
  }
}
