package io.pgforce.salesforce.bulk;

import java.util.List;
import java.util.Optional;

/**
 * One row of a Bulk API 2.0 CSV result. Bulk CSV cannot tell null from empty: both read as {@code
 * ""}.
 *
 * @param header the column names, shared by every row of a page
 * @param values the values, in header order
 */
public record BulkRow(List<String> header, List<String> values) {

  /** The value of a column (matched case-insensitively, as API names are). */
  public Optional<String> get(String column) {
    for (int i = 0; i < header.size() && i < values.size(); i++) {
      if (header.get(i).equalsIgnoreCase(column)) {
        return Optional.of(values.get(i));
      }
    }
    return Optional.empty();
  }
}
