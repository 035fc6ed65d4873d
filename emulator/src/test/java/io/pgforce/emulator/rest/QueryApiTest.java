package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryApiTest {

  @Test
  void batchSizeIsReadFromQueryOptionsWithinSalesforcesBounds() {
    assertThat(QueryApi.batchSize(null)).isEqualTo(2000);
    assertThat(QueryApi.batchSize("batchSize=500")).isEqualTo(500);
    assertThat(QueryApi.batchSize("batchSize = 50")).isEqualTo(200);
    assertThat(QueryApi.batchSize("batchSize=5000")).isEqualTo(2000);
    assertThat(QueryApi.batchSize("batchSize=99999999999")).isEqualTo(2000);
    assertThat(QueryApi.batchSize("other=1")).isEqualTo(2000);
  }
}
