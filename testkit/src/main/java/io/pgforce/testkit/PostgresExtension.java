package io.pgforce.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Creates one fresh database per test class (dropped after the class) and hands it to any parameter
 * of type {@link TestDatabase}. Use through {@link WithPostgres}.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return database(context);
  }

  private static TestDatabase database(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "db",
            key -> new OwnedDatabase(classContext.getRequiredTestClass()),
            OwnedDatabase.class)
        .database;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** Dropped by JUnit when the class's store closes. */
  private static final class OwnedDatabase implements AutoCloseable {
    final TestDatabase database;

    OwnedDatabase(Class<?> testClass) {
      this.database = PostgresServer.get().createDatabase(testClass.getSimpleName());
    }

    @Override
    public void close() {
      PostgresServer.get().dropDatabase(database);
    }
  }
}
