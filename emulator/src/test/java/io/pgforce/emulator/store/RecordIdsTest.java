package io.pgforce.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdsTest {

  @Test
  void suffixMatchesSalesforceForKnownIds() {
    assertThat(RecordIds.suffix("001D000000IqhSL")).isEqualTo("IAZ");
    assertThat(RecordIds.suffix("003RM0000068xV6")).isEqualTo("YAI");
    assertThat(RecordIds.suffix("0015f00002J9YYE")).isEqualTo("AA3");
  }

  @Test
  void fifteenCharacterIdsGainTheirSuffix() {
    assertThat(RecordIds.normalize("001D000000IqhSL")).contains("001D000000IqhSLIAZ");
  }

  @Test
  void eighteenCharacterIdsMatchInAnyCase() {
    assertThat(RecordIds.normalize("001d000000iqhsliaz")).contains("001D000000IqhSLIAZ");
    assertThat(RecordIds.normalize("001D000000IQHSLIAZ")).contains("001D000000IqhSLIAZ");
  }

  @Test
  void fifteenCharacterIdsStayCaseSensitive() {
    assertThat(RecordIds.normalize("001d000000iqhsl")).contains("001d000000iqhslAAA");
  }

  @Test
  void rejectsWhatCannotBeAnId() {
    assertThat(RecordIds.normalize("001D000000IqhS")).isEmpty();
    assertThat(RecordIds.normalize("001D000000IqhSL!AZ")).isEmpty();
    assertThat(RecordIds.normalize("001D000000IqhSL99Z")).isEmpty();
    assertThat(RecordIds.normalize(null)).isEmpty();
  }

  @Test
  void generatedIdsAreValidAndSortInCreationOrder() {
    IdGenerator ids = new IdGenerator();
    String first = ids.next("001");
    String second = ids.next("001");
    for (int i = 0; i < 100; i++) {
      ids.next("001");
    }
    String later = ids.next("001");
    assertThat(RecordIds.normalize(first)).contains(first);
    assertThat(first).startsWith("001").hasSize(18);
    assertThat(first).isLessThan(second);
    assertThat(second).isLessThan(later);
  }
}
