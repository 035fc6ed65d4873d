package io.pgforce.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.Problems;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableDefinitionTest {

  @Test
  void resolvesColumnsInMappingOrderWithHerokuTypes() {
    Mapping m =
        SampleObjects.mapping(
            Access.READ_ONLY,
            "Name",
            "Description",
            "AnnualRevenue",
            "NumberOfEmployees",
            "Industry",
            "ParentId");

    TableDefinition def =
        TableDefinition.resolve(m, SampleObjects.account(), new Problems()).orElseThrow();

    assertThat(def.columns())
        .extracting(Column::name, Column::sqlType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sfid", "varchar(18)"),
            org.assertj.core.groups.Tuple.tuple("isdeleted", "boolean"),
            org.assertj.core.groups.Tuple.tuple("systemmodstamp", "timestamp"),
            org.assertj.core.groups.Tuple.tuple("name", "varchar(255)"),
            org.assertj.core.groups.Tuple.tuple("description", "text"),
            org.assertj.core.groups.Tuple.tuple("annualrevenue", "double precision"),
            org.assertj.core.groups.Tuple.tuple("numberofemployees", "integer"),
            org.assertj.core.groups.Tuple.tuple("industry", "varchar(255)"),
            org.assertj.core.groups.Tuple.tuple("parentid", "varchar(18)"));
    assertThat(def.soqlFieldList())
        .isEqualTo(
            "Id, IsDeleted, SystemModstamp, Name, Description, AnnualRevenue, NumberOfEmployees, Industry, ParentId");
  }

  @Test
  void flattensCompoundAddressFields() {
    Mapping m = SampleObjects.mapping(Access.READ_ONLY, "BillingAddress", "BillingCity");

    TableDefinition def =
        TableDefinition.resolve(m, SampleObjects.account(), new Problems()).orElseThrow();

    assertThat(def.columns())
        .extracting(Column::name)
        .containsExactly(
            "sfid",
            "isdeleted",
            "systemmodstamp",
            "billingstreet",
            "billingcity",
            "billinglatitude");
  }

  @Test
  void namesIndexesTheHerokuConnectWay() {
    Mapping m =
        new Mapping(
            "Account",
            Access.READ_WRITE,
            false,
            600,
            30000,
            List.of("Name", "External_ID__c"),
            Map.of("Name", false),
            Optional.of("External_ID__c"));

    TableDefinition def =
        TableDefinition.resolve(m, SampleObjects.account(), new Problems()).orElseThrow();

    assertThat(def.indexes())
        .extracting(IndexDefinition::name)
        .containsExactly(
            "hcu_idx_account_sfid",
            "hc_idx_account_systemmodstamp",
            "hcu_idx_account_external_id__c",
            "hc_idx_account_name");
    assertThat(def.indexes().get(0).createSql("salesforce"))
        .isEqualTo(
            "CREATE UNIQUE INDEX IF NOT EXISTS \"hcu_idx_account_sfid\" ON \"salesforce\".\"account\" (\"sfid\")");
  }

  @Test
  void reportsEveryUnknownFieldAndIndex() {
    Mapping m =
        new Mapping(
            "Account",
            Access.READ_ONLY,
            false,
            600,
            30000,
            List.of("Name", "Nmae", "Revenue__c"),
            Map.of("Phone", true),
            Optional.empty());
    Problems problems = new Problems();

    assertThat(TableDefinition.resolve(m, SampleObjects.account(), problems)).isEmpty();
    assertThat(problems.list())
        .hasSize(3)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("mapping Account: No such column 'Nmae' on entity 'Account'"))
        .anySatisfy(p -> assertThat(p).contains("'Revenue__c'"))
        .anySatisfy(
            p -> assertThat(p).contains("index on Phone, which is not among the mapping's fields"));
  }

  @Test
  void resolvesRelationshipExternalIdColumnsAsHerokuConnectNamesThem() {
    Mapping m =
        new Mapping(
            "Contact",
            Access.READ_WRITE,
            false,
            600,
            30000,
            List.of("LastName", "AccountId", "Account__r__External_ID__c", "Owner__r__Ext__c"),
            Map.of(),
            Optional.empty());
    Problems problems = new Problems();

    assertThat(TableDefinition.resolve(m, SampleObjects.contact(), problems)).isEmpty();
    assertThat(problems.list())
        .singleElement()
        .asString()
        .contains("'Owner__r__Ext__c' names the relationship 'Owner'");

    Mapping ok = m.withFields(List.of("LastName", "AccountId", "Account__r__External_ID__c"));
    TableDefinition def =
        TableDefinition.resolve(ok, SampleObjects.contact(), new Problems()).orElseThrow();
    Column rel = def.column("Account.External_ID__c").orElseThrow();
    assertThat(rel.name()).isEqualTo("account__r__external_id__c");
    assertThat(rel.field().referenceTo()).containsExactly("Account");
    assertThat(def.soqlFieldList()).endsWith("AccountId, Account.External_ID__c");
  }

  @Test
  void quotesIdentifiersSoNoNameCarriesSyntax() {
    assertThat(Sql.id("weird\"name")).isEqualTo("\"weird\"\"name\"");
    assertThat(Sql.id("salesforce", "account")).isEqualTo("\"salesforce\".\"account\"");
    assertThat(Sql.literal("O'Brien")).isEqualTo("'O''Brien'");
  }
}
