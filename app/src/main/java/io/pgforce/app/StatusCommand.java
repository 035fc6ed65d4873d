package io.pgforce.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pgforce status}: the running daemon's connection and mappings, as a table. */
@Command(name = "status", description = "Show the running daemon's connection and mappings.")
final class StatusCommand implements Callable<Integer> {

  @Mixin AdminOptions admin;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AdminClient client = admin.client();
    String table = StatusTable.render(client.get("/connection"), client.get("/mappings"));
    spec.commandLine().getOut().print(table);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
