package io.pgforce.app.admin;

import io.pgforce.engine.mapping.MappingDocument;
import io.pgforce.engine.outbound.WriteErrors.WriteError;
import java.util.List;
import java.util.Optional;

/**
 * What the admin API reads from, and asks of, the running sync. Implementations are called from
 * HTTP threads, concurrently; each call returns a fresh picture.
 */
public interface AdminBackend {

  /** Every mapping, in the order they were started. */
  List<MappingView> mappings();

  /** One mapping by object name, matched ignoring case as Salesforce matches API names. */
  default Optional<MappingView> mapping(String objectName) {
    return mappings().stream()
        .filter(m -> m.snapshot().objectName().equalsIgnoreCase(objectName))
        .findFirst();
  }

  /** Asks a mapping to do something; it happens between sync steps. False for an unknown object. */
  boolean command(String objectName, MappingAction action);

  /** The org, the database and the API budget, as of now. */
  ConnectionFacts connection();

  /**
   * Failed writes from the trigger log, newest first.
   *
   * @param table a mapped table name (lower case), or empty for all
   */
  List<WriteError> errors(Optional<String> table, int limit);

  /** Queues a failed write again; false when no FAILED entry has that id. */
  boolean retry(long triggerLogId);

  /**
   * Checks new mappings against the org, registers them and starts syncing them.
   *
   * @throws io.pgforce.engine.ConfigurationException listing every problem, when any is found
   * @throws ConflictException when an object is mapped already
   */
  List<MappingView> add(MappingDocument mappings);

  /** The mappings that run, as a Heroku Connect mapping export. */
  MappingDocument export();
}
