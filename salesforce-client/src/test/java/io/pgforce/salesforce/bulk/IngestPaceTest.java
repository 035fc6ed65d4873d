package io.pgforce.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestPaceTest {

  private static JobInfo completed(long rows, long processingMillis) throws Exception {
    return JobInfo.fromJson(
        new ObjectMapper()
            .readTree(
                """
                {"id": "750B00000000001AAA", "state": "JobComplete",
                 "numberRecordsProcessed": %d, "numberRecordsFailed": 0,
                 "totalProcessingTime": %d}"""
                    .formatted(rows, processingMillis)));
  }

  @Test
  void beforeAnyJobTheFirstLookWaitsFiftyMicrosecondsARow() {
    IngestPace pace = new IngestPace();

    assertThat(pace.firstLook(10_000)).isEqualTo(Duration.ofMillis(500));
    assertThat(pace.firstLook(1)).isEqualTo(Duration.ofMillis(200)); // the poll backoff's first
    assertThat(pace.firstLook(1_000_000)).isEqualTo(Duration.ofSeconds(10)); // and its longest
  }

  @Test
  void aCompletedJobSetsThePaceTheNextFirstLookExpects() throws Exception {
    IngestPace pace = new IngestPace();

    pace.completed(completed(10_000, 4_000)); // a busy org: 0.4 ms a row, 0.8 with the margin
    assertThat(pace.firstLook(5_000)).isEqualTo(Duration.ofSeconds(4));

    pace.completed(completed(10_000, 100)); // a fast one: 10 µs a row, 20 with the margin
    assertThat(pace.firstLook(20_000)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void aJobWithoutAMeasurableProcessingTimeLeavesThePaceAsItWas() throws Exception {
    IngestPace pace = new IngestPace();
    pace.completed(completed(10_000, 1_000));

    pace.completed(completed(3, 0));
    pace.completed(completed(0, 0));

    assertThat(pace.firstLook(10_000)).isEqualTo(Duration.ofMillis(2_000));
  }

  @Test
  void rowsAreTheUploadsLineBreaks() {
    assertThat(IngestPace.rows("Name\nA\nB\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(3);
  }
}
