package io.pgforce.engine.config;

import io.pgforce.salesforce.AuthFlow;
import io.pgforce.salesforce.SalesforceConfig;
import java.time.Clock;
import java.time.Duration;

/** Builds the Salesforce client's configuration from pgforce.yml's {@code salesforce:} keys. */
public final class SalesforceSettings {

  /**
   * How long the client itself retries a failed call. Short, because the sync retries on its own
   * with state read afresh each round: a push retried inside the client would resend values read
   * before, say, a later Salesforce edit superseded them.
   */
  public static final Duration CLIENT_RETRY_BUDGET = Duration.ofSeconds(5);

  private SalesforceSettings() {}

  public static SalesforceConfig from(PgforceConfig config, Clock clock) {
    SalesforceConfig.Builder b =
        SalesforceConfig.builder()
            .loginUrl(config.require(ConfigKeys.LOGIN_URL))
            .authFlow(flow(config.require(ConfigKeys.AUTH)))
            .apiVersion(config.require(ConfigKeys.API_VERSION))
            .clientName(config.require(ConfigKeys.CLIENT_NAME))
            .retryBudget(CLIENT_RETRY_BUDGET)
            .clock(clock);
    config.get(ConfigKeys.USERNAME).ifPresent(b::username);
    config.get(ConfigKeys.PASSWORD).ifPresent(b::password);
    config.get(ConfigKeys.CLIENT_ID).ifPresent(b::clientId);
    config.get(ConfigKeys.CLIENT_SECRET).ifPresent(b::clientSecret);
    config.get(ConfigKeys.PRIVATE_KEY_FILE).ifPresent(b::privateKeyFile);
    config.get(ConfigKeys.REFRESH_TOKEN).ifPresent(b::refreshToken);
    return b.build();
  }

  private static AuthFlow flow(io.pgforce.engine.config.AuthFlow flow) {
    return switch (flow) {
      case PASSWORD -> AuthFlow.PASSWORD;
      case CLIENT_CREDENTIALS -> AuthFlow.CLIENT_CREDENTIALS;
      case JWT -> AuthFlow.JWT_BEARER;
      case REFRESH_TOKEN -> AuthFlow.REFRESH_TOKEN;
    };
  }
}
