package io.pgforce.engine.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the hstore text the trigger log keeps in {@code old} and {@code values}: {@code
 * "key"=>"value", "other"=>NULL}, with {@code \"} and {@code \\} escaped inside quotes. Parsed here
 * so the writer does not depend on which schema the hstore extension was installed in.
 */
public final class HstoreText {

  private HstoreText() {}

  /**
   * The pairs, in order; a NULL value maps to null.
   *
   * @throws IllegalArgumentException when {@code text} is not hstore text (a hand-edited log entry)
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text == null) {
      return pairs;
    }
    int[] pos = {0};
    while (skipTo(text, pos, '"')) {
      String key = quoted(text, pos);
      int arrow = text.indexOf("=>", pos[0]);
      if (arrow < 0) {
        throw notHstore("the key \"" + key + "\" has no =>");
      }
      pos[0] = arrow + 2;
      skipSpaces(text, pos);
      String value = text.startsWith("NULL", pos[0]) ? null : value(text, pos, key);
      pairs.put(key, value);
      pos[0] =
          Math.max(
              pos[0], text.indexOf(',', pos[0]) < 0 ? text.length() : text.indexOf(',', pos[0]));
    }
    return pairs;
  }

  /** Writes pairs back as hstore text, which {@link #parse} reads. */
  public static String format(Map<String, String> pairs) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(quote(pair.getKey())).append("=>");
      sb.append(pair.getValue() == null ? "NULL" : quote(pair.getValue()));
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static boolean skipTo(String text, int[] pos, char c) {
    int i = text.indexOf(c, pos[0]);
    if (i < 0) {
      return false;
    }
    pos[0] = i;
    return true;
  }

  private static void skipSpaces(String text, int[] pos) {
    while (pos[0] < text.length() && text.charAt(pos[0]) == ' ') {
      pos[0]++;
    }
  }

  private static String value(String text, int[] pos, String key) {
    if (pos[0] >= text.length() || text.charAt(pos[0]) != '"') {
      throw notHstore("the value of \"" + key + "\" is neither quoted nor NULL");
    }
    return quoted(text, pos);
  }

  /** Reads a quoted string starting at pos (on the opening quote), leaving pos after it. */
  private static String quoted(String text, int[] pos) {
    StringBuilder sb = new StringBuilder();
    int i = pos[0] + 1;
    while (charAt(text, i) != '"') {
      char ch = text.charAt(i);
      if (ch == '\\') {
        ch = charAt(text, ++i);
      }
      sb.append(ch);
      i++;
    }
    pos[0] = i + 1;
    return sb.toString();
  }

  private static char charAt(String text, int i) {
    if (i >= text.length()) {
      throw notHstore("a quote is not closed");
    }
    return text.charAt(i);
  }

  private static IllegalArgumentException notHstore(String why) {
    return new IllegalArgumentException("not hstore text (" + why + ")");
  }
}
