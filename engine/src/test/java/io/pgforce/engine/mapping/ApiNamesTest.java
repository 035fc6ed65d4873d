package io.pgforce.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiNamesTest {

  @Test
  void acceptsStandardCustomAndNamespacedNames() {
    assertThat(ApiNames.isValid("Name")).isTrue();
    assertThat(ApiNames.isValid("Invoice_Total__c")).isTrue();
    assertThat(ApiNames.isValid("acme__Invoice__c")).isTrue();
    assertThat(ApiNames.isValid("Account__r")).isTrue();
  }

  @Test
  void rejectsAnythingThatCouldCarrySyntax() {
    assertThat(ApiNames.isValid("Name, Id")).isFalse();
    assertThat(ApiNames.isValid("Name\"")).isFalse();
    assertThat(ApiNames.isValid("_Name")).isFalse();
    assertThat(ApiNames.isValid("Name_")).isFalse();
    assertThat(ApiNames.isValid("A___b")).isFalse();
    assertThat(ApiNames.isValid("")).isFalse();
    assertThat(ApiNames.isValid(null)).isFalse();
  }
}
