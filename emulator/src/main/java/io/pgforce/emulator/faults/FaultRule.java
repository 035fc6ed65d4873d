package io.pgforce.emulator.faults;

import java.util.Locale;

/**
 * What to do to requests that match an endpoint: add latency, and/or fail some of them with a
 * status or a Salesforce error code.
 *
 * <p>{@code endpoint} matches a path prefix, given either in full ({@code /services/oauth2/token})
 * or below the API version ({@code /composite/sobjects} matches {@code
 * /services/data/v60.0/composite/sobjects?ids=...}); null or {@code *} matches every API path. With
 * {@code perRecord}, the rule fails individual records of sObject Collections calls instead of
 * whole requests, as Salesforce reports {@code UNABLE_TO_LOCK_ROW}.
 *
 * @param endpoint the path prefix to match, or null for all
 * @param method the HTTP method to match (GET, POST...), or null for all
 * @param rate the share of matching requests (or records) that fail, 0 to 1
 * @param status the HTTP status to fail with, or null to derive it from {@code error}
 * @param error the Salesforce error code to fail with, or null to derive it from {@code status}
 * @param message the error message, or null for Salesforce's usual one
 * @param latencyMs delay added to every matching request, in milliseconds
 * @param perRecord fail records of sObject Collections calls rather than whole requests
 * @param times how many failures before the rule retires itself, or null for no end
 */
public record FaultRule(
    String endpoint,
    String method,
    double rate,
    Integer status,
    String error,
    String message,
    long latencyMs,
    boolean perRecord,
    Integer times) {

  public FaultRule {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be between 0 and 1, got " + rate);
    }
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must not be negative");
    }
    if (status != null && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("status must be an HTTP status, got " + status);
    }
    if (times != null && times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    method = method == null ? null : method.toUpperCase(Locale.ROOT);
  }

  /** Every matching request fails with {@code status}. */
  public static FaultRule failing(String endpoint, int status) {
    return new FaultRule(endpoint, null, 1.0, status, null, null, 0, false, null);
  }

  /** Every matching request fails with the Salesforce error {@code code}. */
  public static FaultRule erroring(String endpoint, String code) {
    return new FaultRule(endpoint, null, 1.0, null, code, null, 0, false, null);
  }

  /** Every matching request is delayed. */
  public static FaultRule slow(String endpoint, long latencyMs) {
    return new FaultRule(endpoint, null, 1.0, null, null, null, latencyMs, false, null);
  }

  public FaultRule withRate(double value) {
    return new FaultRule(
        endpoint, method, value, status, error, message, latencyMs, perRecord, times);
  }

  public FaultRule onlyFor(String httpMethod) {
    return new FaultRule(
        endpoint, httpMethod, rate, status, error, message, latencyMs, perRecord, times);
  }

  /** The same rule, failing individual records of collections calls. */
  public FaultRule onRecords() {
    return new FaultRule(endpoint, method, rate, status, error, message, latencyMs, true, times);
  }

  public FaultRule times(int count) {
    return new FaultRule(
        endpoint, method, rate, status, error, message, latencyMs, perRecord, count);
  }

  /** Whether the rule fails requests (rather than only slowing them). */
  public boolean fails() {
    return status != null || error != null;
  }

  /** Whether the rule applies to a request; {@code path} is the request's full path. */
  public boolean matches(String httpMethod, String path) {
    if (method != null && !method.equals(httpMethod)) {
      return false;
    }
    if (endpoint == null || endpoint.equals("*")) {
      return true;
    }
    return startsWithSegment(path, endpoint) || startsWithSegment(belowVersion(path), endpoint);
  }

  private static boolean startsWithSegment(String path, String prefix) {
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return path.equals(trimmed) || path.startsWith(trimmed + "/") || trimmed.isEmpty();
  }

  private static String belowVersion(String path) {
    String data = "/services/data/";
    if (!path.startsWith(data)) {
      return path;
    }
    int slash = path.indexOf('/', data.length());
    return slash < 0 ? "/" : path.substring(slash);
  }
}
