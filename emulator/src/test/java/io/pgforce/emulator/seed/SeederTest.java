package io.pgforce.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.TestOrgs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeederTest {

  private final MutableClock clock = MutableClock.at("2024-06-01T00:00:00Z");

  @Test
  void seedRecordsMakesRelatedAccountsContactsAndOpportunities() {
    OrgStore store = TestOrgs.store(clock);
    SeedSummary seeded = new Seeder(store, 1).seedRecords(42);
    assertThat(seeded.total()).isEqualTo(42);
    assertThat(seeded.accounts()).isEqualTo(12);
    assertThat(seeded.contacts()).isEqualTo(20);
    assertThat(seeded.opportunities()).isEqualTo(10);
    QueryExecutor queries = new QueryExecutor(store);
    assertThat(
            queries
                .execute("SELECT COUNT() FROM Contact WHERE Account.Name != null", false)
                .totalSize())
        .isEqualTo(20);
    assertThat(
            queries
                .execute(
                    "SELECT COUNT() FROM Account WHERE SystemModstamp <= "
                        + "2024-06-01T00:00:00Z AND CreatedDate > 2023-05-31T00:00:00Z",
                    false)
                .totalSize())
        .isEqualTo(12);
  }

  @Test
  void theSameSeedMakesTheSameData() {
    OrgStore a = TestOrgs.store(clock);
    OrgStore b = TestOrgs.store(clock);
    new Seeder(a, 9).seed(5, 1, 1);
    new Seeder(b, 9).seed(5, 1, 1);
    String soql = "SELECT Name, Phone, BillingCity FROM Account ORDER BY Id";
    assertThat(new QueryExecutor(a).execute(soql, false).rows().map(java.util.Arrays::toString))
        .containsExactlyElementsOf(
            new QueryExecutor(b)
                .execute(soql, false)
                .rows()
                .map(java.util.Arrays::toString)
                .toList());
    assertThat(
            a.find(new QueryExecutor(a).execute(soql, false).records().get(0).id())
                .orElseThrow()
                .getOrNull("CreatedDate"))
        .isInstanceOf(Instant.class);
  }
}
