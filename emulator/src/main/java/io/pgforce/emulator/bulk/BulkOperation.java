package io.pgforce.emulator.bulk;

import java.util.Optional;

/** What a job does, by the names Bulk API 2.0 uses in {@code operation}. */
enum BulkOperation {
  INSERT("insert"),
  UPDATE("update"),
  UPSERT("upsert"),
  DELETE("delete"),
  HARD_DELETE("hardDelete"),
  QUERY("query"),
  QUERY_ALL("queryAll");

  private final String wireName;

  BulkOperation(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  boolean isQuery() {
    return this == QUERY || this == QUERY_ALL;
  }

  /** Whether rows name records by Id only (delete, hardDelete). */
  boolean deletes() {
    return this == DELETE || this == HARD_DELETE;
  }

  static Optional<BulkOperation> fromWire(String name) {
    for (BulkOperation operation : values()) {
      if (operation.wireName.equals(name)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
