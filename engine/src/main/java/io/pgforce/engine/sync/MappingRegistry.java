package io.pgforce.engine.sync;

import io.pgforce.engine.db.Database;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.mapping.MappingJson;
import io.pgforce.engine.state.EngineState;
import io.pgforce.engine.state.MappingStore;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mappings registered in the database ({@code pgforce mappings import} adds to them, the engine
 * registers the configured ones as it prepares them). What runs is the configuration's mappings
 * plus the registered ones; where both name an object, the configuration wins.
 */
public final class MappingRegistry {

  private final Database db;
  private final Clock clock;

  public MappingRegistry(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public List<Mapping> registered() throws SQLException {
    EngineState.migrate(db.dataSource());
    Map<String, String> configs = db.inTransaction(c -> new MappingStore(clock).configs(c));
    List<Mapping> mappings = new ArrayList<>();
    configs.forEach(
        (object, json) ->
            mappings.add(MappingJson.readMapping(json, "registered mapping " + object)));
    return mappings;
  }

  public void register(List<Mapping> mappings) throws SQLException {
    EngineState.migrate(db.dataSource());
    db.inTransaction(
        c -> {
          MappingStore store = new MappingStore(clock);
          for (Mapping m : mappings) {
            store.register(c, m.objectName(), MappingJson.write(m));
          }
          return null;
        });
  }

  /**
   * The mappings to run: the configured ones, then registered ones the configuration does not name.
   */
  public static List<Mapping> merge(List<Mapping> configured, List<Mapping> registered) {
    Map<String, Mapping> byTable = new LinkedHashMap<>();
    configured.forEach(m -> byTable.put(m.tableName(), m));
    registered.forEach(m -> byTable.putIfAbsent(m.objectName().toLowerCase(Locale.ROOT), m));
    return new ArrayList<>(byTable.values());
  }
}
