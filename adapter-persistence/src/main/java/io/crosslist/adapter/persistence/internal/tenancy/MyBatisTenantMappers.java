package io.crosslist.adapter.persistence.internal.tenancy;

import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.TenantMappers;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** {@link TenantMappers} over the unit of work: the same session path as Crosslist's own repositories. */
@Singleton
public final class MyBatisTenantMappers implements TenantMappers {
  /** The host's registered mappers (a type of its own, so that Guice binds the list without a name). */
  public record HostMappers(List<Class<?>> types) {}

  private final MyBatisUnitOfWork unitOfWork;
  private final Set<Class<?>> hostMappers;

  @Inject
  MyBatisTenantMappers(MyBatisUnitOfWork unitOfWork, HostMappers hostMappers) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.hostMappers = Set.copyOf(hostMappers.types());
  }

  @Override
  public <M, T> T call(TenantId tenant, Class<M> mapper, Function<M, T> statement) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(statement, "statement");
    if (!hostMappers.contains(Objects.requireNonNull(mapper, "mapper"))) {
      throw new IllegalArgumentException(mapper.getName() + " is not a registered host mapper; register it with"
          + " PersistenceSettings.withMapper(" + mapper.getSimpleName() + ".class)");
    }
    return unitOfWork.call(tenant, session -> statement.apply(onlyFor(tenant, mapper, session.getMapper(mapper))));
  }

  /** The mapper, refusing any call that passes a tenant other than {@code tenant}. */
  private static <M> M onlyFor(TenantId tenant, Class<M> type, M mapper) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (args != null) {
        for (Object arg : args) {
          if (arg instanceof TenantId other && !other.equals(tenant)) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + method.getName() + " was given " + other
                + " inside a call for " + tenant + ": one call serves one tenant");
          }
        }
      }
      try {
        return method.invoke(mapper, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
