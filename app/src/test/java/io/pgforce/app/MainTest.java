package io.pgforce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void printsVersion() {
    StringWriter out = new StringWriter();
    int code = Main.commandLine().setOut(new PrintWriter(out)).execute("--version");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("pgforce");
  }

  @Test
  void offersEveryCommandOfTheContract() {
    StringWriter out = new StringWriter();
    Main.commandLine().setOut(new PrintWriter(out)).execute("--help");
    assertThat(out.toString().lines().map(String::strip))
        .anyMatch(l -> l.startsWith("demo "))
        .anyMatch(l -> l.startsWith("run "))
        .anyMatch(l -> l.startsWith("status "))
        .anyMatch(l -> l.startsWith("pause "))
        .anyMatch(l -> l.startsWith("resume "))
        .anyMatch(l -> l.startsWith("reload "))
        .anyMatch(l -> l.startsWith("mappings "))
        .anyMatch(l -> l.startsWith("emulator "));
  }

  @Test
  void reloadNeedsAnObject() {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err)).execute("reload");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'OBJECT'");
  }
}
