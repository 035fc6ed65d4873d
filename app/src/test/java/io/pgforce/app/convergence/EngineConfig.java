package io.pgforce.app.convergence;

import io.pgforce.app.DaemonConfigs;
import io.pgforce.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The run's pgforce.yml: the emulator, the run's database, three read-write mappings. */
final class EngineConfig {

  private EngineConfig() {}

  static Path write(Path dir, Emulator org, RestartablePostgres db, ConvergenceSettings settings)
      throws IOException {
    String yaml =
        """
        %s
        sync:
          settle-seconds: 1
          poll-overlap-seconds: 5
        admin:
          port: %d
        mappings:
        %s
        """
            .formatted(
                DaemonConfigs.connection(org, db.libpqUrl()),
                DaemonConfigs.freePort(),
                Stream.of(MappedObject.values())
                    .map(o -> mapping(o, settings.cdcFor(o)))
                    .collect(Collectors.joining("\n")));
    return Files.writeString(dir.resolve("pgforce.yml"), yaml);
  }

  private static String mapping(MappedObject o, boolean cdc) {
    String fields =
        o.mappedApiNames().stream().map(f -> f + ": {}").collect(Collectors.joining(", "));
    return "  - object_name: %s\n    config: {access: read_write, sf_notify_enabled: %s, sf_polling_seconds: 1, fields: {%s}}"
        .formatted(o.apiName(), cdc, fields);
  }
}
