package io.pgforce.salesforce;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/** An in-process emulator and client configurations pointing at it, for the integration tests. */
public final class EmulatorOrg implements AutoCloseable {

  private final Emulator emulator;

  private EmulatorOrg(Emulator emulator) {
    this.emulator = emulator;
  }

  /** An org with the standard objects plus Invoice__c and Account.Ext_Id__c (an external id). */
  public static EmulatorOrg start() {
    return start(EmulatorConfig.builder().port(0).metadataFile(testMetadata()));
  }

  /** The metadata file with Invoice__c and Account.Ext_Id__c. */
  public static Path testMetadata() {
    try {
      return Path.of(EmulatorOrg.class.getResource("/client-test-metadata.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
