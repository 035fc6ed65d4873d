package io.pgforce.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pgforce} command line: {@code java -jar app/target/pgforce.jar <command>}. */
@Command(
    name = "pgforce",
    mixinStandardHelpOptions = true,
    version = "pgforce 0.1.0-SNAPSHOT",
    subcommands = {EmulatorCommand.class},
    description =
        "Keeps Salesforce and PostgreSQL in sync, with Heroku Connect's database contract.")
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, shared by {@link #main} and the tests. */
  static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
