package io.pgforce.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkCsvTest {

  @Test
  void writesTheUnionOfKeysAndTellsNullFromAbsent() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("Name", "Acme, Inc.");
    first.put("Phone", null);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("Name", "Say \"hi\"");
    second.put("AnnualRevenue", new BigDecimal("1E+3"));
    second.put("CloseDate", LocalDate.of(2024, 1, 31));
    second.put("Last_Sync__c", Instant.parse("2024-01-31T10:15:30Z"));

    String csv = new String(BulkCsv.write(List.of(first, second)), StandardCharsets.UTF_8);

    assertThat(csv)
        .isEqualTo(
            "Name,Phone,AnnualRevenue,CloseDate,Last_Sync__c\n"
                + "\"Acme, Inc.\",#N/A,,,\n"
                + "\"Say \"\"hi\"\"\",,1000,2024-01-31,2024-01-31T10:15:30.000Z\n");
  }

  @Test
  void sendsTheNullMarkerBareEvenInTheFirstColumn() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Phone", null);
    row.put("Name", "#1 Customer");

    assertThat(new String(BulkCsv.write(List.of(row)), StandardCharsets.UTF_8))
        .isEqualTo("Phone,Name\n#N/A,#1 Customer\n");
  }

  @Test
  void readsRowsWithQuotedNewlinesAgainstTheHeader() throws Exception {
    String page =
        "\"Id\",\"Name\",\"Description\"\n\"001A\",\"Acme\",\"line one\nline two\"\n\"001B\",\"Beta\",\"\"\n";
    List<BulkRow> rows = new ArrayList<>();

    BulkCsv.forEachRow(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), rows::add);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("description")).contains("line one\nline two");
    assertThat(rows.get(1).get("Name")).contains("Beta");
    assertThat(rows.get(1).get("Description")).contains("");
    assertThat(rows.get(1).get("Missing")).isEmpty();
  }

  @Test
  void readsResultFilesIntoMaps() throws Exception {
    String failed =
        "\"sf__Id\",\"sf__Error\",\"Name\"\n\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\",\"\"\n";

    List<Map<String, String>> rows =
        BulkCsv.readAll(new ByteArrayInputStream(failed.getBytes(StandardCharsets.UTF_8)));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsEntry("sf__Id", "").containsKeys("sf__Error", "Name");
  }
}
