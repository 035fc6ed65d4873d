package io.pgforce.engine.config;

import io.pgforce.engine.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which keys must be set together: the credentials each login flow needs, and the rest. */
final class RequiredKeys {

  private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1");

  private RequiredKeys() {}

  static void check(
      Map<ConfigKey<?>, Object> values, Set<ConfigKey<?>> invalid, Problems problems) {
    AuthFlow flow = (AuthFlow) values.get(ConfigKeys.AUTH);
    if (flow != null) {
      for (ConfigKey<?> key : credentialsFor(flow)) {
        requireSet(
            key,
            values,
            invalid,
            problems,
            "the " + flow.name().toLowerCase().replace('_', '-') + " login flow needs it");
      }
    }
    Path key = (Path) values.get(ConfigKeys.PRIVATE_KEY_FILE);
    if (flow == AuthFlow.JWT && key != null && !Files.isReadable(key)) {
      problems.add(ConfigKeys.PRIVATE_KEY_FILE.path(), "cannot read " + key);
    }
    requireSet(
        ConfigKeys.DATABASE_URL,
        values,
        invalid,
        problems,
        "pgforce needs the PostgreSQL to sync into");
    Object host = values.get(ConfigKeys.ADMIN_HOST);
    if (host != null
        && !LOCAL_HOSTS.contains(host)
        && !values.containsKey(ConfigKeys.ADMIN_TOKEN)) {
      problems.add(
          ConfigKeys.ADMIN_TOKEN.path(),
          "required when admin.host ("
              + host
              + ") is not localhost, so the admin API is not open to the network");
    }
  }

  private static List<ConfigKey<?>> credentialsFor(AuthFlow flow) {
    return switch (flow) {
      case PASSWORD ->
          List.of(
              ConfigKeys.USERNAME,
              ConfigKeys.PASSWORD,
              ConfigKeys.CLIENT_ID,
              ConfigKeys.CLIENT_SECRET);
      case CLIENT_CREDENTIALS -> List.of(ConfigKeys.CLIENT_ID, ConfigKeys.CLIENT_SECRET);
      case JWT -> List.of(ConfigKeys.USERNAME, ConfigKeys.CLIENT_ID, ConfigKeys.PRIVATE_KEY_FILE);
      case REFRESH_TOKEN -> List.of(ConfigKeys.REFRESH_TOKEN, ConfigKeys.CLIENT_ID);
    };
  }

  /** Notes a missing key, unless it was set but invalid: that problem is already noted. */
  private static void requireSet(
      ConfigKey<?> key,
      Map<ConfigKey<?>, Object> values,
      Set<ConfigKey<?>> invalid,
      Problems problems,
      String why) {
    if (!values.containsKey(key) && !invalid.contains(key)) {
      problems.add(key.path(), "not set; " + why + " (or set " + key.environmentVariable() + ")");
    }
  }
}
