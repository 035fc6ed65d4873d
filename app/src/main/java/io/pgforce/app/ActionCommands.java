package io.pgforce.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pgforce pause [OBJECT]}, {@code resume [OBJECT]} and {@code reload OBJECT}: ask the
 * running daemon; each mapping acts between its sync steps, so nothing is cut off half-done.
 */
final class ActionCommands {

  private ActionCommands() {}

  /** What the three commands share: where the daemon is, and how the answer is printed. */
  abstract static class ActionCommand implements Callable<Integer> {
    @Mixin AdminOptions admin;

    @Spec CommandSpec spec;

    private final String action;

    ActionCommand(String action) {
      this.action = action;
    }

    /** Asks one mapping; the answer names it and its state now. */
    int one(String object) throws AdminClient.DaemonUnreachableException {
      JsonNode answer =
          admin.client().post("/mappings/" + AdminClient.segment(object) + "/" + action, "");
      JsonNode m = answer.path("mapping");
      print(
          "Asked "
              + m.path("object_name").asText()
              + " to "
              + action
              + " (state "
              + m.path("state").asText()
              + ", target "
              + m.path("target").asText()
              + "); it acts after its step in flight.");
      return 0;
    }

    /** Asks every mapping at once, as Heroku Connect pauses or resumes a whole connection. */
    int all() throws AdminClient.DaemonUnreachableException {
      JsonNode answer = admin.client().post("/connection/" + action, "");
      print("Asked every mapping to " + action + ": " + join(answer.path("mappings")) + ".");
      return 0;
    }

    private void print(String line) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(line);
      out.flush();
    }

    private static String join(JsonNode names) {
      StringBuilder sb = new StringBuilder();
      names.forEach(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n.asText()));
      return sb.length() == 0 ? "(no mappings)" : sb.toString();
    }
  }

  /** Pause and resume: one mapping when named, otherwise all of them. */
  abstract static class OneOrAllCommand extends ActionCommand {
    @Parameters(
        arity = "0..1",
        paramLabel = "OBJECT",
        description = "The object; all when omitted.")
    String object;

    OneOrAllCommand(String action) {
      super(action);
    }

    @Override
    public Integer call() throws Exception {
      return object == null ? all() : one(object);
    }
  }

  @Command(name = "pause", description = "Pause one mapping, or every mapping when none is named.")
  static final class Pause extends OneOrAllCommand {
    Pause() {
      super("pause");
    }
  }

  @Command(
      name = "resume",
      description = "Resume one mapping, or every mapping when none is named.")
  static final class Resume extends OneOrAllCommand {
    Resume() {
      super("resume");
    }
  }

  @Command(
      name = "reload",
      description = "Empty a mapping's table and load it again from Salesforce.")
  static final class Reload extends ActionCommand {
    @Parameters(paramLabel = "OBJECT")
    String object;

    Reload() {
      super("reload");
    }

    @Override
    public Integer call() throws Exception {
      return one(object);
    }
  }
}
