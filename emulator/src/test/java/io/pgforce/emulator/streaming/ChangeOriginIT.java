package io.pgforce.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient;
import org.junit.jupiter.api.Test;

/**
 * Every REST write path passes the caller's {@code Sforce-Call-Options} client to the store, so the
 * change event's {@code changeOrigin} names it (Bulk ingest is covered in BulkIngestIT).
 */
class ChangeOriginIT extends EmulatorTestBase {

  private static final String ORIGIN = "com/salesforce/api/rest/60.0;client=pgforce";

  @Test
  void singleRecordCollectionsAndUpsertWritesNameTheClient() {
    RestClient pgforce =
        api.withHeader("Sforce-Call-Options", "client=pgforce, defaultNamespace=x");
    EventLogProbe events = new EventLogProbe(emulator.changeEvents());

    String id = pgforce.post(V + "/sobjects/Account", "{\"Name\":\"A\"}").json().get("id").asText();
    assertThat(origin(events)).isEqualTo(ORIGIN);

    pgforce.patch(
        V + "/composite/sobjects",
        "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"id\":\""
            + id
            + "\",\"Phone\":\"1\"}]}");
    assertThat(events.lastPayload().at("/ChangeEventHeader/changeType").asText())
        .isEqualTo("UPDATE");
    assertThat(origin(events)).isEqualTo(ORIGIN);

    pgforce.patch(V + "/sobjects/Account/Ext_Id__c/E-1", "{\"Name\":\"B\"}");
    assertThat(events.lastPayload().at("/Name").asText()).isEqualTo("B");
    assertThat(origin(events)).isEqualTo(ORIGIN);

    api.delete(V + "/sobjects/Account/" + id);
    assertThat(origin(events)).isEqualTo("com/salesforce/api/rest/60.0");
  }

  private static String origin(EventLogProbe events) {
    return events.lastPayload().at("/ChangeEventHeader/changeOrigin").asText();
  }
}
