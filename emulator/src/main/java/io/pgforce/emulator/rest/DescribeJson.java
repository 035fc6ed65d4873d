package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.emulator.metadata.ChildRelationship;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.FieldType;
import io.pgforce.emulator.metadata.PicklistValue;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.WireFormat;
import java.util.List;
import java.util.Set;

/**
 * describeGlobal and sObject describe bodies, with the keys a real org sends (alphabetical, as
 * Salesforce writes them). Flags the emulator does not model take the value a plain org has.
 */
final class DescribeJson {

  private static final Set<String> MERGEABLE = Set.of("Account", "Contact", "Lead", "Case");
  private static final String MASTER_RECORD_TYPE = "012000000000000AAA";

  private DescribeJson() {}

  /** One entry of describeGlobal's {@code sobjects}. */
  static ObjectNode globalEntry(SObjectDefinition object, String dataPath) {
    ObjectNode node = Json.object();
    objectFlags(node, object);
    ObjectNode urls = node.putObject("urls");
    String base = dataPath + "/sobjects/" + object.name();
    urls.put("rowTemplate", base + "/{ID}");
    urls.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
    urls.put("describe", base + "/describe");
    urls.put("sobject", base);
    return node;
  }

  private static void objectFlags(ObjectNode node, SObjectDefinition object) {
    node.put("activateable", false);
    node.putNull("associateEntityType");
    node.putNull("associateParentEntity");
    node.put("createable", true);
    node.put("custom", object.custom());
    node.put("customSetting", false);
    node.put("deepCloneable", false);
    node.put("deletable", object.deletable());
    node.put("deprecatedAndHidden", false);
    node.put("feedEnabled", !object.custom());
    node.put("hasSubtypes", false);
    node.put("isInterface", false);
    node.put("isSubtype", false);
    node.put("keyPrefix", object.keyPrefix());
    node.put("label", object.label());
    node.put("labelPlural", object.labelPlural());
    node.put("layoutable", true);
    node.put("mergeable", MERGEABLE.contains(object.name()));
    node.put("mruEnabled", true);
    node.put("name", object.name());
    node.put("queryable", true);
    node.put("replicateable", true);
    node.put("retrieveable", true);
    node.put("searchable", true);
    node.put("triggerable", true);
    node.put("undeletable", object.deletable());
    node.put("updateable", true);
  }

  /** The full describe of one object. */
  static ObjectNode describe(
      SObjectDefinition object, List<ChildRelationship> children, String dataPath) {
    ObjectNode node = Json.object();
    node.putArray("actionOverrides");
    objectFlags(node, object);
    ArrayNode childArray = node.putArray("childRelationships");
    children.forEach(child -> childArray.add(childRelationship(child)));
    node.put("compactLayoutable", true);
    node.put("dataTranslationEnabled", false);
    ArrayNode fields = node.putArray("fields");
    object.fields().forEach(field -> fields.add(field(field)));
    node.putArray("namedLayoutInfos");
    node.putNull("networkScopeFieldName");
    node.set("recordTypeInfos", recordTypes(object, dataPath));
    node.put("searchLayoutable", true);
    node.put("sobjectDescribeOption", "FULL");
    node.putArray("supportedScopes");
    node.set("urls", describeUrls(object, dataPath));
    return node;
  }

  private static ObjectNode childRelationship(ChildRelationship child) {
    ObjectNode node = Json.object();
    node.put("cascadeDelete", child.cascadeDelete());
    node.put("childSObject", child.childSObject());
    node.put("deprecatedAndHidden", false);
    node.put("field", child.field());
    node.putArray("junctionIdListNames");
    node.putArray("junctionReferenceTo");
    node.put("relationshipName", child.relationshipName());
    node.put("restrictedDelete", false);
    return node;
  }

  private static ArrayNode recordTypes(SObjectDefinition object, String dataPath) {
    ArrayNode types = Json.array();
    ObjectNode master = types.addObject();
    master.put("active", true);
    master.put("available", true);
    master.put("defaultRecordTypeMapping", true);
    master.put("developerName", "Master");
    master.put("master", true);
    master.put("name", "Master");
    master.put("recordTypeId", MASTER_RECORD_TYPE);
    master
        .putObject("urls")
        .put(
            "layout",
            dataPath + "/sobjects/" + object.name() + "/describe/layouts/" + MASTER_RECORD_TYPE);
    return types;
  }

  private static ObjectNode describeUrls(SObjectDefinition object, String dataPath) {
    String base = dataPath + "/sobjects/" + object.name();
    ObjectNode urls = Json.object();
    urls.put("compactLayouts", base + "/describe/compactLayouts");
    urls.put("rowTemplate", base + "/{ID}");
    urls.put("approvalLayouts", base + "/describe/approvalLayouts");
    urls.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
    urls.put("describe", base + "/describe");
    urls.put("quickActions", base + "/quickActions");
    urls.put("layouts", base + "/describe/layouts");
    urls.put("sobject", base);
    return urls;
  }

  /** One field as describe reports it. */
  static ObjectNode field(FieldDefinition f) {
    FieldType type = f.type();
    ObjectNode node = Json.object();
    node.put("aggregatable", f.groupable() || type.isNumeric());
    node.put("aiPredictionField", false);
    node.put("autoNumber", f.autoNumber());
    node.put("byteLength", type.isText() ? f.length() * 3 : f.length());
    node.put("calculated", f.calculated());
    node.put("calculatedFormula", f.formula().orElse(null));
    node.put("cascadeDelete", f.cascadeDelete());
    node.put("caseSensitive", f.caseSensitive());
    node.put("compoundFieldName", f.compoundFieldName().orElse(null));
    node.putNull("controllerName");
    node.put("createable", f.createable());
    node.put("custom", f.custom());
    node.set(
        "defaultValue",
        type == FieldType.PICKLIST
            ? Json.MAPPER.nullNode()
            : WireFormat.value(f.defaultValue().orElse(null)));
    node.putNull("defaultValueFormula");
    node.put("defaultedOnCreate", f.defaultedOnCreate());
    node.put("dependentPicklist", false);
    node.put("deprecatedAndHidden", false);
    node.put("digits", f.digits());
    node.put("displayLocationInDecimal", false);
    node.put("encrypted", false);
    node.put("externalId", f.externalId());
    node.put("extraTypeInfo", type == FieldType.TEXTAREA ? "plaintextarea" : null);
    node.put("filterable", f.filterable());
    node.putNull("filteredLookupInfo");
    node.put("formulaTreatNullNumberAsZero", false);
    node.put("groupable", f.groupable());
    node.put("highScaleNumber", false);
    node.put("htmlFormatted", false);
    node.put("idLookup", f.idLookup());
    node.putNull("inlineHelpText");
    node.put("label", f.label());
    node.put("length", f.length());
    node.putNull("mask");
    node.putNull("maskType");
    node.put("name", f.name());
    node.put("nameField", f.nameField());
    node.put("namePointing", false);
    node.put("nillable", f.nillable());
    node.put("permissionable", f.custom() && !f.required());
    node.set("picklistValues", picklist(f.picklistValues()));
    node.put("polymorphicForeignKey", false);
    node.put("precision", f.precision());
    node.put("queryByDistance", false);
    node.putNull("referenceTargetField");
    ArrayNode referenceTo = node.putArray("referenceTo");
    f.referenceTo().ifPresent(referenceTo::add);
    node.put("relationshipName", f.relationshipName().orElse(null));
    node.putNull("relationshipOrder");
    node.put("restrictedDelete", false);
    node.put("restrictedPicklist", f.restrictedPicklist());
    node.put("scale", f.scale());
    node.put("searchPrefilterable", false);
    node.put("soapType", type.soapType());
    node.put("sortable", f.sortable());
    node.put("type", type.apiName());
    node.put("unique", f.unique());
    node.put("updateable", f.updateable());
    node.put("writeRequiresMasterRead", false);
    return node;
  }

  private static ArrayNode picklist(List<PicklistValue> values) {
    ArrayNode array = Json.array();
    for (PicklistValue value : values) {
      ObjectNode item = array.addObject();
      item.put("active", true);
      item.put("defaultValue", value.defaultValue());
      item.put("label", value.label());
      item.putNull("validFor");
      item.put("value", value.value());
    }
    return array;
  }
}
