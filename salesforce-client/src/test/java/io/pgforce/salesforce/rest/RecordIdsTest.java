package io.pgforce.salesforce.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordIdsTest {

  @Test
  void computesTheChecksumSuffix() {
    assertThat(RecordIds.to18("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(RecordIds.to18("003RM0000068xV6")).isEqualTo("003RM0000068xV6YAI");
    assertThat(RecordIds.to18("0015f00002J9YYE")).isEqualTo("0015f00002J9YYEAA3");
  }

  @Test
  void keepsAnEighteenCharacterIdsCaseSensitivePart() {
    assertThat(RecordIds.to18("001D000000IqhSLIAZ")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(RecordIds.to15("001D000000IqhSLIAZ")).isEqualTo("001D000000IqhSL");
    assertThat(RecordIds.sameRecord("001D000000IqhSL", "001D000000IqhSLIAZ")).isTrue();
    assertThat(RecordIds.sameRecord("001D000000IqhSL", "001D000000IQHSL")).isFalse();
  }

  @Test
  void namesTheObjectByKeyPrefix() {
    assertThat(RecordIds.keyPrefix("003RM0000068xV6YAI")).isEqualTo("003");
  }

  @Test
  void rejectsMalformedIds() {
    assertThat(RecordIds.isWellFormed("001D000000IqhSL-")).isFalse();
    assertThat(RecordIds.isWellFormed("001D000000IqhS")).isFalse();
    assertThat(RecordIds.isWellFormed("../../limits")).isFalse();
    assertThatThrownBy(() -> RecordIds.to18("short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiNames.requireId("001/../../x"))
        .hasMessageContaining("not a 15- or 18-character");
    assertThatThrownBy(() -> ApiNames.requireApiName("Account/describe", "object"))
        .hasMessageContaining("object is not a Salesforce API name");
  }
}
