package io.pgforce.emulator.server;

import io.javalin.config.JavalinConfig;

/**
 * One API area of the emulated org (OAuth, REST data, Bulk...), registering its routes on the
 * server being built. An area that needs more than routes (a servlet, a larger request size) has
 * the whole configuration at hand.
 */
@FunctionalInterface
public interface ApiArea {

  void register(JavalinConfig config);

  /** Forgets state the area keeps of its own (open cursors, jobs) when the org is reset. */
  default void reset() {}
}
