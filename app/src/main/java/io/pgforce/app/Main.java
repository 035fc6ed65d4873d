package io.pgforce.app;

import io.pgforce.app.demo.DemoCommand;
import io.pgforce.engine.ConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pgforce} command line: {@code java -jar app/target/pgforce.jar <command>}. */
@Command(
    name = "pgforce",
    mixinStandardHelpOptions = true,
    subcommands = {
      RunCommand.class,
      StatusCommand.class,
      ActionCommands.Pause.class,
      ActionCommands.Resume.class,
      ActionCommands.Reload.class,
      MappingsCommand.class,
      EmulatorCommand.class,
      DemoCommand.class
    },
    version = "pgforce 0.1.0-SNAPSHOT",
    description =
        "Keeps Salesforce and PostgreSQL in sync, with Heroku Connect's database contract.")
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, shared by {@link #main} and the tests. */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::reportFailure);
  }

  /**
   * Turns a failure into a message a person can act on: configuration problems are listed as they
   * are (exit 2); anything else is one line with its cause (exit 1), the trace only in the log.
   */
  private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    if (e instanceof ConfigurationException) {
      cmd.getErr().println(e.getMessage());
      return 2;
    }
    org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
    cmd.getErr().println("pgforce: " + e.getMessage());
    return 1;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
