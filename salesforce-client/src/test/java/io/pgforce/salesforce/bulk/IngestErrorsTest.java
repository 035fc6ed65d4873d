package io.pgforce.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.error.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestErrorsTest {

  @Test
  void splitsCodeMessageAndFields() {
    assertThat(
            IngestErrors.parse(
                "REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --"))
        .isEqualTo(
            new ApiError(
                "REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name")));
  }

  @Test
  void readsSeveralFieldsAndMessagesWithoutFields() {
    assertThat(IngestErrors.parse("FIELD_INTEGRITY_EXCEPTION:bad values:Phone,Fax --").fields())
        .containsExactly("Phone", "Fax");
    assertThat(
            IngestErrors.parse(
                "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record"))
        .isEqualTo(
            new ApiError(
                "UNABLE_TO_LOCK_ROW",
                "unable to obtain exclusive access to this record",
                List.of()));
    assertThat(
            IngestErrors.parse(
                    "DUPLICATE_VALUE:duplicate value found: Ext__c duplicates value on record with id: 001A:--")
                .fields())
        .isEmpty();
  }

  @Test
  void keepsUnstructuredTextAsTheMessage() {
    assertThat(IngestErrors.parse("something odd"))
        .isEqualTo(new ApiError("UNKNOWN_ERROR", "something odd", List.of()));
    assertThat(IngestErrors.parse(null).code()).isEqualTo("UNKNOWN_ERROR");
  }
}
