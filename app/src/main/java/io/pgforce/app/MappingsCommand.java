package io.pgforce.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.engine.ConfigurationException;
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
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pgforce mappings import|export FILE}: Heroku Connect's mapping JSON in and out. Through
 * the running daemon's admin API when one answers (an import then starts syncing at once);
 * otherwise straight to the database named by {@code --config}.
 */
@Command(
    name = "mappings",
    description = "Import or export mappings in Heroku Connect's JSON format.",
    subcommands = {MappingsCommand.Import.class, MappingsCommand.Export.class})
final class MappingsCommand {

  /** What import and export share: the file, the daemon, and the fallback configuration. */
  abstract static class FileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--config",
        description = "pgforce.yml naming the org and database, used when no daemon answers.")
    Path config;

    @Mixin AdminOptions admin;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try {
        viaDaemon(admin.client());
      } catch (AdminClient.DaemonUnreachableException e) {
        if (config == null) {
          throw new IllegalStateException(
              e.getMessage() + "; or give --config to use the database directly");
        }
        direct(ConfigLoader.load(config));
      }
      return 0;
    }

    abstract void viaDaemon(AdminClient client) throws Exception;

    abstract void direct(PgforceConfig cfg) throws Exception;

    void print(String line) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(line);
      out.flush();
    }
  }

  @Command(
      name = "import",
      description =
          "Check a Heroku Connect mapping export against the org and start syncing its mappings.")
  static final class Import extends FileCommand {

    /**
     * Checks the file first, whichever way it goes next, so a broken file is reported naming the
     * file and where it breaks, with exit code 2, and nothing is sent or started.
     */
    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new ConfigurationException(
            "Mapping file " + file, List.of(file + ": no such file; give the path of the export"));
      }
      MappingJson.read(Files.readString(file), file.toString());
      return super.call();
    }

    @Override
    void viaDaemon(AdminClient client) throws Exception {
      JsonNode answer;
      try {
        answer = client.post("/mappings", Files.readString(file));
      } catch (AdminClient.AdminCallFailedException e) {
        if (e.status() == 400 && !e.problems().isEmpty()) {
          // the org lacks an object or field the file names: the file's problem, as above
          throw new ConfigurationException("Mapping file " + file, e.problems());
        }
        throw e;
      }
      StringBuilder names = new StringBuilder();
      answer
          .path("created")
          .forEach(
              m ->
                  names
                      .append(names.length() == 0 ? "" : ", ")
                      .append(m.path("object_name").asText()));
      print(
          "Created "
              + answer.path("created").size()
              + " mappings from "
              + file
              + " in the daemon at "
              + client.baseUrl()
              + " ("
              + names
              + "); they start syncing now.");
    }

    @Override
    void direct(PgforceConfig cfg) throws Exception {
      MappingDocument doc = MappingJson.read(Files.readString(file), file.toString());
      Problems problems = new Problems();
      Optional<SalesforceClient> sf = Daemon.connect(cfg, Clock.systemUTC(), problems);
      sf.ifPresent(s -> Preflight.checkMappings(cfg.withMappings(doc), s, problems));
      sf.ifPresent(SalesforceClient::close);
      problems.throwIfAny("Mapping file " + file);
      try (Database db = Database.open(cfg.database(), 2)) {
        new MappingRegistry(db, Clock.systemUTC()).register(doc.mappings());
      }
      print(
          "Registered "
              + doc.mappings().size()
              + " mappings from "
              + file
              + "; a daemon started now syncs them (one running already picks them up on restart).");
    }
  }

  @Command(name = "export", description = "Write the mappings as a Heroku Connect mapping export.")
  static final class Export extends FileCommand {

    @Override
    void viaDaemon(AdminClient client) throws Exception {
      String json = client.getText("/export");
      Files.writeString(file, json);
      int count = MappingJson.read(json, "the daemon's export").mappings().size();
      print(
          "Wrote "
              + count
              + " mappings from the daemon at "
              + client.baseUrl()
              + " to "
              + file
              + ".");
    }

    @Override
    void direct(PgforceConfig cfg) throws Exception {
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
        print(
            "Wrote "
                + mappings.size()
                + " mappings to "
                + file
                + " ("
                + cfg.require(ConfigKeys.SCHEMA)
                + " schema).");
      }
    }
  }
}
