package io.pgforce.engine.schema;

import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-described objects for schema tests, shaped like Salesforce's describe of Account. */
public final class SampleObjects {

  private SampleObjects() {}

  public static ObjectSchema account() {
    return new ObjectSchema(
        "Account",
        List.of(
            SfField.of("Id", "id", 18),
            SfField.of("IsDeleted", "boolean", 0),
            SfField.of("SystemModstamp", "datetime", 0),
            SfField.of("Name", "string", 255),
            SfField.of("Description", "textarea", 32000),
            SfField.of("AnnualRevenue", "currency", 0),
            SfField.of("NumberOfEmployees", "int", 0),
            SfField.of("Industry", "picklist", 255),
            SfField.of("ParentId", "reference", 18),
            SfField.of("BillingAddress", "address", 0),
            component("BillingStreet", "textarea", 255),
            component("BillingCity", "string", 40),
            component("BillingLatitude", "double", 0),
            SfField.of("External_ID__c", "string", 40)));
  }

  /** Contact, whose AccountId reaches its parent by the Account relationship. */
  public static ObjectSchema contact() {
    return new ObjectSchema(
        "Contact",
        List.of(
            SfField.of("Id", "id", 18),
            SfField.of("IsDeleted", "boolean", 0),
            SfField.of("SystemModstamp", "datetime", 0),
            SfField.of("LastName", "string", 80),
            new SfField(
                "AccountId",
                "reference",
                18,
                0,
                0,
                true,
                true,
                false,
                false,
                Optional.empty(),
                List.of("Account"),
                Optional.of("Account"))));
  }

  public static Mapping mapping(Access access, String... fields) {
    return new Mapping(
        "Account", access, false, 600, 30000, List.of(fields), Map.of(), Optional.empty());
  }

  private static SfField component(String name, String type, int length) {
    return new SfField(
        name,
        type,
        length,
        0,
        0,
        true,
        true,
        false,
        false,
        Optional.of("BillingAddress"),
        List.of(),
        Optional.empty());
  }
}
