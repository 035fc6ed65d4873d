package io.pgforce.salesforce;

import io.pgforce.salesforce.bulk.CancelHandle;
import java.io.InputStream;
import java.time.Duration;

/**
 * Child-JVM half of {@link BulkMemoryIT}: streams every Account through a bulk query, counting
 * bytes and rows without keeping them, and prints {@code rows=N bytes=B total=T}.
 *
 * <p>Arguments: loginUrl username password clientId clientSecret.
 */
public final class BulkMemoryMain {

  private BulkMemoryMain() {}

  public static void main(String[] args) throws Exception {
    SalesforceConfig config =
        SalesforceConfig.builder()
            .loginUrl(args[0])
            .authFlow(AuthFlow.PASSWORD)
            .username(args[1])
            .password(args[2])
            .clientId(args[3])
            .clientSecret(args[4])
            .requestTimeout(Duration.ofSeconds(60))
            .build();
    long[] rows = {0};
    long[] bytes = {0};
    try (SalesforceClient client = SalesforceClient.connect(config)) {
      long total =
          client
              .bulk()
              .query(
                  "SELECT Id, Name, Phone FROM Account",
                  false,
                  page -> count(page, rows, bytes),
                  CancelHandle.none());
      System.out.println(
          "rows="
              + rows[0]
              + " bytes="
              + bytes[0]
              + " total="
              + total
              + " maxMemory="
              + Runtime.getRuntime().maxMemory());
    }
  }

  /** Counts the lines after the header (the selected fields hold no line breaks). */
  private static void count(InputStream page, long[] rows, long[] bytes) throws Exception {
    byte[] buffer = new byte[64 * 1024];
    boolean header = true;
    for (int n = page.read(buffer); n >= 0; n = page.read(buffer)) {
      bytes[0] += n;
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          if (header) {
            header = false;
          } else {
            rows[0]++;
          }
        }
      }
    }
  }
}
