package io.pgforce.salesforce;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import java.time.Duration;

/** An in-process emulator and client configurations pointing at it, for the integration tests. */
public final class EmulatorOrg implements AutoCloseable {

  private final Emulator emulator;

  private EmulatorOrg(Emulator emulator) {
    this.emulator = emulator;
  }

  public static EmulatorOrg start() {
    return start(EmulatorConfig.builder().port(0));
  }

  public static EmulatorOrg start(EmulatorConfig.Builder config) {
    return new EmulatorOrg(Emulator.start(config.build()));
  }

  public Emulator emulator() {
    return emulator;
  }

  /** The password flow with the emulator's credentials, short timeouts and retry budget. */
  public SalesforceConfig.Builder passwordConfig() {
    EmulatorConfig org = emulator.config();
    return SalesforceConfig.builder()
        .loginUrl(emulator.baseUrl())
        .authFlow(AuthFlow.PASSWORD)
        .username(org.username())
        .password(org.password())
        .clientId(org.clientId())
        .clientSecret(org.clientSecret())
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(20))
        .retryBudget(Duration.ofSeconds(20));
  }

  public SalesforceClient connect() {
    return SalesforceClient.connect(passwordConfig().build());
  }

  /** How many calls the emulator received for one endpoint, as {@code "GET /services/..."}. */
  public long calls(String endpoint) {
    return emulator.stats().count(endpoint);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
