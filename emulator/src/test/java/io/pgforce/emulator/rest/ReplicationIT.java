package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient;
import io.pgforce.emulator.testing.RestClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Contract of getUpdated and getDeleted. */
class ReplicationIT extends EmulatorTestBase {

  @Test
  void updatedListsRecordsChangedInTheWindowAndCoversUpToNow() {
    String early = create("Account", "{\"Name\":\"early\"}");
    clock.advance(Duration.ofMinutes(5));
    String late = create("Account", "{\"Name\":\"late\"}");
    clock.advance(Duration.ofMinutes(5));
    JsonNode body =
        api.get(
                V
                    + "/sobjects/Account/updated?start="
                    + RestClient.enc("2024-06-03T12:04:00+00:00")
                    + "&end="
                    + RestClient.enc("2024-06-03T13:00:00Z"))
            .json();
    assertThat(body.get("ids")).extracting(JsonNode::asText).containsExactly(late);
    assertThat(body.get("latestDateCovered").asText()).isEqualTo("2024-06-03T12:10:00.000+0000");
    assertThat(early).isNotEqualTo(late);
  }

  @Test
  void deletedListsRecycleBinEntriesWithTheirDates() {
    String id = create("Account", "{\"Name\":\"gone\"}");
    clock.advance(Duration.ofMinutes(2));
    api.delete(V + "/sobjects/Account/" + id);
    clock.advance(Duration.ofMinutes(2));
    JsonNode body =
        api.get(
                V
                    + "/sobjects/Account/deleted?start=2024-06-03T12:00:00Z&end="
                    + "2024-06-03T12:30:00Z")
            .json();
    JsonNode deleted = body.get("deletedRecords").get(0);
    assertThat(deleted.get("id").asText()).isEqualTo(id);
    assertThat(deleted.get("deletedDate").asText()).isEqualTo("2024-06-03T12:02:00.000+0000");
    assertThat(body.has("earliestDateAvailable")).isTrue();
    assertThat(body.get("latestDateCovered").asText()).isEqualTo("2024-06-03T12:04:00.000+0000");
  }

  @Test
  void badWindowsAreInvalidReplicationDates() {
    Response reversed =
        api.get(
            V
                + "/sobjects/Account/updated?start=2024-06-03T12:00:00Z"
                + "&end=2024-06-03T11:00:00Z");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.json().get(0).get("errorCode").asText())
        .isEqualTo("INVALID_REPLICATION_DATE");
    assertThat(
            api.get(
                    V
                        + "/sobjects/Account/deleted?start=2024-05-01T00:00:00Z"
                        + "&end=2024-06-03T11:00:00Z")
                .status())
        .isEqualTo(400);
    assertThat(api.get(V + "/sobjects/Account/updated").status()).isEqualTo(400);
  }
}
