package io.pgforce.emulator.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every sObject of the org, found by name (case-insensitively) or by the key prefix of a record id.
 * Built once at start from the standard objects and the metadata file; immutable afterwards.
 */
public final class OrgSchema {

  private final Map<String, SObjectDefinition> byLowerName;
  private final Map<String, SObjectDefinition> byKeyPrefix;
  private final Map<String, List<ChildRelationship>> childrenByParent;

  public OrgSchema(List<SObjectDefinition> objects) {
    this.byLowerName = new LinkedHashMap<>();
    this.byKeyPrefix = new HashMap<>();
    for (SObjectDefinition object : objects) {
      add(object);
    }
    this.childrenByParent = childRelationships(objects);
    validateReferences();
  }

  /** The standard objects alone. */
  public static OrgSchema standard() {
    return new OrgSchema(StandardObjects.all());
  }

  private void add(SObjectDefinition object) {
    if (byLowerName.put(lower(object.name()), object) != null) {
      throw new IllegalArgumentException("sObject " + object.name() + " is defined twice");
    }
    SObjectDefinition clash = byKeyPrefix.put(object.keyPrefix(), object);
    if (clash != null) {
      throw new IllegalArgumentException(
          object.name() + " and " + clash.name() + " share key prefix " + object.keyPrefix());
    }
  }

  private static Map<String, List<ChildRelationship>> childRelationships(
      List<SObjectDefinition> objects) {
    Map<String, List<ChildRelationship>> children = new HashMap<>();
    for (SObjectDefinition child : objects) {
      for (FieldDefinition field : child.fields()) {
        field
            .referenceTo()
            .ifPresent(
                parent ->
                    children
                        .computeIfAbsent(lower(parent), k -> new ArrayList<>())
                        .add(
                            new ChildRelationship(
                                child.name(),
                                field.name(),
                                field.childRelationshipName().orElse(null),
                                field.cascadeDelete())));
      }
    }
    return children;
  }

  private void validateReferences() {
    for (SObjectDefinition object : byLowerName.values()) {
      for (FieldDefinition field : object.fields()) {
        field
            .referenceTo()
            .filter(target -> !byLowerName.containsKey(lower(target)))
            .ifPresent(
                target -> {
                  throw new IllegalArgumentException(
                      object.name() + "." + field.name() + " references unknown object " + target);
                });
      }
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** All objects, standard first, then custom ones in the order they were defined. */
  public List<SObjectDefinition> objects() {
    return List.copyOf(byLowerName.values());
  }

  public Optional<SObjectDefinition> find(String name) {
    return Optional.ofNullable(byLowerName.get(lower(name)));
  }

  /** The object, which the caller knows exists. */
  public SObjectDefinition require(String name) {
    return find(name).orElseThrow(() -> new IllegalStateException("No sObject " + name));
  }

  /** The object whose records' ids start with {@code keyPrefix}. */
  public Optional<SObjectDefinition> byKeyPrefix(String keyPrefix) {
    return Optional.ofNullable(byKeyPrefix.get(keyPrefix));
  }

  /** The lookups on other objects that point at {@code parent}. */
  public List<ChildRelationship> childRelationships(String parent) {
    return List.copyOf(childrenByParent.getOrDefault(lower(parent), List.of()));
  }
}
