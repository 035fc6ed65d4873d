package io.pgforce.engine.mapping;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which way a mapping syncs, spelled as Heroku Connect spells it in its JSON. */
public enum Access {
  /** Salesforce to Postgres only; local edits are logged as {@code READONLY} and not pushed. */
  READ_ONLY("read_only"),
  /** Both ways: local edits go through the trigger log to Salesforce. */
  READ_WRITE("read_write");

  private final String json;

  Access(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  /** Parses the JSON spelling, with an error that lists the accepted values. */
  public static Access fromJson(String value) {
    for (Access a : values()) {
      if (a.json.equals(value)) {
        return a;
      }
    }
    String accepted = Arrays.stream(values()).map(Access::json).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "access '" + value + "' is not a sync mode; use one of: " + accepted);
  }
}
