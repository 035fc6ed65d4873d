package io.pgforce.emulator.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of an sObject: its type, limits and the flags describe reports. Immutable; built with
 * {@link #builder(String, FieldType)}. The {@link #position()} is where the store keeps the value
 * in a record's array, or -1 for a compound field that is computed rather than stored.
 */
public final class FieldDefinition {

  private final Builder spec;
  private final int position;
  private final Optional<Object> defaultValue;

  private FieldDefinition(Builder spec, int position) {
    this.spec = spec;
    this.position = position;
    this.defaultValue = initialValue(spec);
  }

  public static Builder builder(String name, FieldType type) {
    return new Builder(name, type);
  }

  /** This field at another storage position (the object assigns positions when it is built). */
  FieldDefinition atPosition(int newPosition) {
    return new FieldDefinition(spec, newPosition);
  }

  public int position() {
    return position;
  }

  public boolean isStored() {
    return position >= 0;
  }

  public String name() {
    return spec.name;
  }

  public String label() {
    return spec.label;
  }

  public FieldType type() {
    return spec.type;
  }

  /** Maximum characters for text fields; 18 for ids; 0 otherwise. */
  public int length() {
    return spec.length;
  }

  /** Total digits for decimal fields; 0 otherwise. */
  public int precision() {
    return spec.precision;
  }

  public int scale() {
    return spec.scale;
  }

  /** Digits for int fields; 0 otherwise. */
  public int digits() {
    return spec.digits;
  }

  /** Whether a create must supply a value (describe: not nillable, no default). */
  public boolean required() {
    return spec.required;
  }

  public boolean nillable() {
    return !spec.required && spec.type != FieldType.BOOLEAN && !spec.system;
  }

  public boolean createable() {
    return spec.createable;
  }

  public boolean updateable() {
    return spec.updateable;
  }

  /** Whether Salesforce fills the field on create when the caller leaves it out. */
  public boolean defaultedOnCreate() {
    return spec.system
        || spec.autoNumber
        || spec.defaultValue != null
        || spec.type == FieldType.BOOLEAN
        || spec.defaultedOnCreate;
  }

  /** A system field the platform sets (Id, CreatedDate, SystemModstamp...). */
  public boolean system() {
    return spec.system;
  }

  public boolean calculated() {
    return spec.calculated;
  }

  public Optional<String> formula() {
    return Optional.ofNullable(spec.formula);
  }

  public Optional<Calculation> calculation() {
    return Optional.ofNullable(spec.calculation);
  }

  public boolean externalId() {
    return spec.externalId;
  }

  public boolean unique() {
    return spec.unique;
  }

  public boolean caseSensitive() {
    return spec.caseSensitive;
  }

  /** Whether the field can identify a record: the Id, external ids, and a few standard fields. */
  public boolean idLookup() {
    return spec.type == FieldType.ID || spec.externalId || spec.idLookup;
  }

  /** Whether values are indexed for lookups: external id and unique fields. */
  public boolean indexed() {
    return spec.externalId || spec.unique;
  }

  public boolean nameField() {
    return spec.nameField;
  }

  public boolean autoNumber() {
    return spec.autoNumber;
  }

  /** The object a reference field points at. */
  public Optional<String> referenceTo() {
    return Optional.ofNullable(spec.referenceTo);
  }

  /**
   * The relationship name used in SOQL paths (Account for AccountId, Account__r for Account__c).
   */
  public Optional<String> relationshipName() {
    return Optional.ofNullable(spec.relationshipName);
  }

  /** The name of the child relationship the parent object sees (Contacts for Contact.AccountId). */
  public Optional<String> childRelationshipName() {
    return Optional.ofNullable(spec.childRelationshipName);
  }

  public boolean cascadeDelete() {
    return spec.cascadeDelete;
  }

  public List<PicklistValue> picklistValues() {
    return spec.picklistValues;
  }

  public boolean restrictedPicklist() {
    return spec.restrictedPicklist;
  }

  /** The value a create gets when the caller gives none (typed as the store keeps it). */
  public Optional<Object> defaultValue() {
    return defaultValue;
  }

  private static Optional<Object> initialValue(Builder spec) {
    if (spec.defaultValue != null) {
      return Optional.of(spec.defaultValue);
    }
    if (spec.type == FieldType.BOOLEAN) {
      return Optional.of(Boolean.FALSE);
    }
    return spec.picklistValues.stream()
        .filter(PicklistValue::defaultValue)
        .findFirst()
        .map(PicklistValue::value);
  }

  public boolean custom() {
    return spec.name.endsWith("__c");
  }

  /** For a component of an address (BillingCity), the compound field (BillingAddress). */
  public Optional<String> compoundFieldName() {
    return Optional.ofNullable(spec.compoundFieldName);
  }

  /** For a compound address field, the prefix of its components (Billing for BillingCity). */
  public Optional<String> addressPrefix() {
    return Optional.ofNullable(spec.addressPrefix);
  }

  /** Long text areas (over 255 characters) cannot be filtered, sorted or grouped in SOQL. */
  public boolean filterable() {
    return spec.type != FieldType.ADDRESS
        && !(spec.type == FieldType.TEXTAREA && spec.length > 255);
  }

  public boolean sortable() {
    return filterable() && spec.type != FieldType.MULTIPICKLIST;
  }

  public boolean groupable() {
    return sortable() && !spec.type.isDecimal() && spec.type != FieldType.DATETIME;
  }

  @Override
  public String toString() {
    return spec.name + ":" + spec.type.apiName();
  }

  /** The describe-level specification of a field. */
  public static final class Builder implements Cloneable {
    private final String name;
    private final FieldType type;
    private String label;
    private int length;
    private int precision;
    private int scale;
    private int digits;
    private boolean required;
    private boolean createable = true;
    private boolean updateable = true;
    private boolean defaultedOnCreate;
    private boolean system;
    private boolean calculated;
    private String formula;
    private Calculation calculation;
    private boolean externalId;
    private boolean unique;
    private boolean caseSensitive;
    private boolean idLookup;
    private boolean nameField;
    private boolean autoNumber;
    private String referenceTo;
    private String relationshipName;
    private String childRelationshipName;
    private boolean cascadeDelete;
    private List<PicklistValue> picklistValues = List.of();
    private boolean restrictedPicklist;
    private Object defaultValue;
    private String compoundFieldName;
    private String addressPrefix;

    private Builder(String name, FieldType type) {
      this.name = Objects.requireNonNull(name, "name");
      this.type = Objects.requireNonNull(type, "type");
      this.label = name;
      this.length = type.isId() ? 18 : 0;
    }

    public Builder label(String value) {
      this.label = value;
      return this;
    }

    public Builder length(int value) {
      this.length = value;
      return this;
    }

    public Builder precision(int totalDigits, int decimals) {
      this.precision = totalDigits;
      this.scale = decimals;
      return this;
    }

    public Builder digits(int value) {
      this.digits = value;
      return this;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    /** Readable only: set by the platform or derived, never by a caller. */
    public Builder readOnly() {
      this.createable = false;
      this.updateable = false;
      return this;
    }

    /** Set on create, never changed afterwards. */
    public Builder createOnly() {
      this.updateable = false;
      return this;
    }

    public Builder defaultedOnCreate() {
      this.defaultedOnCreate = true;
      return this;
    }

    public Builder system() {
      this.system = true;
      return readOnly();
    }

    public Builder calculated(String formulaText, Calculation how) {
      this.calculated = true;
      this.formula = formulaText;
      this.calculation = how;
      return readOnly();
    }

    /**
     * Read-only, derived by the platform from other fields, but not a formula field in describe
     * (Contact.Name, Opportunity.IsWon).
     */
    public Builder derivedBy(Calculation how) {
      this.calculation = how;
      return readOnly();
    }

    public Builder externalId() {
      this.externalId = true;
      return this;
    }

    public Builder unique() {
      this.unique = true;
      return this;
    }

    public Builder caseSensitive() {
      this.caseSensitive = true;
      return this;
    }

    public Builder idLookup() {
      this.idLookup = true;
      return this;
    }

    public Builder nameField() {
      this.nameField = true;
      return this;
    }

    public Builder autoNumber() {
      this.autoNumber = true;
      return readOnly();
    }

    /**
     * Makes this a lookup to {@code target}.
     *
     * @param relationship the name SOQL uses to reach the parent (Account, Account__r)
     * @param childRelationship the name the parent uses for its children (Contacts)
     */
    public Builder references(String target, String relationship, String childRelationship) {
      this.referenceTo = target;
      this.relationshipName = relationship;
      this.childRelationshipName = childRelationship;
      return this;
    }

    public Builder cascadeDelete() {
      this.cascadeDelete = true;
      return this;
    }

    public Builder picklist(List<PicklistValue> values, boolean restricted) {
      this.picklistValues = List.copyOf(values);
      this.restrictedPicklist = restricted;
      return this;
    }

    public Builder defaultValue(Object value) {
      this.defaultValue = value;
      return this;
    }

    public Builder partOf(String compoundField) {
      this.compoundFieldName = compoundField;
      return this;
    }

    /** Makes this the compound address whose components start with {@code prefix}. */
    public Builder addressOf(String prefix) {
      this.addressPrefix = prefix;
      return readOnly();
    }

    /** The field; the builder may be changed afterwards without affecting it. */
    public FieldDefinition build() {
      try {
        return new FieldDefinition((Builder) clone(), 0);
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
