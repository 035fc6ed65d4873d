package io.pgforce.emulator.bulk;

import io.pgforce.emulator.store.OrgStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads Account-like rows (about twenty fields, as the product's benchmark uses) straight into a
 * store: deterministic values, no validation, no change events, so large test orgs build fast.
 */
final class AccountRows {

  /** Every column the rows fill, and the audit fields: what a bulk load of Accounts selects. */
  static final String SOQL =
      "SELECT Id, Name, Type, Industry, Rating, BillingStreet, BillingCity, BillingState,"
          + " BillingPostalCode, BillingCountry, Phone, Website, AnnualRevenue, NumberOfEmployees,"
          + " OwnerId, CreatedDate, CreatedById, LastModifiedDate, SystemModstamp, IsDeleted"
          + " FROM Account";

  private static final String[] CITIES = {"Paris", "Lyon", "Zürich", "Boston", "Austin"};
  private static final String[] INDUSTRIES = {"Banking", "Energy", "Retail", "Technology"};

  private AccountRows() {}

  static void load(OrgStore store, int count) {
    for (int done = 0; done < count; done += 10_000) {
      List<Map<String, Object>> chunk = new ArrayList<>();
      for (int i = done; i < Math.min(count, done + 10_000); i++) {
        chunk.add(row(i));
      }
      store.load("Account", chunk);
    }
  }

  private static Map<String, Object> row(int i) {
    Map<String, Object> values = new HashMap<>();
    values.put("Name", "Account \"" + i + "\" Ltd");
    values.put("Type", "Customer - Direct");
    values.put("Industry", INDUSTRIES[i % INDUSTRIES.length]);
    values.put("Rating", i % 3 == 0 ? null : "Warm");
    values.put("BillingStreet", (100 + i % 900) + " Main Street");
    values.put("BillingCity", CITIES[i % CITIES.length]);
    values.put("BillingState", "CA");
    values.put("BillingPostalCode", String.valueOf(10_000 + i % 90_000));
    values.put("BillingCountry", "USA");
    values.put("Phone", "(555) 010-" + (1000 + i % 9000));
    values.put("Website", "www.account" + i + ".com");
    values.put("AnnualRevenue", (double) (i % 5000 + 1) * 10_000);
    values.put("NumberOfEmployees", i % 5000 + 1);
    return values;
  }
}
