package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HstoreTextTest {

  @Test
  void readsPairsNullsAndEscapes() {
    Map<String, String> pairs =
        HstoreText.parse(
            "\"id\"=>\"1\", \"name\"=>\"Acme, \\\"the\\\" co => \\\\ \", \"sfid\"=>NULL");

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("id", "1");
    expected.put("name", "Acme, \"the\" co => \\ ");
    expected.put("sfid", null);
    assertThat(pairs).containsExactlyEntriesOf(expected);
  }

  @Test
  void readsNothingFromNullOrEmpty() {
    assertThat(HstoreText.parse(null)).isEmpty();
    assertThat(HstoreText.parse("")).isEmpty();
  }
}
