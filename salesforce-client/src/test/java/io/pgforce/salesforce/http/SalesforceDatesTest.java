package io.pgforce.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceDatesTest {

  @Test
  void readsEveryFormSalesforceSends() {
    Instant expected = Instant.parse("2013-05-07T22:07:19Z");
    assertThat(SalesforceDates.parseDateTime("2013-05-07T22:07:19.000+0000")).isEqualTo(expected);
    assertThat(SalesforceDates.parseDateTime("2013-05-07T22:07:19Z")).isEqualTo(expected);
    assertThat(SalesforceDates.parseDateTime("2013-05-08T00:07:19+02:00")).isEqualTo(expected);
    assertThat(SalesforceDates.parseDateTime("2013-05-07T22:07:19.250Z"))
        .isEqualTo(expected.plusMillis(250));
  }

  @Test
  void rejectsNonDates() {
    assertThatThrownBy(() -> SalesforceDates.parseDateTime("yesterday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yesterday");
  }

  @Test
  void writesInputAndQueryParameterForms() {
    Instant instant = Instant.parse("2013-05-06T00:00:00Z");
    assertThat(SalesforceDates.formatDateTime(instant)).isEqualTo("2013-05-06T00:00:00.000Z");
    assertThat(SalesforceDates.formatQueryParameter(instant))
        .isEqualTo("2013-05-06T00:00:00+00:00");
  }

  @Test
  void jsonWritesJavaTimeAsSalesforceReadsIt() throws Exception {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("CloseDate", LocalDate.of(2024, 1, 31));
    record.put("Last_Sync__c", Instant.parse("2024-01-31T10:15:30Z"));

    assertThat(Json.MAPPER.writeValueAsString(record))
        .isEqualTo("{\"CloseDate\":\"2024-01-31\",\"Last_Sync__c\":\"2024-01-31T10:15:30.000Z\"}");
  }
}
