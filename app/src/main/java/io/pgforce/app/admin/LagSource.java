package io.pgforce.app.admin;

import io.pgforce.engine.SyncObserver.Direction;
import java.time.Duration;
import java.util.Map;

/** How far behind the most recent change of a mapping arrived, each way (the metrics remember). */
@FunctionalInterface
public interface LagSource {

  /** Nothing observed yet. */
  LagSource NONE = objectName -> Map.of();

  Map<Direction, Duration> lastLag(String objectName);
}
