package io.pgforce.engine.outbound;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The writer's statements take a round's ids and results as arrays. A plan made for the array's
 * values (a custom plan) sees 10,000 entries where a reused generic plan assumes ten, and can look
 * them up in a hash of the array instead of scanning it for every row. With the generic plan, right
 * after a large insert (statistics then still say no log entry is waiting), writing the sfids of
 * one round onto its waiting entries took 14 to 20 s instead of a fraction of one.
 */
final class ArrayPlans {

  private ArrayPlans() {}

  /** Plans the rest of the caller's transaction for each statement's values. */
  static void forTheirValues(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    }
  }
}
