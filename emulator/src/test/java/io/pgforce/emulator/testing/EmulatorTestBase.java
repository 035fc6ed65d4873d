package io.pgforce.emulator.testing;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One emulator per test class on a random port with a movable clock, reset before each test, and a
 * REST client already holding a token.
 */
public abstract class EmulatorTestBase {

  public static final String V = "/services/data/v60.0";

  protected static MutableClock clock;
  protected static Emulator emulator;
  protected RestClient anonymous;
  protected RestClient api;

  @BeforeAll
  static void startEmulator() {
    clock = MutableClock.at("2024-06-03T12:00:00Z");
    emulator =
        Emulator.start(
            EmulatorConfig.builder().port(0).clock(clock).metadataFile(testMetadata()).build());
  }

  /** The custom objects and fields every integration test org has (test-metadata.json). */
  public static java.nio.file.Path testMetadata() {
    try {
      return java.nio.file.Path.of(
          EmulatorTestBase.class.getResource("/test-metadata.json").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void freshOrg() {
    clock.set(java.time.Instant.parse("2024-06-03T12:00:00Z"));
    emulator.reset();
    anonymous = new RestClient(emulator.baseUrl());
    api = anonymous.withToken(emulator.accessToken());
  }

  /** Creates a record over REST and returns its id. */
  protected String create(String object, String json) {
    RestClient.Response response = api.post(V + "/sobjects/" + object, json);
    if (response.status() != 201) {
      throw new AssertionError("create " + object + " failed: " + response);
    }
    return response.json().get("id").asText();
  }
}
