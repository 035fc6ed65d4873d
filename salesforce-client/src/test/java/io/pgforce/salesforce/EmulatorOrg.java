package io.pgforce.salesforce;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process emulator per test class and a client logged in to it, for the integration tests:
 * {@code @RegisterExtension static final EmulatorOrg org = new EmulatorOrg();}. The org has the
 * standard objects plus Invoice__c and Account.Ext_Id__c (an external id), and is emptied of
 * records, fault rules and call statistics before each test.
 */
public final class EmulatorOrg implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final UnaryOperator<EmulatorConfig.Builder> emulatorSettings;
  private final UnaryOperator<SalesforceConfig.Builder> clientSettings;
  private Emulator emulator;
  private SalesforceClient client;

  public EmulatorOrg() {
    this(emulator -> emulator, client -> client);
  }

  public EmulatorOrg(
      UnaryOperator<EmulatorConfig.Builder> emulatorSettings,
      UnaryOperator<SalesforceConfig.Builder> clientSettings) {
    this.emulatorSettings = emulatorSettings;
    this.clientSettings = clientSettings;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    EmulatorConfig.Builder config = EmulatorConfig.builder().port(0).metadataFile(testMetadata());
    emulator = Emulator.start(emulatorSettings.apply(config).build());
    client = SalesforceClient.connect(clientSettings.apply(passwordConfig()).build());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    emulator.store().clear();
    emulator.faults().clear();
    emulator.stats().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
    emulator.close();
  }

  public Emulator emulator() {
    return emulator;
  }

  /** The client the extension logged in, shared by the class's tests. */
  public SalesforceClient client() {
    return client;
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

  /** Another client, with the password flow. */
  public SalesforceClient connect() {
    return SalesforceClient.connect(passwordConfig().build());
  }

  /** How many calls the emulator received for one endpoint, as {@code "GET /services/..."}. */
  public long calls(String endpoint) {
    return emulator.stats().count(endpoint);
  }

  private static Path testMetadata() {
    try {
      return Path.of(EmulatorOrg.class.getResource("/client-test-metadata.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
