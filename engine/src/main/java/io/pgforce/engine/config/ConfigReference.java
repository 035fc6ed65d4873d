package io.pgforce.engine.config;

/**
 * Renders the configuration reference (the table in docs/operations.md) from {@link ConfigKeys}, so
 * the documentation cannot drift from what pgforce actually reads.
 */
public final class ConfigReference {

  private ConfigReference() {}

  public static String markdownTable() {
    StringBuilder sb = new StringBuilder();
    sb.append("| key | environment variable | default | meaning |\n");
    sb.append("|---|---|---|---|\n");
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      sb.append("| `")
          .append(key.path())
          .append("` | `")
          .append(key.environmentVariable())
          .append("` | ")
          .append(key.defaultText().map(d -> "`" + d + "`").orElse(key.secret() ? "(secret)" : ""))
          .append(" | ")
          .append(key.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return sb.toString();
  }
}
