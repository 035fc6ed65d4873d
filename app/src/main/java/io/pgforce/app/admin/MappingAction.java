package io.pgforce.app.admin;

import java.util.Arrays;
import java.util.Optional;

/** What an operator can ask one mapping to do, named as it appears in the API's paths. */
public enum MappingAction {
  PAUSE("pause"),
  RESUME("resume"),
  RELOAD("reload"),
  POLL("poll"),
  DRIFT_CHECK("drift-check");

  private final String path;

  MappingAction(String path) {
    this.path = path;
  }

  /** The last segment of {@code POST /api/v1/mappings/{object}/<path>}. */
  public String path() {
    return path;
  }

  public static Optional<MappingAction> fromPath(String path) {
    return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
  }
}
