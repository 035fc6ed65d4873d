package io.pgforce.emulator.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataFileTest {

  @Test
  void customObjectsGetSystemFieldsANameFieldAndAKeyPrefix() {
    OrgSchema schema =
        MetadataFile.parse(
            "{\"objects\":[{\"name\":\"Project__c\",\"fields\":["
                + "{\"name\":\"Budget__c\",\"type\":\"currency\"},"
                + "{\"name\":\"Client__c\",\"type\":\"reference\",\"referenceTo\":\"Account\"}]}]}");
    SObjectDefinition project = schema.require("project__c");
    assertThat(project.keyPrefix()).isEqualTo("a01");
    assertThat(project.fields())
        .extracting(FieldDefinition::name)
        .startsWith("Id", "IsDeleted", "Name", "Budget__c", "Client__c")
        .endsWith("SystemModstamp");
    assertThat(project.requireField("Budget__c").scale()).isEqualTo(2);
    assertThat(project.relationship("client__r")).isPresent();
    assertThat(schema.byKeyPrefix("a01")).contains(project);
    assertThat(schema.childRelationships("Account"))
        .extracting(ChildRelationship::childSObject)
        .contains("Project__c", "Contact");
  }

  @Test
  void customFieldsOnStandardObjectsFollowTheStandardOnes() {
    OrgSchema schema =
        MetadataFile.parse(
            "{\"fields\":{\"Contact\":[{\"name\":\"Loyalty__c\",\"type\":\"picklist\","
                + "\"values\":[\"Gold\",\"Silver\"],\"default\":\"Silver\"}]}}");
    SObjectDefinition contact = schema.require("Contact");
    List<FieldDefinition> fields = contact.fields();
    assertThat(fields.get(fields.size() - 1).name()).isEqualTo("Loyalty__c");
    assertThat(contact.requireField("Loyalty__c").defaultValue()).contains("Silver");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                MetadataFile.parse(
                    "{\"objects\":[{\"name\":\"NoSuffix\"},{\"name\":\"A__c\",\"fields\":["
                        + "{\"name\":\"B__c\",\"type\":\"blob\"},"
                        + "{\"name\":\"C__c\",\"type\":\"reference\"},"
                        + "{\"name\":\"D__c\",\"type\":\"double\",\"formula\":\"Nope__c + 1\"}]}],"
                        + "\"fields\":{\"Widget\":[]}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("objects[0].name")
        .hasMessageContaining("unsupported field type 'blob'")
        .hasMessageContaining("needs \"referenceTo\"")
        .hasMessageContaining("formula reads unknown field Nope__c")
        .hasMessageContaining("fields.Widget");
  }

  @Test
  void referencesToUnknownObjectsAndClashingPrefixesAreRefused() {
    assertThatThrownBy(
            () ->
                MetadataFile.parse(
                    "{\"objects\":[{\"name\":\"A__c\",\"fields\":["
                        + "{\"name\":\"X__c\",\"type\":\"reference\",\"referenceTo\":\"Ghost__c\"}]}]}"))
        .hasMessageContaining("references unknown object Ghost__c");
    assertThatThrownBy(
            () -> MetadataFile.parse("{\"objects\":[{\"name\":\"A__c\",\"keyPrefix\":\"001\"}]}"))
        .hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> MetadataFile.parse("[]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> MetadataFile.parse("{")).hasMessageContaining("Invalid metadata");
  }

  @Test
  void formulasComputeArithmeticAndText() {
    Formula formula = Formula.parse("(Price__c - Discount__c) * 2 / 4");
    assertThat(formula.fieldNames()).containsExactlyInAnyOrder("Price__c", "Discount__c");
    assertThat(formula.compute(Map.of("Price__c", 10.0, "Discount__c", 2.0)::get)).isEqualTo(4.0);
    assertThat(formula.compute(Map.of("Price__c", 10.0)::get)).isNull();
    assertThat(Formula.parse("First__c & ' ' & 'x'").compute(Map.of("First__c", "Ada")::get))
        .isEqualTo("Ada x");
    assertThat(Formula.parse("-A__c").compute(Map.of("A__c", 3.0)::get)).isEqualTo(-3.0);
    assertThat(Formula.parse("A__c / 0").compute(Map.of("A__c", 3.0)::get)).isNull();
    assertThatThrownBy(() -> Formula.parse("IF(A__c, 1, 2)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Formula.parse("Account__r.Name")).hasMessageContaining("cross-object");
    assertThatThrownBy(() -> Formula.parse("(1 + 2")).hasMessageContaining("expected ')'");
  }
}
