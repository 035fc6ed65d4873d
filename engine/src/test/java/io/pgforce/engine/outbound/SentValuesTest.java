package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.SfField;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SentValuesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void numbersCompareByValueNotSpelling() {
    assertThat(SentValues.same(col("double"), new BigDecimal("12.50"), JSON.numberNode(12.5)))
        .isTrue();
    assertThat(SentValues.same(col("int"), 7, JSON.textNode("7.0"))).isTrue();
    assertThat(SentValues.same(col("double"), 12.5, JSON.numberNode(12.6))).isFalse();
  }

  @Test
  void datetimesCompareAsInstantsWhateverTheOffsetSpelling() {
    assertThat(
            SentValues.same(
                col("datetime"),
                "2026-11-24T10:00:00.000Z",
                JSON.textNode("2026-11-24T10:00:00.000+0000")))
        .isTrue();
    assertThat(
            SentValues.same(
                col("datetime"),
                "2026-11-24T10:00:00.000Z",
                JSON.textNode("2026-11-24T10:00:01.000+0000")))
        .isFalse();
  }

  @Test
  void timesIgnoreTheTrailingZone() {
    assertThat(SentValues.same(col("time"), "10:30Z", JSON.textNode("10:30:00.000Z"))).isTrue();
  }

  @Test
  void booleansAndTextCompareExactly() {
    assertThat(SentValues.same(col("boolean"), true, JSON.booleanNode(true))).isTrue();
    assertThat(SentValues.same(col("boolean"), false, JSON.booleanNode(true))).isFalse();
    assertThat(SentValues.same(col("string"), "O'Brien", JSON.textNode("O'Brien"))).isTrue();
    assertThat(SentValues.same(col("string"), "a", JSON.textNode("A"))).isFalse();
  }

  @Test
  void nullMatchesOnlyNullOrAbsent() {
    assertThat(SentValues.same(col("string"), null, JSON.nullNode())).isTrue();
    assertThat(SentValues.same(col("string"), null, MissingNode.getInstance())).isTrue();
    assertThat(SentValues.same(col("string"), "x", JSON.nullNode())).isFalse();
    assertThat(SentValues.same(col("string"), null, JSON.textNode("x"))).isFalse();
  }

  @Test
  void aValueNotOfTheFieldsTypeIsNotTheOneSent() {
    JsonNode garbage = JSON.textNode("not a date");
    assertThat(SentValues.same(col("datetime"), "2026-11-24T10:00:00.000Z", garbage)).isFalse();
    assertThat(SentValues.same(col("double"), 1, garbage)).isFalse();
  }

  private static Column col(String type) {
    return new Column("f__c", "text", SfField.of("F__c", type, 0));
  }
}
