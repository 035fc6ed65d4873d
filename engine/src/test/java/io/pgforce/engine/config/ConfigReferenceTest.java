package io.pgforce.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The key table in docs/operations.md is generated from {@link ConfigKeys}. On a local build this
 * test rewrites it; in CI (CI set) it fails if the committed document is out of date.
 */
class ConfigReferenceTest {

  private static final Path DOC = Path.of("../docs/operations.md");
  private static final String START =
      "<!-- config-reference:start (generated from ConfigKeys; ConfigReferenceTest keeps it current) -->\n";
  private static final String END = "<!-- config-reference:end -->";

  @Test
  void operationsGuideListsEveryKey() throws Exception {
    String doc = Files.readString(DOC);
    String current = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));
    String generated = ConfigReference.markdownTable();
    if (System.getenv("CI") == null && !current.equals(generated)) {
      Files.writeString(DOC, doc.replace(START + current + END, START + generated + END));
      current = generated;
    }
    assertThat(current)
        .as("docs/operations.md key table; run the build locally to regenerate")
        .isEqualTo(generated);
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      assertThat(current).contains("`" + key.path() + "`", key.environmentVariable());
    }
  }
}
