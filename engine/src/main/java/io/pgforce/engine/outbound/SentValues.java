package io.pgforce.engine.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.engine.inbound.RecordRows;
import io.pgforce.engine.schema.Column;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Whether the value Salesforce holds for a field is the one a write sent: Salesforce answers in its
 * own spelling ({@code 12.5} for {@code 12.50}, {@code +0000} for {@code Z}), so values are
 * compared by what they mean for the field's type.
 */
final class SentValues {

  private SentValues() {}

  /** {@code sent} as {@link Payloads} sends it; {@code held} as a REST query returns it. */
  static boolean same(Column col, Object sent, JsonNode held) {
    boolean heldNull = held == null || held.isNull() || held.isMissingNode();
    if (sent == null || heldNull) {
      return sent == null && heldNull;
    }
    try {
      return switch (col.field().type()) {
        case "datetime" ->
            RecordRows.parseDatetime(sent.toString())
                .equals(RecordRows.parseDatetime(held.asText()));
        case "time" -> time(sent.toString()).equals(time(held.asText()));
        default -> sameScalar(sent, held);
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      return false; // not even of the field's type: not the value that was sent
    }
  }

  private static boolean sameScalar(Object sent, JsonNode held) {
    if (sent instanceof Number n) {
      return new BigDecimal(n.toString()).compareTo(new BigDecimal(held.asText())) == 0;
    }
    if (sent instanceof Boolean b) {
      return b == Boolean.parseBoolean(held.asText());
    }
    return sent.toString().equals(held.asText());
  }

  private static LocalTime time(String text) {
    return LocalTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
  }
}
