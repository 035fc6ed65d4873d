package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.Problems;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.schema.ObjectSchema;
import io.pgforce.engine.schema.SampleObjects;
import io.pgforce.engine.schema.SfField;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  private static final TableDefinition ACCOUNT = definition();

  @Test
  void anInsertSendsEveryCreateableValue() {
    Map<String, Object> row = row("Acme", null);
    PendingWrite insert = new PendingWrite("account", 1, Kind.INSERT, null, Set.of(), List.of(1L));

    assertThat(Payloads.fields(ACCOUNT, insert, row))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Name",
                "Acme",
                "LastActivity__c",
                "2026-03-04T05:06:07.089Z",
                "Founded__c",
                "1999-12-31"));
  }

  @Test
  void anUpdateSendsChangedUpdateableColumnsIncludingNulls() {
    Map<String, Object> row = row("Acme", null);
    row.put("description", null);
    PendingWrite update =
        new PendingWrite(
            "account",
            1,
            Kind.UPDATE,
            "001A",
            Set.of("description", "score__c", "sfid"),
            List.of(1L));

    Map<String, Object> fields = Payloads.fields(ACCOUNT, update, row);

    assertThat(fields).containsOnlyKeys("Description");
    assertThat(fields.get("Description")).isNull();
  }

  @Test
  void aParentExternalIdGoesAsANestedReference() {
    TableDefinition contact =
        TableDefinition.resolve(
                new io.pgforce.engine.mapping.Mapping(
                    "Contact",
                    Access.READ_WRITE,
                    false,
                    600,
                    30000,
                    List.of("LastName", "AccountId", "Account__r__External_ID__c"),
                    Map.of(),
                    Optional.empty()),
                SampleObjects.contact(),
                new Problems())
            .orElseThrow();
    Map<String, Object> row =
        new HashMap<>(Map.of("lastname", "Smith", "account__r__external_id__c", "ACME-1"));
    PendingWrite insert = new PendingWrite("contact", 1, Kind.INSERT, null, Set.of(), List.of(1L));

    assertThat(Payloads.fields(contact, insert, row))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("LastName", "Smith", "Account", Map.of("External_ID__c", "ACME-1")));
  }

  private static Map<String, Object> row(String name, String description) {
    Map<String, Object> row = new HashMap<>();
    row.put("sfid", "001A");
    row.put("systemmodstamp", Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 0)));
    row.put("isdeleted", false);
    row.put("name", name);
    row.put("description", description);
    row.put("score__c", 42.0);
    row.put(
        "lastactivity__c", Timestamp.valueOf(LocalDateTime.of(2026, 3, 4, 5, 6, 7, 89_000_000)));
    row.put("founded__c", Date.valueOf(LocalDate.of(1999, 12, 31)));
    return row;
  }

  private static TableDefinition definition() {
    List<SfField> fields = new ArrayList<>(SampleObjects.account().fields());
    fields.add(
        new SfField(
            "Score__c",
            "double",
            0,
            18,
            2,
            false,
            false,
            false,
            true,
            Optional.empty(),
            List.of(),
            Optional.empty()));
    fields.add(SfField.of("LastActivity__c", "datetime", 0));
    fields.add(SfField.of("Founded__c", "date", 0));
    ObjectSchema schema = new ObjectSchema("Account", fields);
    return TableDefinition.resolve(
            SampleObjects.mapping(
                Access.READ_WRITE,
                "Name",
                "Description",
                "Score__c",
                "LastActivity__c",
                "Founded__c"),
            schema,
            new Problems())
        .orElseThrow();
  }
}
