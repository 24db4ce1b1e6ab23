package io.portico.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.inject.BeanDefinitionReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A function's own context: Micronaut's bean definitions, Portico's configuration and, of the rest
 * of Portico's, only the ones the function uses ({@link FunctionBeans}); the others' classes are
 * never loaded.
 */
final class FunctionContext extends DefaultApplicationContext {
  private final Set<String> own;
  private List<BeanDefinitionReference> references;

  private FunctionContext(Builder configuration, Set<String> own) {
    super(configuration);
    this.own = own;
  }

  @Override
  @SuppressWarnings("rawtypes")
  protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
    if (references == null) {
      List<BeanDefinitionReference> loaded = new ArrayList<>();
      try {
        for (String name : MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(getClassLoader(), BeanDefinitionReference.class.getName())) {
          if (name.startsWith("io.portico.") && !name.startsWith("io.portico.config.") && !own.contains(name)) continue;
          BeanDefinitionReference reference = instantiate(name);
          if (reference != null && reference.isPresent()) loaded.add(reference);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      references = loaded;
    }
    return references;
  }

  /** As Micronaut's own loader: a definition whose classes are missing (an optional dependency) is left out. */
  @SuppressWarnings("rawtypes")
  private BeanDefinitionReference instantiate(String name) {
    try {
      return (BeanDefinitionReference) Class.forName(name, true, getClassLoader()).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /** Builds a {@link FunctionContext}; otherwise Micronaut's builder. */
  static final class Builder extends DefaultApplicationContextBuilder {
    private final Set<String> own;

    Builder(Set<String> own) {
      this.own = own;
    }

    @Override
    protected ApplicationContext newApplicationContext() {
      return new FunctionContext(this, own);
    }
  }
}
