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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * describeGlobal and sObject describe bodies, with the keys a real org sends (alphabetical, as
 * Salesforce writes them). Flags the emulator does not model take the value a plain org has.
 */
final class DescribeJson {

  private static final Set<String> MERGEABLE = Set.of("Account", "Contact", "Lead", "Case");
  private static final String MASTER_RECORD_TYPE = "012000000000000AAA";
  private static final List<String> ALWAYS_FALSE =
      List.of(
          "aiPredictionField",
          "dependentPicklist",
          "deprecatedAndHidden",
          "displayLocationInDecimal",
          "encrypted",
          "formulaTreatNullNumberAsZero",
          "highScaleNumber",
          "htmlFormatted",
          "namePointing",
          "polymorphicForeignKey",
          "queryByDistance",
          "restrictedDelete",
          "searchPrefilterable",
          "writeRequiresMasterRead");
  private static final List<String> ALWAYS_NULL =
      List.of(
          "controllerName",
          "defaultValueFormula",
          "filteredLookupInfo",
          "inlineHelpText",
          "mask",
          "maskType",
          "referenceTargetField",
          "relationshipOrder");

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

  /** One field as describe reports it: its keys in alphabetical order, as Salesforce sends. */
  static ObjectNode field(FieldDefinition f) {
    ObjectNode node = Json.object();
    shape(node, f);
    flags(node, f);
    links(node, f);
    return sorted(node);
  }

  /** Name, label, type and size. */
  private static void shape(ObjectNode node, FieldDefinition f) {
    FieldType type = f.type();
    node.put("name", f.name());
    node.put("label", f.label());
    node.put("type", type.apiName());
    node.put("soapType", type.soapType());
    node.put("length", f.length());
    node.put("byteLength", type.isText() ? f.length() * 3 : f.length());
    node.put("digits", f.digits());
    node.put("precision", f.precision());
    node.put("scale", f.scale());
    node.put("extraTypeInfo", type == FieldType.TEXTAREA ? "plaintextarea" : null);
    node.set(
        "defaultValue",
        type == FieldType.PICKLIST
            ? Json.MAPPER.nullNode()
            : WireFormat.value(f.defaultValue().orElse(null)));
    node.put("calculatedFormula", f.formula().orElse(null));
    node.put("compoundFieldName", f.compoundFieldName().orElse(null));
  }

  /** What the field allows. */
  private static void flags(ObjectNode node, FieldDefinition f) {
    node.put("aggregatable", f.groupable() || f.type().isNumeric());
    node.put("autoNumber", f.autoNumber());
    node.put("calculated", f.calculated());
    node.put("caseSensitive", f.caseSensitive());
    node.put("createable", f.createable());
    node.put("custom", f.custom());
    node.put("defaultedOnCreate", f.defaultedOnCreate());
    node.put("externalId", f.externalId());
    node.put("filterable", f.filterable());
    node.put("groupable", f.groupable());
    node.put("idLookup", f.idLookup());
    node.put("nameField", f.nameField());
    node.put("nillable", f.nillable());
    node.put("permissionable", f.custom() && !f.required());
    node.put("restrictedPicklist", f.restrictedPicklist());
    node.put("sortable", f.sortable());
    node.put("unique", f.unique());
    node.put("updateable", f.updateable());
    for (String off : ALWAYS_FALSE) {
      node.put(off, false);
    }
  }

  /** Lookups, picklist values and the keys a plain org leaves empty. */
  private static void links(ObjectNode node, FieldDefinition f) {
    node.put("cascadeDelete", f.cascadeDelete());
    ArrayNode referenceTo = node.putArray("referenceTo");
    f.referenceTo().ifPresent(referenceTo::add);
    node.put("relationshipName", f.relationshipName().orElse(null));
    node.set("picklistValues", picklist(f.picklistValues()));
    for (String empty : ALWAYS_NULL) {
      node.putNull(empty);
    }
  }

  private static ObjectNode sorted(ObjectNode node) {
    ObjectNode sorted = Json.object();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.stream().sorted().forEach(name -> sorted.set(name, node.get(name)));
    return sorted;
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
