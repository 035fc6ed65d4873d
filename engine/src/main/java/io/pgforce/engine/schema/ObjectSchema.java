package io.pgforce.engine.schema;

import java.util.List;
import java.util.Optional;

/** An object's fields as Salesforce describes them. */
public record ObjectSchema(String name, List<SfField> fields) {

  public ObjectSchema {
    fields = List.copyOf(fields);
  }

  /** A field by API name, ignoring case as Salesforce does. */
  public Optional<SfField> field(String apiName) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(apiName)).findFirst();
  }

  /**
   * The reference field a parent is reached by, {@code Account} or {@code Parent__r}, ignoring
   * case.
   */
  public Optional<SfField> reference(String relationship) {
    return fields.stream()
        .filter(
            f ->
                f.relationshipName()
                    .filter(
                        r ->
                            r.equalsIgnoreCase(relationship)
                                || r.equalsIgnoreCase(relationship + "__r"))
                    .isPresent())
        .findFirst();
  }

  /** The components of a compound field (BillingAddress: BillingStreet, BillingCity, ...). */
  public List<SfField> componentsOf(String compoundName) {
    return fields.stream()
        .filter(f -> f.compoundFieldName().filter(compoundName::equalsIgnoreCase).isPresent())
        .toList();
  }
}
