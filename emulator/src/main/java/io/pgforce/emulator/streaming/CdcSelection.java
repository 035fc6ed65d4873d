package io.pgforce.emulator.streaming;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which objects publish change events: Salesforce's "selected entities". Every object by default,
 * so a fresh emulator behaves like an org with everything selected; tests narrow it. Thread-safe.
 */
public final class CdcSelection {

  private final Set<String> selected = ConcurrentHashMap.newKeySet();
  private volatile boolean everything = true;

  /** Every object publishes (the default). */
  public void selectAll() {
    selected.clear();
    everything = true;
  }

  /** Only {@code objectNames} publish; no name means no object does. */
  public void selectOnly(Collection<String> objectNames) {
    everything = false;
    selected.clear();
    objectNames.forEach(name -> selected.add(lower(name)));
  }

  /** Adds objects to a narrowed selection (no effect when everything is selected). */
  public void select(String objectName) {
    selected.add(lower(objectName));
  }

  /** Stops an object publishing; when everything was selected, every other object stays. */
  public void deselect(String objectName, Collection<String> allObjectNames) {
    if (everything) {
      selectOnly(allObjectNames);
    }
    selected.remove(lower(objectName));
  }

  public boolean publishes(String objectName) {
    return everything || selected.contains(lower(objectName));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
