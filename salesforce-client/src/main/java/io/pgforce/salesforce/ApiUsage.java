package io.pgforce.salesforce;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's API request usage as of the last response, read from the {@code Sforce-Limit-Info}
 * header ({@code api-usage=10018/100000}) that Salesforce adds to every REST response.
 *
 * @param used requests used in the rolling 24 hours
 * @param max the org's 24-hour allowance
 * @param observedAt when the response carrying it arrived
 */
public record ApiUsage(long used, long max, Instant observedAt) {

  private static final Pattern API_USAGE = Pattern.compile("(?:^|[,;\\s])api-usage=(\\d+)/(\\d+)");

  /** Parses the header; empty when the header is missing or carries no {@code api-usage}. */
  public static Optional<ApiUsage> parse(String header, Instant observedAt) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher matcher = API_USAGE.matcher(header);
    if (!matcher.find()) {
      return Optional.empty();
    }
    long used = Long.parseLong(matcher.group(1));
    long max = Long.parseLong(matcher.group(2));
    return Optional.of(new ApiUsage(used, max, observedAt));
  }

  /** Requests left in the rolling 24 hours. */
  public long remaining() {
    return Math.max(0, max - used);
  }

  /** The used share, 0.0 to 1.0 (1.0 when the allowance is unknown). */
  public double fractionUsed() {
    return max == 0 ? 1.0 : (double) used / max;
  }
}
