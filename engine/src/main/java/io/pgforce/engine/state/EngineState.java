package io.pgforce.engine.state;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Creates and migrates the engine's state schema. */
public final class EngineState {

  /** The schema engine state lives in; never the sync schema, which holds only the contract. */
  public static final String SCHEMA = "pgforce";

  private EngineState() {}

  /** Brings the state schema up to date; safe on every start and from several instances. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .locations("classpath:db/pgforce")
        .table("flyway_history")
        .load()
        .migrate();
  }
}
