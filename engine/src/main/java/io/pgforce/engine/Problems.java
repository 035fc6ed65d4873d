package io.pgforce.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a piece of configuration so the operator sees all of them at
 * once, instead of fixing one, restarting, and meeting the next.
 */
public final class Problems {

  private final List<String> found = new ArrayList<>();

  /** Records a problem: {@code where} names the key or path, {@code what} says what to change. */
  public void add(String where, String what) {
    found.add(where + ": " + what);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public int size() {
    return found.size();
  }

  public List<String> list() {
    return List.copyOf(found);
  }

  /** Throws one exception listing everything found, if anything was. */
  public void throwIfAny(String subject) {
    if (!found.isEmpty()) {
      throw new ConfigurationException(subject, found);
    }
  }
}
