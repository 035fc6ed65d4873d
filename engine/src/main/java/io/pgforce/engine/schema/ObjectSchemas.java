package io.pgforce.engine.schema;

import io.pgforce.salesforce.rest.FieldDescribe;
import io.pgforce.salesforce.rest.SObjectDescribe;
import java.util.Optional;

/** Reads the engine's view of an object from Salesforce's describe. */
public final class ObjectSchemas {

  private ObjectSchemas() {}

  public static ObjectSchema from(SObjectDescribe describe) {
    return new ObjectSchema(
        describe.name(), describe.fields().stream().map(ObjectSchemas::field).toList());
  }

  private static SfField field(FieldDescribe f) {
    return new SfField(
        f.name(),
        f.type(),
        f.length(),
        f.precision(),
        f.scale(),
        f.createable(),
        f.updateable(),
        f.externalId(),
        f.calculated(),
        Optional.ofNullable(f.compoundFieldName()).filter(s -> !s.isEmpty()),
        f.referenceTo(),
        Optional.ofNullable(f.relationshipName()).filter(s -> !s.isEmpty()));
  }
}
