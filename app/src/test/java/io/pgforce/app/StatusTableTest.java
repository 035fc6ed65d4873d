package io.pgforce.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StatusTableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void columnsLineUpAndUnknownsShowAsDashes() throws Exception {
    JsonNode connection =
        JSON.readTree("{\"state\": \"IDLE\", \"organization_id\": \"00D1\", \"mappings\": 2}");
    JsonNode mappings =
        JSON.readTree(
            """
            {"mappings": [
              {"object_name": "Account", "access": "read_write", "state": "DATA_SYNCED",
               "target": "RUNNING", "seconds_since_poll": 9000,
               "counts": {"postgres_rows": 1234567, "salesforce_rows": null, "pending": 0, "failed": 0},
               "load": {"active": false, "expected": 10}},
              {"object_name": "Invoice__c", "access": "read_only", "state": "BAD_CONFIG",
               "target": "RUNNING", "detail": "no field Amount__c", "seconds_since_poll": null,
               "counts": null, "load": {"active": false, "expected": 0}}]}""");

    String[] lines = StatusTable.render(connection, mappings).split("\n");

    assertThat(lines[0]).isEqualTo("Connection IDLE (org 00D1, 2 mappings)");
    assertThat(lines[2]).contains("1,234,567").contains("2h ago").endsWith("done");
    assertThat(lines[3]).contains("BAD_CONFIG").contains("never").endsWith("-");
    assertThat(lines[2].indexOf("RUNNING")).isEqualTo(lines[3].indexOf("RUNNING"));
    assertThat(lines[2].indexOf("1,234,567") + "1,234,567".length())
        .isEqualTo(lines[1].indexOf("PG ROWS") + "PG ROWS".length());
    assertThat(lines[4]).isEqualTo("  Invoice__c: no field Amount__c");
  }
}
