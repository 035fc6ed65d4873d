package io.pgforce.emulator.seed;

import java.time.Duration;

/**
 * What a seeding run created.
 *
 * @param accounts Accounts created
 * @param contacts Contacts created
 * @param opportunities Opportunities created
 * @param elapsed how long it took
 */
public record SeedSummary(int accounts, int contacts, int opportunities, Duration elapsed) {

  public int total() {
    return accounts + contacts + opportunities;
  }
}
