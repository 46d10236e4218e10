package io.crosslist.adapter.persistence.internal.tenancy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * MyBatis object factory that keeps one accessible no-argument constructor per row class. MyBatis's
 * default looks the constructor up for every row, and for a package-private row class it first fails
 * with an {@code IllegalAccessException} (a stack trace per row) before retrying; on a primary-key
 * lookup that was measurable. Public only because mybatis-guice instantiates it.
 */
public final class RowObjectFactory extends DefaultObjectFactory {
  private static final long serialVersionUID = 1L;

  private static final ClassValue<Constructor<?>> NO_ARGUMENT = new ClassValue<>() {
    @Override
    protected Constructor<?> computeValue(Class<?> type) {
      try {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor;
      } catch (NoSuchMethodException | RuntimeException e) {
        return null; // not a row class: MyBatis's own logic decides
      }
    }
  };

  @Override
  public <T> T create(Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
    boolean noArguments = constructorArgTypes == null || constructorArgTypes.isEmpty();
    Class<?> concrete = resolveInterface(type);
    Constructor<?> constructor = noArguments && !concrete.isInterface() ? NO_ARGUMENT.get(concrete) : null;
    if (constructor == null) {
      return super.create(type, constructorArgTypes, constructorArgs);
    }
    try {
      return type.cast(constructor.newInstance());
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new ReflectionException("cannot create " + concrete.getName() + ": " + e, e);
    }
  }
}
