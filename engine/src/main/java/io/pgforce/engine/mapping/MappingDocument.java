package io.pgforce.engine.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A whole mapping configuration as Heroku Connect exports it: which connection it came from and its
 * mappings. Read and written by {@link MappingJson}.
 */
public record MappingDocument(
    Optional<String> appName,
    Optional<String> organizationId,
    Optional<Instant> exportedAt,
    List<Mapping> mappings) {

  public MappingDocument {
    mappings = List.copyOf(mappings);
  }

  /** The mapping for an object, matched the way Salesforce matches API names: ignoring case. */
  public Optional<Mapping> mapping(String objectName) {
    return mappings.stream().filter(m -> m.objectName().equalsIgnoreCase(objectName)).findFirst();
  }
}
