package io.crosslist.library;

import com.google.inject.Binder;
import com.google.inject.Singleton;
import java.lang.reflect.Constructor;

/**
 * Binds an application service as a singleton built with its one public constructor, every parameter from the
 * injector. The services are plain classes without {@code @Inject} (the application knows no framework), so this
 * stands for the {@code @Provides} method that would only call {@code new}:
 *
 * <pre>{@code
 * Services.bind(binder(), CreateProductUseCase.class, CreateProductService.class);
 * }</pre>
 */
final class Services {
  private Services() {}

  /** Binds {@code service} itself (for the in-ports bound to it, or the modules that take it). */
  static <T> void bind(Binder binder, Class<T> service) {
    bind(binder, service, service);
  }

  /** Binds {@code key}, an in-port or the service itself, to {@code service}. */
  static <T> void bind(Binder binder, Class<T> key, Class<? extends T> service) {
    binder.skipSources(Services.class).bind(key).toConstructor(constructor(service)).in(Singleton.class);
  }

  /** @throws IllegalArgumentException when {@code service} has no public constructor or more than one */
  @SuppressWarnings("unchecked") // getConstructors() of a Class<S> are constructors of S
  static <S> Constructor<S> constructor(Class<S> service) {
    Constructor<?>[] constructors = service.getConstructors();
    if (constructors.length != 1) {
      throw new IllegalArgumentException(service.getName() + " has " + constructors.length
          + " public constructors; a service bound by Services needs exactly one");
    }
    return (Constructor<S>) constructors[0];
  }
}
