package io.pgforce.app;

import io.pgforce.engine.Preflight;
import io.pgforce.engine.Problems;
import io.pgforce.engine.config.ConfigKeys;
import io.pgforce.engine.config.ConfigLoader;
import io.pgforce.engine.config.PgforceConfig;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.mapping.MappingDocument;
import io.pgforce.engine.mapping.MappingJson;
import io.pgforce.engine.sync.MappingRegistry;
import io.pgforce.salesforce.SalesforceClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pgforce mappings import|export FILE}: Heroku Connect's mapping JSON in and out. */
@Command(
    name = "mappings",
    description = "Import or export mappings in Heroku Connect's JSON format.",
    subcommands = {MappingsCommand.Import.class, MappingsCommand.Export.class})
final class MappingsCommand {

  @Command(
      name = "import",
      description =
          "Check a Heroku Connect mapping export against the org and register its mappings.")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--config",
        required = true,
        description = "pgforce.yml naming the org and database.")
    Path config;

    @Override
    public Integer call() throws Exception {
      PgforceConfig cfg = ConfigLoader.load(config);
      MappingDocument doc = MappingJson.read(Files.readString(file), file.toString());
      Problems problems = new Problems();
      Optional<SalesforceClient> sf = Daemon.connect(cfg, Clock.systemUTC(), problems);
      sf.ifPresent(s -> Preflight.checkMappings(withMappings(cfg, doc), s, problems));
      sf.ifPresent(SalesforceClient::close);
      problems.throwIfAny("Mapping file " + file);
      try (Database db = Database.open(cfg.database(), 2)) {
        new MappingRegistry(db, Clock.systemUTC()).register(doc.mappings());
      }
      System.out.println(
          "Registered "
              + doc.mappings().size()
              + " mappings from "
              + file
              + "; a running daemon picks them up on restart.");
      return 0;
    }

    private static PgforceConfig withMappings(PgforceConfig cfg, MappingDocument doc) {
      return cfg.withMappings(doc);
    }
  }

  @Command(
      name = "export",
      description = "Write the registered mappings as a Heroku Connect mapping export.")
  static final class Export implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--config", required = true, description = "pgforce.yml naming the database.")
    Path config;

    @Override
    public Integer call() throws Exception {
      PgforceConfig cfg = ConfigLoader.load(config);
      try (Database db = Database.open(cfg.database(), 2)) {
        var mappings =
            MappingRegistry.merge(
                cfg.mappings().mappings(), new MappingRegistry(db, Clock.systemUTC()).registered());
        MappingDocument doc =
            new MappingDocument(
                Optional.of("pgforce"),
                Optional.empty(),
                Optional.of(Clock.systemUTC().instant()),
                mappings);
        Files.writeString(file, MappingJson.write(doc));
        System.out.println(
            "Wrote "
                + mappings.size()
                + " mappings to "
                + file
                + " ("
                + cfg.require(ConfigKeys.SCHEMA)
                + " schema).");
      }
      return 0;
    }
  }
}
