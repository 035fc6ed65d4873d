package io.pgforce.emulator.bulk;

import io.pgforce.emulator.metadata.FieldType;
import io.pgforce.emulator.soql.FieldPath;
import io.pgforce.emulator.soql.QueryPlan;
import java.util.Optional;

/**
 * What Bulk API 2.0 refuses in a query that REST accepts: aggregates ({@code COUNT()}), {@code
 * OFFSET}, and compound address fields (their components must be selected instead). The refusal
 * fails the job with this {@code errorMessage}.
 */
final class BulkQueryRules {

  private BulkQueryRules() {}

  static Optional<String> violation(QueryPlan plan) {
    if (plan.count()) {
      return Optional.of(
          "FUNCTIONALITY_NOT_ENABLED: Aggregate queries are not supported by Bulk API 2.0");
    }
    if (plan.query().offset().isPresent()) {
      return Optional.of("FUNCTIONALITY_NOT_ENABLED: OFFSET is not supported by Bulk API 2.0");
    }
    for (FieldPath column : plan.columns()) {
      if (column.field().type() == FieldType.ADDRESS) {
        return Optional.of(
            "FUNCTIONALITY_NOT_ENABLED: Selecting compound data not supported in Bulk Query");
      }
    }
    return Optional.empty();
  }
}
