package io.pgforce.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

  private static final List<String> FIELDS =
      List.of("Name", "Industry", "AnnualRevenue", "External_ID__c", "NumberOfEmployees");

  @Test
  void findsTyposAndAMissingCustomSuffix() {
    assertThat(ClosestName.to("Industy", FIELDS)).contains("Industry");
    assertThat(ClosestName.to("Nmae", FIELDS)).as("a swap is one edit").contains("Name");
    assertThat(ClosestName.to("annualrevenue", FIELDS)).contains("AnnualRevenue");
    assertThat(ClosestName.to("External_ID", FIELDS)).contains("External_ID__c");
    assertThat(ClosestName.hint("NumberOfEmployes", FIELDS))
        .isEqualTo("; did you mean 'NumberOfEmployees'?");
  }

  @Test
  void suggestsNothingForANameThatIsNotATypo() {
    assertThat(ClosestName.to("Revenue_Forecast__c", FIELDS)).isEmpty();
    assertThat(ClosestName.hint("Phone", FIELDS)).isEmpty();
  }
}
