package io.pgforce.emulator.soql;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.FieldType;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.StoredRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A field path resolved against the schema: the lookups it follows ({@code Account}, then {@code
 * Owner}) and the field it ends on. Reading it from a record follows each lookup to the parent; a
 * missing or deleted parent makes the value null, as Salesforce returns {@code "Account": null}.
 */
public final class FieldPath {

  private final List<FieldDefinition> lookups;
  private final List<SObjectDefinition> objects;
  private final FieldDefinition field;

  FieldPath(List<FieldDefinition> lookups, List<SObjectDefinition> objects, FieldDefinition field) {
    this.lookups = List.copyOf(lookups);
    this.objects = List.copyOf(objects);
    this.field = field;
  }

  /** The field the path ends on. */
  public FieldDefinition field() {
    return field;
  }

  /** The lookup fields followed, from the queried object outwards. */
  public List<FieldDefinition> lookups() {
    return lookups;
  }

  /** The objects along the path: the queried one first, then each lookup's target. */
  public List<SObjectDefinition> objects() {
    return objects;
  }

  /** The path with Salesforce's spelling of every name: {@code Account.Owner.Name}. */
  public String canonicalName() {
    List<String> names = new ArrayList<>();
    lookups.forEach(l -> names.add(l.relationshipName().orElseThrow()));
    names.add(field.name());
    return String.join(".", names);
  }

  /** The parent record {@code depth} lookups away from {@code root}, or null when there is none. */
  public StoredRecord parent(StoredRecord root, int depth, OrgStore store) {
    StoredRecord current = root;
    for (int i = 0; i < depth && current != null; i++) {
      Object parentId = current.get(lookups.get(i));
      current =
          parentId == null
              ? null
              : store.find((String) parentId).filter(r -> !r.deleted()).orElse(null);
    }
    return current;
  }

  /** The value at the end of the path for {@code root}. */
  public Object valueOf(StoredRecord root, OrgStore store) {
    StoredRecord owner = lookups.isEmpty() ? root : parent(root, lookups.size(), store);
    return owner == null ? null : valueOn(owner, field);
  }

  /**
   * A field's value on a record; a compound address reads as a map of its components (or null when
   * they are all empty), keyed as Salesforce writes them ({@code city}, {@code street}...).
   */
  public static Object valueOn(StoredRecord record, FieldDefinition field) {
    if (field.type() != FieldType.ADDRESS) {
      return record.get(field);
    }
    String prefix = field.addressPrefix().orElse("");
    Map<String, Object> address = new LinkedHashMap<>();
    boolean any = false;
    for (String part :
        List.of(
            "City",
            "Country",
            "GeocodeAccuracy",
            "Latitude",
            "Longitude",
            "PostalCode",
            "State",
            "Street")) {
      Object value = record.getOrNull(prefix + part);
      any |= value != null;
      address.put(Character.toLowerCase(part.charAt(0)) + part.substring(1), value);
    }
    return any ? address : null;
  }

  @Override
  public String toString() {
    return canonicalName();
  }

  /** Resolves written paths against one object, with Salesforce's errors for unknown names. */
  static final class Resolver {
    private final String text;
    private final SObjectDefinition root;
    private final Function<String, SObjectDefinition> objects;
    private final String alias;

    Resolver(
        String text,
        SObjectDefinition root,
        String alias,
        Function<String, SObjectDefinition> objects) {
      this.text = text;
      this.root = root;
      this.alias = alias == null ? null : alias.toLowerCase(Locale.ROOT);
      this.objects = objects;
    }

    FieldPath resolve(FieldRef ref) {
      List<String> names = withoutAlias(ref.path());
      SObjectDefinition current = root;
      List<FieldDefinition> lookups = new ArrayList<>();
      List<SObjectDefinition> chain = new ArrayList<>(List.of(root));
      for (String relationship : names.subList(0, names.size() - 1)) {
        FieldDefinition lookup =
            current
                .relationship(relationship)
                .orElseThrow(() -> SoqlErrors.unknownRelationship(text, ref, relationship));
        lookups.add(lookup);
        current = objects.apply(lookup.referenceTo().orElseThrow());
        chain.add(current);
      }
      String last = names.get(names.size() - 1);
      SObjectDefinition owner = current;
      FieldDefinition field =
          owner
              .field(last)
              .orElseThrow(() -> SoqlErrors.noSuchColumn(text, ref, last, owner.name()));
      return new FieldPath(lookups, chain, field);
    }

    private List<String> withoutAlias(List<String> path) {
      boolean aliased =
          path.size() > 1 && alias != null && path.get(0).toLowerCase(Locale.ROOT).equals(alias);
      return aliased ? path.subList(1, path.size()) : path;
    }
  }
}
