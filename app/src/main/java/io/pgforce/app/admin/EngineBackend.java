package io.pgforce.app.admin;

import io.pgforce.engine.LoginRefusals;
import io.pgforce.engine.Preflight;
import io.pgforce.engine.Problems;
import io.pgforce.engine.config.PgforceConfig;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.mapping.MappingDocument;
import io.pgforce.engine.outbound.WriteErrors;
import io.pgforce.engine.outbound.WriteErrors.WriteError;
import io.pgforce.engine.sync.MappingRegistry;
import io.pgforce.engine.sync.MappingSnapshot;
import io.pgforce.engine.sync.SyncEngine;
import io.pgforce.salesforce.SalesforceClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The admin API over the running sync engine, its database and its Salesforce connection. */
public final class EngineBackend implements AdminBackend {

  private static final Duration COUNTS_MAX_AGE = Duration.ofSeconds(2);
  private static final int DATABASE_CHECK_SECONDS = 2;

  private final SyncEngine engine;
  private final SalesforceClient salesforce;
  private final PgforceConfig config;
  private final MappingRegistry registry;
  private final LagSource lag;
  private final CountsCache counts;
  private final Clock clock;

  public EngineBackend(
      SyncEngine engine,
      SalesforceClient salesforce,
      PgforceConfig config,
      LagSource lag,
      Clock clock) {
    this.engine = engine;
    this.salesforce = salesforce;
    this.config = config;
    this.registry = new MappingRegistry(engine.database(), clock);
    this.lag = lag;
    this.counts = new CountsCache(engine::counts, clock, COUNTS_MAX_AGE);
    this.clock = clock;
  }

  @Override
  public List<MappingView> mappings() {
    return engine.mappings().stream().map(this::view).toList();
  }

  @Override
  public Optional<MappingView> mapping(String objectName) {
    return engine.mapping(objectName).map(this::view);
  }

  private MappingView view(MappingSnapshot s) {
    return new MappingView(s, counts.get(s.objectName()), lag.lastLag(s.objectName()));
  }

  @Override
  public boolean command(String objectName, MappingAction action) {
    return switch (action) {
      case PAUSE -> engine.pause(objectName);
      case RESUME -> engine.resume(objectName);
      case RELOAD -> engine.reload(objectName);
      case POLL -> engine.pollNow(objectName);
      case DRIFT_CHECK -> engine.checkDrift(objectName);
    };
  }

  @Override
  public ConnectionFacts connection() {
    return new ConnectionFacts(
        salesforce.organizationId(),
        salesforce.instanceUrl(),
        databaseReachable(),
        salesforce.apiUsage(),
        engine.pushed(),
        engine.writerRestarts(),
        salesforce.loginRefusal().map(LoginRefusals::explain));
  }

  private boolean databaseReachable() {
    try (Connection c = engine.database().connection()) {
      return c.isValid(DATABASE_CHECK_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public List<WriteError> errors(Optional<String> table, int limit) {
    return sql(c -> new WriteErrors(engine.schema()).recent(c, table.orElse(null), limit));
  }

  @Override
  public boolean retry(long triggerLogId) {
    return sql(c -> new WriteErrors(engine.schema()).retry(c, triggerLogId));
  }

  @Override
  public synchronized List<MappingView> add(MappingDocument doc) {
    List<String> mapped =
        doc.mappings().stream()
            .map(Mapping::objectName)
            .filter(o -> engine.mapping(o).isPresent())
            .toList();
    if (!mapped.isEmpty()) {
      throw new ConflictException("already mapped: " + String.join(", ", mapped));
    }
    Problems problems = new Problems();
    Preflight.checkMappings(config.withMappings(doc), salesforce, problems);
    problems.throwIfAny("The new mappings");
    unchecked(
        () -> {
          registry.register(doc.mappings());
          return null;
        });
    doc.mappings().forEach(engine::add);
    return doc.mappings().stream().flatMap(m -> mapping(m.objectName()).stream()).toList();
  }

  @Override
  public MappingDocument export() {
    List<Mapping> running =
        unchecked(() -> MappingRegistry.merge(config.mappings().mappings(), registry.registered()));
    return new MappingDocument(
        Optional.of("pgforce"),
        Optional.of(salesforce.organizationId()),
        Optional.of(clock.instant()),
        running);
  }

  private <T> T sql(SqlCall<T> call) {
    return unchecked(
        () -> {
          try (Connection c = engine.database().connection()) {
            return call.run(c);
          }
        });
  }

  private static <T> T unchecked(SqlSupplier<T> supplier) {
    try {
      return supplier.get();
    } catch (SQLException e) {
      throw new IllegalStateException("the database refused: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface SqlCall<T> {
    T run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface SqlSupplier<T> {
    T get() throws SQLException;
  }
}
