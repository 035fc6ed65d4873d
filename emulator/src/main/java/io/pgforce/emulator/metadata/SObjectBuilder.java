package io.pgforce.emulator.metadata;

import static io.pgforce.emulator.metadata.SystemFields.CREATED_BY_ID;
import static io.pgforce.emulator.metadata.SystemFields.CREATED_DATE;
import static io.pgforce.emulator.metadata.SystemFields.ID;
import static io.pgforce.emulator.metadata.SystemFields.IS_DELETED;
import static io.pgforce.emulator.metadata.SystemFields.LAST_MODIFIED_BY_ID;
import static io.pgforce.emulator.metadata.SystemFields.LAST_MODIFIED_DATE;
import static io.pgforce.emulator.metadata.SystemFields.OWNER_ID;
import static io.pgforce.emulator.metadata.SystemFields.SYSTEM_MODSTAMP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an {@link SObjectDefinition} field by field, in describe order, with one method per kind
 * of field the standard objects use. Every object starts with Id (and IsDeleted when it can be
 * deleted) and ends with the owner and audit fields.
 */
public final class SObjectBuilder {

  private final String name;
  private final String label;
  private final String labelPlural;
  private final String keyPrefix;
  private final List<FieldDefinition> fields = new ArrayList<>();
  private boolean deletable = true;
  private boolean owned = true;

  private SObjectBuilder(String name, String label, String labelPlural, String keyPrefix) {
    this.name = name;
    this.label = label;
    this.labelPlural = labelPlural;
    this.keyPrefix = keyPrefix;
  }

  /** Starts an object whose records can be deleted and have an owner. */
  public static SObjectBuilder object(
      String name, String label, String labelPlural, String keyPrefix) {
    return new SObjectBuilder(name, label, labelPlural, keyPrefix);
  }

  /** Records cannot be deleted (User), so there is no IsDeleted field either. */
  public SObjectBuilder notDeletable() {
    this.deletable = false;
    return this;
  }

  /** Records have no OwnerId (User). */
  public SObjectBuilder unowned() {
    this.owned = false;
    return this;
  }

  public SObjectBuilder field(FieldDefinition.Builder field) {
    fields.add(field.build());
    return this;
  }

  public SObjectBuilder field(FieldDefinition field) {
    fields.add(field);
    return this;
  }

  /** The record's name: required text, the name field describe reports. */
  public SObjectBuilder name(String field, String fieldLabel, int length) {
    return field(text(field, fieldLabel, length).required().nameField());
  }

  public SObjectBuilder text(String field, String fieldLabel, int length, boolean required) {
    FieldDefinition.Builder builder = text(field, fieldLabel, length);
    return field(required ? builder.required() : builder);
  }

  public SObjectBuilder textArea(String field, String fieldLabel, int length) {
    return field(
        FieldDefinition.builder(field, FieldType.TEXTAREA).label(fieldLabel).length(length));
  }

  public SObjectBuilder typed(String field, String fieldLabel, FieldType type, int length) {
    return field(FieldDefinition.builder(field, type).label(fieldLabel).length(length));
  }

  public SObjectBuilder picklist(String field, String fieldLabel, String... values) {
    return field(picklistField(field, fieldLabel, values));
  }

  /** A picklist whose value {@code defaultValue} is what new records get when given none. */
  public SObjectBuilder picklistWithDefault(
      String field, String fieldLabel, boolean required, String defaultValue, String... values) {
    List<PicklistValue> picklist =
        Arrays.stream(values).map(v -> new PicklistValue(v, v, v.equals(defaultValue))).toList();
    FieldDefinition.Builder builder =
        FieldDefinition.builder(field, FieldType.PICKLIST)
            .label(fieldLabel)
            .length(255)
            .picklist(picklist, false);
    return field(required ? builder.required() : builder);
  }

  /** A read-only field the platform derives from the record's other fields. */
  public SObjectBuilder derived(
      String field, String fieldLabel, FieldType type, int length, Calculation how) {
    return field(
        FieldDefinition.builder(field, type).label(fieldLabel).length(length).derivedBy(how));
  }

  public SObjectBuilder checkbox(String field, String fieldLabel) {
    return field(FieldDefinition.builder(field, FieldType.BOOLEAN).label(fieldLabel));
  }

  public SObjectBuilder number(
      String field, String fieldLabel, FieldType type, int precision, int scale) {
    FieldDefinition.Builder builder = FieldDefinition.builder(field, type).label(fieldLabel);
    return field(
        type == FieldType.INT ? builder.digits(precision) : builder.precision(precision, scale));
  }

  public SObjectBuilder date(String field, String fieldLabel, FieldType type) {
    return field(FieldDefinition.builder(field, type).label(fieldLabel));
  }

  /** A lookup to {@code target}; {@code childRelationship} names the children on the parent. */
  public SObjectBuilder lookup(
      String field,
      String fieldLabel,
      String target,
      String relationship,
      String childRelationship) {
    return field(
        FieldDefinition.builder(field, FieldType.REFERENCE)
            .label(fieldLabel)
            .references(target, relationship, childRelationship));
  }

  /**
   * A standard address: its component fields (BillingStreet, BillingCity...) and then the compound
   * field (BillingAddress) describe reports with type {@code address}.
   */
  public SObjectBuilder address(String prefix, String labelPrefix) {
    String compound = prefix.isEmpty() ? "Address" : prefix + "Address";
    addressPart(
        FieldDefinition.builder(prefix + "Street", FieldType.TEXTAREA)
            .label(labelPrefix + " Street")
            .length(255),
        compound);
    addressPart(text(prefix + "City", labelPrefix + " City", 40), compound);
    addressPart(text(prefix + "State", labelPrefix + " State/Province", 80), compound);
    addressPart(text(prefix + "PostalCode", labelPrefix + " Zip/Postal Code", 20), compound);
    addressPart(text(prefix + "Country", labelPrefix + " Country", 80), compound);
    addressPart(coordinate(prefix + "Latitude", labelPrefix + " Latitude"), compound);
    addressPart(coordinate(prefix + "Longitude", labelPrefix + " Longitude"), compound);
    addressPart(
        picklistField(
            prefix + "GeocodeAccuracy",
            labelPrefix + " Geocode Accuracy",
            "Address",
            "NearAddress",
            "Block",
            "Street",
            "ExtendedZip",
            "Zip",
            "Neighborhood",
            "City",
            "County",
            "State",
            "Unknown"),
        compound);
    return field(
        FieldDefinition.builder(compound, FieldType.ADDRESS)
            .label(labelPrefix + " Address")
            .addressOf(prefix));
  }

  private void addressPart(FieldDefinition.Builder part, String compound) {
    fields.add(part.partOf(compound).build());
  }

  private static FieldDefinition.Builder coordinate(String field, String fieldLabel) {
    return FieldDefinition.builder(field, FieldType.DOUBLE).label(fieldLabel).precision(18, 15);
  }

  private static FieldDefinition.Builder text(String field, String fieldLabel, int length) {
    return FieldDefinition.builder(field, FieldType.STRING).label(fieldLabel).length(length);
  }

  private static FieldDefinition.Builder picklistField(
      String field, String fieldLabel, String... values) {
    List<PicklistValue> picklist = Arrays.stream(values).map(PicklistValue::of).toList();
    return FieldDefinition.builder(field, FieldType.PICKLIST)
        .label(fieldLabel)
        .length(255)
        .picklist(picklist, false);
  }

  /** The object, with Id first and the owner and audit fields last. */
  public SObjectDefinition build() {
    List<FieldDefinition> ordered = new ArrayList<>();
    ordered.add(FieldDefinition.builder(ID, FieldType.ID).label(label + " ID").system().build());
    if (deletable) {
      ordered.add(
          FieldDefinition.builder(IS_DELETED, FieldType.BOOLEAN).label("Deleted").system().build());
    }
    ordered.addAll(fields);
    if (owned) {
      ordered.add(
          FieldDefinition.builder(OWNER_ID, FieldType.REFERENCE)
              .label("Owner ID")
              .references("User", "Owner", null)
              .defaultedOnCreate()
              .build());
    }
    ordered.addAll(auditFields());
    return new SObjectDefinition(name, label, labelPlural, keyPrefix, deletable, ordered);
  }

  private static List<FieldDefinition> auditFields() {
    return List.of(
        timestamp(CREATED_DATE, "Created Date"),
        user(CREATED_BY_ID, "Created By ID", "CreatedBy"),
        timestamp(LAST_MODIFIED_DATE, "Last Modified Date"),
        user(LAST_MODIFIED_BY_ID, "Last Modified By ID", "LastModifiedBy"),
        timestamp(SYSTEM_MODSTAMP, "System Modstamp"));
  }

  private static FieldDefinition timestamp(String field, String fieldLabel) {
    return FieldDefinition.builder(field, FieldType.DATETIME).label(fieldLabel).system().build();
  }

  private static FieldDefinition user(String field, String fieldLabel, String relationship) {
    return FieldDefinition.builder(field, FieldType.REFERENCE)
        .label(fieldLabel)
        .references("User", relationship, null)
        .system()
        .build();
  }
}
