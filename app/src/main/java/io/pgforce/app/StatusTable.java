package io.pgforce.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code pgforce status}'s output: the connection on one line, then a table of the mappings. */
final class StatusTable {

  private static final String[] HEADER = {
    "OBJECT",
    "ACCESS",
    "STATE",
    "TARGET",
    "PG ROWS",
    "SF ROWS",
    "PENDING",
    "FAILED",
    "LAST POLL",
    "LOAD"
  };

  /** Columns 4 to 7 hold numbers and are right-aligned. */
  private static final int FIRST_NUMBER = 4;

  private static final int LAST_NUMBER = 7;

  private StatusTable() {}

  static String render(JsonNode connection, JsonNode mappings) {
    StringBuilder out = new StringBuilder();
    out.append("Connection ")
        .append(connection.path("state").asText())
        .append(" (org ")
        .append(connection.path("organization_id").asText())
        .append(", ")
        .append(connection.path("mappings").asInt())
        .append(" mappings")
        .append(apiUsage(connection.path("api_usage")))
        .append(")\n");
    if (connection.path("detail").isTextual()) {
      out.append("  ").append(connection.path("detail").asText()).append('\n');
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    mappings.path("mappings").forEach(m -> rows.add(row(m)));
    appendAligned(out, rows);
    mappings.path("mappings").forEach(m -> appendDetail(out, m));
    return out.toString();
  }

  private static String apiUsage(JsonNode usage) {
    return usage.isObject()
        ? ", API " + usage.path("used").asLong() + "/" + usage.path("max").asLong() + " today"
        : "";
  }

  private static String[] row(JsonNode m) {
    JsonNode counts = m.path("counts");
    return new String[] {
      m.path("object_name").asText(),
      m.path("access").asText(),
      m.path("state").asText(),
      m.path("target").asText(),
      number(counts.path("postgres_rows")),
      number(counts.path("salesforce_rows")),
      number(counts.path("pending")),
      number(counts.path("failed")),
      ago(m.path("seconds_since_poll")),
      load(m.path("load"))
    };
  }

  private static String number(JsonNode n) {
    return n.isNumber() ? String.format("%,d", n.asLong()) : "-";
  }

  private static String ago(JsonNode seconds) {
    if (!seconds.isNumber()) {
      return "never";
    }
    long s = Math.round(seconds.asDouble());
    if (s < 120) {
      return s + "s ago";
    }
    return s < 7200 ? s / 60 + "m ago" : s < 172_800 ? s / 3600 + "h ago" : s / 86_400 + "d ago";
  }

  private static String load(JsonNode load) {
    if (!load.path("active").asBoolean()) {
      return load.path("expected").asLong() > 0 ? "done" : "-";
    }
    return load.path("percent").isNumber()
        ? (int) load.path("percent").asDouble() + "%"
        : "started";
  }

  private static final Set<String> ERROR_STATES =
      Set.of("SYSTEM_ERROR", "BAD_CONFIG", "BULK_LOAD_ERROR");

  /** Why a mapping is in an error state, under the table, so the table stays narrow. */
  private static void appendDetail(StringBuilder out, JsonNode m) {
    if (m.path("detail").isTextual() && ERROR_STATES.contains(m.path("state").asText())) {
      out.append("  ")
          .append(m.path("object_name").asText())
          .append(": ")
          .append(m.path("detail").asText())
          .append('\n');
    }
  }

  private static void appendAligned(StringBuilder out, List<String[]> rows) {
    int[] widths = new int[HEADER.length];
    rows.forEach(r -> widen(widths, r));
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        boolean right = i >= FIRST_NUMBER && i <= LAST_NUMBER;
        line.append(String.format("%" + (right ? "" : "-") + widths[i] + "s", r[i])).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static void widen(int[] widths, String[] row) {
    for (int i = 0; i < row.length; i++) {
      widths[i] = Math.max(widths[i], row[i].length());
    }
  }
}
