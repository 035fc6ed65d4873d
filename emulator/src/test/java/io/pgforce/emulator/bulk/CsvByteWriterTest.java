package io.pgforce.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvByteWriterTest {

  @Test
  void quotesEveryValueAndLeavesNullEmpty() throws IOException {
    assertThat(row(CsvDialect.DEFAULT, "Acme", null, 42, true, false, "say \"hi\""))
        .isEqualTo("\"Acme\",,\"42\",\"true\",\"false\",\"say \"\"hi\"\"\"\n");
  }

  @Test
  void writesDatetimesWithMillisecondsAndDatesPlain() throws IOException {
    assertThat(
            row(
                CsvDialect.DEFAULT,
                Instant.parse("2018-12-10T17:50:19Z"),
                Instant.parse("1969-12-31T23:59:59.123Z"),
                LocalDate.of(2024, 2, 29),
                LocalTime.of(7, 5, 3, 45_000_000)))
        .isEqualTo(
            "\"2018-12-10T17:50:19.000Z\",\"1969-12-31T23:59:59.123Z\",\"2024-02-29\","
                + "\"07:05:03.045Z\"\n");
  }

  @Test
  void datetimesMatchJavasFormattingOverCenturies() throws IOException {
    DateTimeFormatter expected =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L), 1_000_000L * i);
      assertThat(row(CsvDialect.DEFAULT, instant))
          .isEqualTo("\"" + expected.format(instant) + "\"\n");
    }
  }

  @Test
  void writesNumbersWithoutExponentsOrNeedlessFractions() throws IOException {
    assertThat(row(CsvDialect.DEFAULT, 1500.0, 12.5, -3.0, 1.0E10, 0.000123, -7))
        .isEqualTo("\"1500\",\"12.5\",\"-3\",\"10000000000\",\"0.000123\",\"-7\"\n");
  }

  @Test
  void encodesUtf8IncludingSurrogatePairs() throws IOException {
    assertThat(row(CsvDialect.DEFAULT, "Zürich ✓ 😀")).isEqualTo("\"Zürich ✓ 😀\"\n");
  }

  @Test
  void writesValuesLongerThanItsBuffer() throws IOException {
    String big = "é\"x".repeat(40_000);
    String expected = "\"" + big.replace("\"", "\"\"") + "\"\n";
    assertThat(row(CsvDialect.DEFAULT, big, null)).isEqualTo(expected.replace("\n", ",\n"));
  }

  @Test
  void usesTheJobsDelimiterAndLineEnding() throws IOException {
    CsvDialect pipes = CsvDialect.of("PIPE", "CRLF").orElseThrow();
    assertThat(row(pipes, "a", "b")).isEqualTo("\"a\"|\"b\"\r\n");
    assertThat(CsvDialect.of("COLON", null)).isEmpty();
  }

  private static String row(CsvDialect dialect, Object... values) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvByteWriter writer = new CsvByteWriter(out, dialect);
    for (Object value : values) {
      writer.value(value);
    }
    writer.endRow();
    writer.flush();
    return out.toString(StandardCharsets.UTF_8);
  }
}
