package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void writesWhatItReads() {
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put("name", "Acme, \"the\" co => \\ ");
    pairs.put("rating", null);

    String text = HstoreText.format(pairs);

    assertThat(text).isEqualTo("\"name\"=>\"Acme, \\\"the\\\" co => \\\\ \", \"rating\"=>NULL");
    assertThat(HstoreText.parse(text)).containsExactlyEntriesOf(pairs);
  }

  @Test
  void saysWhatIsWrongWithTextThatIsNotHstore() {
    assertThatThrownBy(() -> HstoreText.parse("\"name\"=>\"unterminated"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not hstore text (a quote is not closed)");
    assertThatThrownBy(() -> HstoreText.parse("\"name\"=>\"ends in a backslash\\"))
        .hasMessage("not hstore text (a quote is not closed)");
    assertThatThrownBy(() -> HstoreText.parse("\"name\" \"Acme\""))
        .hasMessage("not hstore text (the key \"name\" has no =>)");
    assertThatThrownBy(() -> HstoreText.parse("\"name\"=>Acme"))
        .hasMessage("not hstore text (the value of \"name\" is neither quoted nor NULL)");
  }
}
