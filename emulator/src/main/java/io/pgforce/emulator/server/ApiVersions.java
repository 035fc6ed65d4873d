package io.pgforce.emulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The REST API versions the org serves, from 20.0 up to the configured one, with Salesforce's
 * release names (three releases a year: v20.0 was Winter '11, v60.0 Spring '24).
 */
public final class ApiVersions {

  /** One version as the versions resource lists it. */
  public record Version(String version, String label, String url) {}

  private static final int OLDEST = 20;
  private static final String[] SEASONS = {"Winter", "Spring", "Summer"};

  private final int newest;

  public ApiVersions(String newestVersion) {
    this.newest =
        major(newestVersion)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "API version must look like 60.0: " + newestVersion));
    if (newest < OLDEST) {
      throw new IllegalArgumentException("API version must be " + OLDEST + ".0 or later");
    }
  }

  /** Every version, oldest first. */
  public List<Version> all() {
    List<Version> versions = new ArrayList<>();
    for (int v = OLDEST; v <= newest; v++) {
      versions.add(new Version(v + ".0", label(v), "/services/data/v" + v + ".0"));
    }
    return versions;
  }

  /** Whether {@code version} (as in a URL, without the v: {@code 60.0}) is served. */
  public boolean supports(String version) {
    return version.endsWith(".0")
        && major(version).filter(v -> v >= OLDEST && v <= newest).isPresent();
  }

  static String label(int version) {
    int sinceWinter11 = version - OLDEST;
    int year = 11 + sinceWinter11 / 3;
    return SEASONS[sinceWinter11 % 3] + " '" + String.format("%02d", year);
  }

  private static Optional<Integer> major(String version) {
    if (!version.matches("\\d{2}\\.\\d")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(version.substring(0, 2)));
  }
}
