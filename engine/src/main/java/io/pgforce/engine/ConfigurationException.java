package io.pgforce.engine;

import java.util.List;

/** Configuration that cannot run, with every problem found in it, each naming what to fix. */
public final class ConfigurationException extends RuntimeException {

  private final List<String> problems;

  public ConfigurationException(String subject, List<String> problems) {
    super(format(subject, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String format(String subject, List<String> problems) {
    StringBuilder sb = new StringBuilder(subject);
    sb.append(" has ")
        .append(problems.size())
        .append(problems.size() == 1 ? " problem:" : " problems:");
    problems.forEach(p -> sb.append("\n  - ").append(p));
    return sb.toString();
  }
}
