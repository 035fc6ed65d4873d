package io.pgforce.emulator.soql;

import java.util.List;

/**
 * A field path as written in the query ({@code Name}, {@code Account.Owner.Name}), not yet resolved
 * against the schema.
 *
 * @param path the names between the dots
 * @param position where the path starts
 */
public record FieldRef(List<String> path, SourcePosition position) {

  public FieldRef {
    path = List.copyOf(path);
  }

  /** The path as written, joined by dots. */
  public String text() {
    return String.join(".", path);
  }
}
