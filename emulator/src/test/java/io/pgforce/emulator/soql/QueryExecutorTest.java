package io.pgforce.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.TestOrgs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryExecutorTest {

  private final MutableClock clock = MutableClock.at("2024-03-01T10:00:00Z");
  private OrgStore store;
  private QueryExecutor queries;
  private DmlOptions options;
  private String acme;

  @BeforeEach
  void setUp() {
    store = TestOrgs.store(clock);
    queries = new QueryExecutor(store);
    options = DmlOptions.asUser(store.identity().userId());
    acme = create("Account", Map.of("Name", "Acme", "Industry", "Retail", "AnnualRevenue", 500));
    clock.advance(Duration.ofSeconds(1));
    create("Account", Map.of("Name", "beta corp", "AnnualRevenue", 100));
    clock.advance(Duration.ofSeconds(1));
    create("Account", Map.of("Name", "Gamma", "Industry", "Banking"));
    create("Contact", Map.of("LastName", "Doe", "AccountId", acme));
    create("Contact", Map.of("LastName", "Roe"));
  }

  @Test
  void filtersWithComparisonsNullsAndLogic() {
    assertThat(names("SELECT Name FROM Account WHERE AnnualRevenue > 100")).containsExactly("Acme");
    assertThat(names("SELECT Name FROM Account WHERE Industry = null"))
        .containsExactly("beta corp");
    assertThat(names("SELECT Name FROM Account WHERE Industry != 'Retail'"))
        .containsExactly("beta corp", "Gamma");
    assertThat(names("SELECT Name FROM Account WHERE AnnualRevenue <= 100 OR Industry = 'banking'"))
        .containsExactly("beta corp", "Gamma");
    assertThat(names("SELECT Name FROM Account WHERE NOT (Name = 'ACME')"))
        .containsExactly("beta corp", "Gamma");
    assertThat(names("SELECT Name FROM Account WHERE Name IN ('acme', 'gamma')"))
        .containsExactly("Acme", "Gamma");
    assertThat(names("SELECT Name FROM Account WHERE Name NOT IN ('acme')"))
        .containsExactly("beta corp", "Gamma");
    assertThat(names("SELECT Name FROM Account WHERE Name LIKE '%A'")).containsExactly("Gamma");
    assertThat(names("SELECT Name FROM Account WHERE Name LIKE 'b_ta%'"))
        .containsExactly("beta corp");
  }

  @Test
  void ordersCaseInsensitivelyWithNullsFirstByDefault() {
    assertThat(names("SELECT Name FROM Account ORDER BY Name DESC"))
        .containsExactly("Gamma", "beta corp", "Acme");
    assertThat(names("SELECT Name FROM Account ORDER BY Industry, Name"))
        .containsExactly("beta corp", "Gamma", "Acme");
    assertThat(names("SELECT Name FROM Account ORDER BY Industry DESC NULLS LAST"))
        .containsExactly("Acme", "Gamma", "beta corp");
  }

  @Test
  void appliesLimitAndOffset() {
    assertThat(names("SELECT Name FROM Account ORDER BY Name LIMIT 1 OFFSET 1"))
        .containsExactly("beta corp");
    assertThat(queries.execute("SELECT COUNT() FROM Account", false).totalSize()).isEqualTo(3);
    assertThat(queries.execute("SELECT COUNT() FROM Account LIMIT 2", false).records()).isEmpty();
  }

  @Test
  void readsParentFieldsThroughRelationships() {
    QueryResult result =
        queries.execute(
            "SELECT LastName, Account.Name, Account.Owner.Username FROM Contact"
                + " ORDER BY LastName",
            false);
    assertThat(result.columns())
        .containsExactly("LastName", "Account.Name", "Account.Owner.Username");
    List<Object[]> rows = result.rows().toList();
    assertThat(rows.get(0)).containsExactly("Doe", "Acme", "admin@test.local");
    assertThat(rows.get(1)).containsExactly("Roe", null, null);
    assertThat(names("SELECT LastName FROM Contact WHERE Account.Name = 'acme'", "LastName"))
        .containsExactly("Doe");
  }

  @Test
  void deletedRecordsShowOnlyForQueryAllAndAllRows() {
    store.dml().delete(List.of(acme), options);
    assertThat(names("SELECT Name FROM Account")).doesNotContain("Acme");
    assertThat(queries.execute("SELECT Name FROM Account", true).totalSize()).isEqualTo(3);
    assertThat(names("SELECT Name FROM Account WHERE IsDeleted = true ALL ROWS"))
        .containsExactly("Acme");
  }

  @Test
  void systemModstampWindowsReadTheIndexWithTiesAtBoundaries() {
    assertThat(
            names(
                "SELECT Name FROM Account WHERE SystemModstamp >= 2024-03-01T10:00:01Z"
                    + " ORDER BY SystemModstamp, Id"))
        .containsExactly("beta corp", "Gamma");
    assertThat(
            names(
                "SELECT Name FROM Account WHERE SystemModstamp > 2024-03-01T10:00:00Z"
                    + " AND SystemModstamp <= 2024-03-01T10:00:01Z"))
        .containsExactly("beta corp");
    assertThat(names("SELECT Name FROM Account WHERE Id = '" + acme.substring(0, 15) + "'"))
        .containsExactly("Acme");
  }

  @Test
  void dateFormulasUseTheClock() {
    assertThat(names("SELECT Name FROM Account WHERE CreatedDate = TODAY")).hasSize(3);
    assertThat(names("SELECT Name FROM Account WHERE CreatedDate < YESTERDAY")).isEmpty();
    assertThat(names("SELECT Name FROM Account WHERE CreatedDate = LAST_N_DAYS:2")).hasSize(3);
  }

  @Test
  void unknownObjectsAndFieldsGetSalesforceErrors() {
    assertThatThrownBy(() -> queries.prepare("SELECT Id FROM Nope"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.code()).isEqualTo("INVALID_TYPE");
              assertThat(e.errors().get(0).message())
                  .startsWith(
                      "\nSELECT Id FROM Nope\n               ^\nERROR at Row:1:Column:16\n"
                          + "sObject type 'Nope' is not supported.");
            });
    assertThatThrownBy(() -> queries.prepare("SELECT Nme FROM Account"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.code()).isEqualTo("INVALID_FIELD");
              assertThat(e.errors().get(0).message())
                  .contains("ERROR at Row:1:Column:8\nNo such column 'Nme' on entity 'Account'.");
            });
    assertThatThrownBy(() -> queries.prepare("SELECT Foo.Name FROM Contact"))
        .hasMessageContaining("Didn't understand relationship 'Foo'");
  }

  @Test
  void literalsMustMatchTheFieldType() {
    assertThatThrownBy(() -> queries.prepare("SELECT Id FROM Account WHERE CreatedDate > '2024'"))
        .hasMessageContaining(
            "value of filter criterion for field 'CreatedDate' must be of type"
                + " dateTime and should not be enclosed in quotes");
    assertThatThrownBy(() -> queries.prepare("SELECT Id FROM Account WHERE Name = 5"))
        .hasMessageContaining("must be of type string and should be enclosed in quotes");
    assertThatThrownBy(() -> queries.prepare("SELECT Id FROM Account WHERE Id = 'x'"))
        .hasMessageContaining("invalid ID field: x");
    assertThatThrownBy(() -> queries.prepare("SELECT Id FROM Account ORDER BY Description"))
        .hasMessageContaining("can not be sorted");
    assertThatThrownBy(() -> queries.prepare("SELECT Id FROM Account OFFSET 2001"))
        .hasMessageContaining("NUMBER_OUTSIDE_VALID_RANGE");
    assertThatThrownBy(() -> queries.prepare("SELECT Id, id FROM Account"))
        .hasMessageContaining("duplicate field selected: Id");
  }

  @Test
  void overlongAndOverNestedQueriesAreRefused() {
    String tooLong = "SELECT Id FROM Account WHERE Name = '" + "x".repeat(100_000) + "'";
    assertThatThrownBy(() -> queries.prepare(tooLong))
        .hasMessageContaining("cannot be longer than 100,000 characters");
    String nested = "(".repeat(51) + "Name = 'x'" + ")".repeat(51);
    assertThatThrownBy(() -> queries.prepare("SELECT Id FROM Account WHERE " + nested))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.code()).isEqualTo("MALFORMED_QUERY");
              assertThat(e.errors().get(0).message()).contains("nested more than 50 deep");
            });
    String fine = "(".repeat(50) + "Name = '(((x'" + ")".repeat(50);
    assertThat(queries.execute("SELECT Id FROM Account WHERE " + fine, false).totalSize()).isZero();
  }

  @Test
  void compoundAddressesReadAsMaps() {
    create("Account", Map.of("Name", "Addr", "BillingCity", "Paris", "BillingCountry", "France"));
    Object address =
        queries
            .execute("SELECT BillingAddress FROM Account WHERE Name = 'Addr'", false)
            .rows()
            .findFirst()
            .orElseThrow()[0];
    assertThat(address).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> parts = (Map<String, Object>) address;
    assertThat(parts).containsEntry("city", "Paris").containsEntry("street", null);
  }

  private List<String> names(String soql) {
    return names(soql, "Name");
  }

  private List<String> names(String soql, String field) {
    QueryResult result = queries.execute(soql, false);
    return result.records().stream().map(r -> (String) r.getOrNull(field)).toList();
  }

  private String create(String object, Map<String, Object> fields) {
    return store
        .dml()
        .create(List.of(RecordInput.of(object, new HashMap<>(fields))), options)
        .get(0)
        .id()
        .orElseThrow(() -> new AssertionError("not created: " + object));
  }
}
