package io.pgforce.emulator.seed;

import static io.pgforce.emulator.seed.SamplePools.pick;

import io.pgforce.emulator.metadata.PicklistValue;
import io.pgforce.emulator.store.OrgStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills the org with related sample records: Accounts, each with its Contacts and Opportunities.
 * Records are written in chunks through the store's seeding path (no validation or change events,
 * the lock released between chunks so requests keep being served). Creation dates spread over the
 * past year at second precision; a generator with the same seed makes the same data.
 */
public final class Seeder {

  private static final int CHUNK = 10_000;
  private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();

  private final OrgStore store;
  private final Random random;
  private final Instant now;
  private final Map<String, List<PicklistValue>> picklists = new HashMap<>();

  public Seeder(OrgStore store, long randomSeed) {
    this.store = store;
    this.random = new Random(randomSeed);
    this.now = store.now();
  }

  /**
   * {@code total} records in the proportion one Account to two Contacts and one Opportunity, the
   * shape of the {@code --seed-records} option.
   */
  public SeedSummary seedRecords(int total) {
    SeedSummary related = seed(total / 4, 2, 1);
    SeedSummary rest = seed(total - related.total(), 0, 0);
    return new SeedSummary(
        related.accounts() + rest.accounts(),
        related.contacts(),
        related.opportunities(),
        related.elapsed().plus(rest.elapsed()));
  }

  /** {@code accounts} Accounts, each with the given numbers of Contacts and Opportunities. */
  public SeedSummary seed(int accounts, int contactsPerAccount, int opportunitiesPerAccount) {
    long started = System.nanoTime();
    int contacts = 0;
    int opportunities = 0;
    for (int done = 0; done < accounts; done += CHUNK) {
      List<Map<String, Object>> chunk = new ArrayList<>();
      for (int i = done; i < Math.min(accounts, done + CHUNK); i++) {
        chunk.add(account());
      }
      List<String> ids = store.load("Account", chunk);
      contacts += children("Contact", ids, chunk, contactsPerAccount);
      opportunities += children("Opportunity", ids, chunk, opportunitiesPerAccount);
    }
    return new SeedSummary(
        accounts, contacts, opportunities, Duration.ofNanos(System.nanoTime() - started));
  }

  private int children(
      String object, List<String> accountIds, List<Map<String, Object>> accounts, int perAccount) {
    if (perAccount == 0) {
      return 0;
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < accountIds.size(); i++) {
      for (int n = 0; n < perAccount; n++) {
        records.add(
            object.equals("Contact")
                ? contact(accountIds.get(i), accounts.get(i))
                : opportunity(accountIds.get(i), accounts.get(i)));
      }
    }
    store.load(object, records);
    return records.size();
  }

  private Map<String, Object> account() {
    String name =
        pick(random, SamplePools.COMPANY_WORDS)
            + " "
            + pick(random, SamplePools.COMPANY_KINDS)
            + " "
            + pick(random, SamplePools.COMPANY_SUFFIXES);
    String[] city = pick(random, SamplePools.CITIES);
    Map<String, Object> values = new HashMap<>();
    values.put("Name", name);
    values.put("Type", picklist("Account", "Type"));
    values.put("Industry", picklist("Account", "Industry"));
    values.put("Rating", picklist("Account", "Rating"));
    values.put(
        "BillingStreet", (100 + random.nextInt(9900)) + " " + pick(random, SamplePools.STREETS));
    values.put("BillingCity", city[0]);
    values.put("BillingState", city[1]);
    values.put("BillingPostalCode", city[2]);
    values.put("BillingCountry", city[3]);
    values.put("Phone", phone());
    values.put("Website", "www." + letters(name) + ".com");
    values.put("AnnualRevenue", (double) (random.nextInt(5000) + 1) * 10_000);
    values.put("NumberOfEmployees", random.nextInt(5000) + 1);
    stamp(values);
    return values;
  }

  private Map<String, Object> contact(String accountId, Map<String, Object> account) {
    String first = pick(random, SamplePools.FIRST_NAMES);
    String last = pick(random, SamplePools.LAST_NAMES);
    Map<String, Object> values = new HashMap<>();
    values.put("AccountId", accountId);
    values.put("FirstName", first);
    values.put("LastName", last);
    values.put("Title", pick(random, SamplePools.TITLES));
    values.put(
        "Email",
        (first + "." + last + random.nextInt(1000)).toLowerCase()
            + "@"
            + ((String) account.get("Website")).substring(4));
    values.put("Phone", phone());
    values.put("LeadSource", picklist("Contact", "LeadSource"));
    values.put("MailingCity", account.get("BillingCity"));
    values.put("MailingState", account.get("BillingState"));
    values.put("MailingPostalCode", account.get("BillingPostalCode"));
    values.put("MailingCountry", account.get("BillingCountry"));
    stamp(values);
    return values;
  }

  private Map<String, Object> opportunity(String accountId, Map<String, Object> account) {
    Map<String, Object> values = new HashMap<>();
    values.put("AccountId", accountId);
    values.put("Name", account.get("Name") + " - " + pick(random, SamplePools.PRODUCTS));
    values.put("StageName", picklist("Opportunity", "StageName"));
    values.put("Amount", (double) (random.nextInt(2000) + 1) * 500);
    values.put("Probability", (double) random.nextInt(11) * 10);
    values.put(
        "CloseDate", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(random.nextInt(365) - 120L));
    values.put("Type", picklist("Opportunity", "Type"));
    stamp(values);
    return values;
  }

  /** A North American number, (NXX) NXX-XXXX. */
  private String phone() {
    int area = 200 + random.nextInt(800);
    int exchange = 200 + random.nextInt(800);
    int line = 10_000 + random.nextInt(90_000);
    return "(" + area + ") " + exchange + "-" + Integer.toString(line).substring(1);
  }

  private static String letters(String name) {
    StringBuilder letters = new StringBuilder(name.length());
    for (char c : name.toLowerCase().toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        letters.append(c);
      }
    }
    return letters.toString();
  }

  /** A value of the field's picklist: the schema's own String, shared by every record. */
  private String picklist(String object, String field) {
    List<PicklistValue> values =
        picklists.computeIfAbsent(
            object + "." + field,
            k -> store.schema().require(object).requireField(field).picklistValues());
    return values.get(random.nextInt(values.size())).value();
  }

  private void stamp(Map<String, Object> values) {
    Instant created = now.minusSeconds(random.nextLong(YEAR_SECONDS));
    Instant modified =
        created.plusSeconds(random.nextLong(Duration.between(created, now).toSeconds() + 1));
    values.put("CreatedDate", created);
    values.put("LastModifiedDate", modified);
    values.put("SystemModstamp", modified);
  }
}
