package io.pgforce.app.convergence;

import java.util.List;

/**
 * The three related objects the run edits, each with read-write mapped fields. Every record carries
 * a key in a field nobody edits after creation (not the mapping's upsert field), so the checker can
 * tell one record from its duplicate on either side, whichever side created it.
 */
enum MappedObject {
  ACCOUNT(
      "Account",
      "AccountNumber",
      List.of(
          MappedField.text("Name", true),
          MappedField.integer("NumberOfEmployees"),
          MappedField.number("AnnualRevenue"),
          MappedField.pick("Rating", "Hot", "Warm", "Cold"))),
  CONTACT(
      "Contact",
      "Department",
      List.of(
          MappedField.text("LastName", true),
          MappedField.reference("AccountId"),
          MappedField.date("Birthdate"),
          MappedField.bool("DoNotCall"))),
  OPPORTUNITY(
      "Opportunity",
      "NextStep",
      List.of(
          MappedField.text("Name", true),
          MappedField.reference("AccountId"),
          MappedField.requiredPick(
              "StageName", "Prospecting", "Qualification", "Closed Won", "Closed Lost"),
          MappedField.requiredDate("CloseDate"),
          MappedField.number("Amount")));

  private final String apiName;
  private final String keyField;
  private final List<MappedField> fields;

  MappedObject(String apiName, String keyField, List<MappedField> fields) {
    this.apiName = apiName;
    this.keyField = keyField;
    this.fields = fields;
  }

  String apiName() {
    return apiName;
  }

  /** The Heroku Connect table: schema salesforce, lower-case object name. */
  String table() {
    return "salesforce." + apiName.toLowerCase();
  }

  String keyField() {
    return keyField;
  }

  String keyColumn() {
    return keyField.toLowerCase();
  }

  /** The fields the run edits (the key excluded). */
  List<MappedField> fields() {
    return fields;
  }

  /** Every mapped field's API name: the key and the edited fields. */
  List<String> mappedApiNames() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(keyField), fields.stream().map(MappedField::apiName))
        .toList();
  }

  /** The key prefix, so a key names its object: A-, C-, O-. */
  String keyPrefix() {
    return apiName.substring(0, 1);
  }
}
