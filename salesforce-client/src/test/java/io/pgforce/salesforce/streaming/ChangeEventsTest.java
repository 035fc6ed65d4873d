package io.pgforce.salesforce.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.http.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeEventsTest {

  /** The message of the API reference, as the CometD long poll delivers it. */
  static final String CREATE_MESSAGE =
      """
      {"data":{"schema":"IeRuaY6cbI_HsV8Rv1Mc5g","payload":{"ChangeEventHeader":{"entityName":"Account",
       "recordIds":["001D000000IqhSLIAZ"],"changeType":"CREATE","changeOrigin":"com/salesforce/api/rest/60.0;client=pgforce",
       "transactionKey":"001b7375-0086-250e-e6ca-b99bc3a8b69f","sequenceNumber":1,"isTransactionEnd":true,
       "commitTimestamp":1501010206653,"commitNumber":92847272780,"commitUser":"005x00000012Q9PAAU","changedFields":[]},
       "Name":"Acme","OwnerId":"005x00000012Q9PAAU","CreatedDate":"2017-07-25T19:16:44Z","LastModifiedDate":"2017-07-25T19:16:44Z"},
       "event":{"replayId":6421}},"channel":"/data/ChangeEvents"}
      """;

  @Test
  void readsHeaderFieldsAndReplayId() throws Exception {
    JsonNode message = Json.MAPPER.readTree(CREATE_MESSAGE);
    Map<String, Object> data =
        Json.MAPPER.convertValue(message.get("data"), new TypeReference<>() {});

    ChangeEvent event = ChangeEvents.fromData("/data/ChangeEvents", data);

    assertThat(event.replayId()).isEqualTo(6421);
    assertThat(event.channel()).isEqualTo("/data/ChangeEvents");
    ChangeEventHeader header = event.header();
    assertThat(header.entityName()).isEqualTo("Account");
    assertThat(header.recordIds()).containsExactly("001D000000IqhSLIAZ");
    assertThat(header.changeType()).isEqualTo(ChangeType.CREATE);
    assertThat(header.transactionKey()).isEqualTo("001b7375-0086-250e-e6ca-b99bc3a8b69f");
    assertThat(header.sequenceNumber()).isEqualTo(1);
    assertThat(header.isTransactionEnd()).isTrue();
    assertThat(header.commitTime()).isEqualTo(Instant.ofEpochMilli(1501010206653L));
    assertThat(header.commitNumber()).isEqualTo(92847272780L);
    assertThat(header.commitUser()).isEqualTo("005x00000012Q9PAAU");
    assertThat(header.changedFields()).isEmpty();
    assertThat(header.originatedFrom("pgforce")).isTrue();
    assertThat(header.originatedFrom("pgforc")).isFalse();
    assertThat(event.fields().has("ChangeEventHeader")).isFalse();
    assertThat(event.fields().path("Name").asText()).isEqualTo("Acme");
  }

  @Test
  void readsAnUpdateWithNulledFieldsAndAGap() throws Exception {
    JsonNode update =
        Json.MAPPER.readTree(
            "{\"payload\":{\"ChangeEventHeader\":{\"entityName\":\"Account\",\"recordIds\":[\"001A\",\"001B\"],"
                + "\"changeType\":\"UPDATE\",\"changedFields\":[\"Phone\",\"LastModifiedDate\"],\"nulledFields\":[\"Phone\"],"
                + "\"diffFields\":[]},\"Phone\":null,\"LastModifiedDate\":\"2024-01-01T00:00:00Z\"},\"event\":{\"replayId\":7}}");
    JsonNode gap =
        Json.MAPPER.readTree(
            "{\"payload\":{\"ChangeEventHeader\":{\"entityName\":\"Account\",\"recordIds\":[],\"changeType\":\"GAP_OVERFLOW\"}},"
                + "\"event\":{\"replayId\":8}}");

    ChangeEvent updated = ChangeEvents.fromData("/data/AccountChangeEvent", update);
    ChangeEvent overflow = ChangeEvents.fromData("/data/AccountChangeEvent", gap);

    assertThat(updated.header().nulledFields()).containsExactly("Phone");
    assertThat(updated.fields().get("Phone").isNull()).isTrue();
    assertThat(updated.header().changeOrigin()).isNull();
    assertThat(updated.header().changeType().isGap()).isFalse();
    assertThat(overflow.header().changeType()).isEqualTo(ChangeType.GAP_OVERFLOW);
    assertThat(overflow.header().changeType().isGap()).isTrue();
    assertThat(overflow.fields().isEmpty()).isTrue();
  }

  @Test
  void refusesMessagesThatAreNotChangeEvents() throws Exception {
    JsonNode pushTopic =
        Json.MAPPER.readTree(
            "{\"event\":{\"replayId\":2,\"type\":\"created\"},\"sobject\":{\"Id\":\"001A\"}}");
    assertThatThrownBy(() -> ChangeEvents.fromData("/topic/X", pushTopic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a change event");
  }
}
