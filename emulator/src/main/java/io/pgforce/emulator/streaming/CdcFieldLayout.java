package io.pgforce.emulator.streaming;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.metadata.SystemFields;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each stored field of one object appears in a change event body. Compound fields are nested
 * as Salesforce nests them: address components under the address ({@code BillingCity} is {@code
 * BillingAddress.City}), and on objects whose Name is built from first and last name (Contact,
 * Lead) the name parts under {@code Name}, which then replaces the derived full-name text. Fields
 * Salesforce never puts in a body have no slot: Id (it is in the header), IsDeleted, SystemModstamp
 * and formula fields.
 */
final class CdcFieldLayout {

  /**
   * Where a field goes.
   *
   * @param field the top-level body key ({@code Phone}, {@code BillingAddress}, {@code Name})
   * @param component the key inside the nested object, or null for a plain field
   */
  record Slot(String field, String component) {

    /** How {@code changedFields} names it: {@code Phone} or {@code BillingAddress.City}. */
    String changedFieldName() {
      return component == null ? field : field + "." + component;
    }
  }

  private static final Set<String> NEVER_IN_BODY =
      Set.of(SystemFields.ID, SystemFields.IS_DELETED, SystemFields.SYSTEM_MODSTAMP);
  private static final Set<String> NAME_PARTS =
      Set.of("Salutation", "FirstName", "MiddleName", "LastName", "Suffix");
  private static final String NAME = "Name";

  private final Map<String, Slot> slots;

  private CdcFieldLayout(Map<String, Slot> slots) {
    this.slots = slots;
  }

  static CdcFieldLayout of(SObjectDefinition type) {
    boolean compoundName = hasCompoundName(type);
    Map<String, Slot> slots = new HashMap<>();
    for (FieldDefinition field : type.fields()) {
      slotOf(type, field, compoundName).ifPresent(slot -> slots.put(field.name(), slot));
    }
    return new CdcFieldLayout(Map.copyOf(slots));
  }

  /** The slot of the field named exactly {@code fieldName}; empty when it never appears. */
  Optional<Slot> slot(String fieldName) {
    return Optional.ofNullable(slots.get(fieldName));
  }

  private static Optional<Slot> slotOf(
      SObjectDefinition type, FieldDefinition field, boolean compoundName) {
    if (!field.isStored() || field.calculated() || NEVER_IN_BODY.contains(field.name())) {
      return Optional.empty();
    }
    if (compoundName && field.name().equals(NAME)) {
      return Optional.empty();
    }
    if (compoundName && NAME_PARTS.contains(field.name())) {
      return Optional.of(new Slot(NAME, field.name()));
    }
    return field
        .compoundFieldName()
        .map(compound -> new Slot(compound, component(type, compound, field)))
        .or(() -> Optional.of(new Slot(field.name(), null)));
  }

  /** BillingCity of BillingAddress is City: the name without the address's prefix. */
  private static String component(SObjectDefinition type, String compound, FieldDefinition field) {
    String prefix = type.field(compound).flatMap(FieldDefinition::addressPrefix).orElse("");
    return field.name().substring(prefix.length());
  }

  /** Contact and Lead: a read-only Name the platform derives from FirstName and LastName. */
  private static boolean hasCompoundName(SObjectDefinition type) {
    return type.field(NAME).filter(f -> f.calculation().isPresent() && !f.createable()).isPresent()
        && type.hasField("FirstName")
        && type.hasField("LastName");
  }
}
